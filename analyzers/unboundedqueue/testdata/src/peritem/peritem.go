package peritem

import (
	"context"
	"net"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type Msg struct{ Data []byte }

type Sub struct{}

func (*Sub) NextMsg(timeout time.Duration) (*Msg, error)  { return nil, nil }
func (*Sub) Next() bool                                   { return false }
func (*Sub) ReadMessage(ctx context.Context) (Msg, error) { return Msg{}, nil }

func handle(m Msg)        {}
func handlePtr(m *Msg)    {}
func handleErr(Msg) error { return nil }

func rangeChannel(msgs <-chan Msg) {
	for m := range msgs {
		go handle(m) // want `goroutine started per item received from a channel with no limit on concurrency`
	}
}

func receiveLoop(ctx context.Context, msgs <-chan Msg) {
	for {
		select {
		case m := <-msgs:
			go func() { handle(m) }() // want `goroutine started per item received from a channel`
		case <-ctx.Done():
			return
		}
	}
}

func subscription(sub *Sub) {
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			return
		}
		go handlePtr(m) // want `goroutine started per item received from NextMsg`
	}
}

func kafkaStyle(ctx context.Context, r *Sub) {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return
		}
		go handle(m) // want `goroutine started per item received from ReadMessage`
	}
}

func errgroupNoLimit(ctx context.Context, msgs <-chan Msg) error {
	g, ctx := errgroup.WithContext(ctx)
	for m := range msgs {
		g.Go(func() error { return handleErr(m) }) // want `goroutine started per item received from a channel`
	}
	return g.Wait()
}

func waitGroupGo(msgs <-chan Msg) {
	var wg sync.WaitGroup
	for m := range msgs {
		wg.Go(func() { handle(m) }) // want `goroutine started per item`
	}
	wg.Wait()
}

// Negatives.

func withSemaphore(msgs <-chan Msg) {
	sem := make(chan struct{}, 16)
	for m := range msgs {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			handle(m)
		}()
	}
}

func withTokens(msgs <-chan Msg, tokens chan struct{}) {
	for m := range msgs {
		<-tokens
		go func() {
			handle(m)
			tokens <- struct{}{}
		}()
	}
}

type weighted struct{}

func (*weighted) Acquire(ctx context.Context, n int64) error { return nil }
func (*weighted) Release(n int64)                            {}

func withWeighted(ctx context.Context, msgs <-chan Msg, sem *weighted) {
	for m := range msgs {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() { defer sem.Release(1); handle(m) }()
	}
}

func errgroupLimited(ctx context.Context, msgs <-chan Msg) error {
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for m := range msgs {
		g.Go(func() error { return handleErr(m) })
	}
	return g.Wait()
}

// A group from elsewhere may carry a limit.
func errgroupParam(g *errgroup.Group, msgs <-chan Msg) {
	for m := range msgs {
		g.Go(func() error { return handleErr(m) })
	}
}

// Waiting in the loop: one at a time.
func waitEach(msgs <-chan Msg) {
	for m := range msgs {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); handle(m) }()
		wg.Wait()
	}
}

// A fixed worker pool.
func pool(msgs <-chan Msg) {
	for range 8 {
		go func() {
			for m := range msgs {
				handle(m)
			}
		}()
	}
}

// Fan-out over a slice: bounded by its length.
func fanOut(items []Msg) {
	for _, m := range items {
		go handle(m)
	}
}

func fanOutMap(items map[string]Msg) {
	for _, m := range items {
		go handle(m)
	}
}

// Accept loops: one goroutine per connection is the net/http model.
func serve(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go func() { conn.Close() }()
	}
}

// Ticker channels have a fixed rate.
func ticks(t *time.Ticker, poll func()) {
	for now := range t.C {
		go func() { _ = now; poll() }()
	}
}

// A goroutine started in a ticker's case: one per tick, whatever the
// other cases receive and it uses.
func perTick(t *time.Ticker, conns <-chan *Msg, msgs <-chan Msg) {
	var conn *Msg
	for {
		select {
		case <-t.C:
			if conn != nil {
				go handlePtr(conn)
			}
		case conn = <-conns:
		case m := <-msgs:
			handle(m)
		}
	}
}

// Look-alike, reported: the goroutine is started in the case that
// receives the item, beside a ticker's case.
func perItemBesideTick(t *time.Ticker, conns <-chan *Msg) {
	for {
		select {
		case <-t.C:
		case conn := <-conns:
			go handlePtr(conn) // want `goroutine started per item received from a channel with no limit on concurrency`
		}
	}
}

// Look-alike, reported: a timer's case in a loop over items fires once
// per item when the workers are busy.
func overflow(msgs <-chan *Msg, work chan<- *Msg) {
	for m := range msgs {
		select {
		case work <- m:
		case <-time.After(100 * time.Millisecond):
			go handlePtr(m) // want `goroutine started per item received from a channel with no limit on concurrency`
		}
	}
}

// Iterators' Next returns a bool, not a message.
func iterate(s *Sub, m Msg) {
	for s.Next() {
		go handle(m)
	}
}

// A goroutine per loop iteration that does not handle the item.
func unrelated(ctx context.Context, msgs <-chan Msg, tick <-chan struct{}, flush func()) {
	for {
		select {
		case m := <-msgs:
			handle(m)
		case <-tick:
			go flush()
		}
	}
}

// Generics: a goroutine per item of a channel of a type parameter.
func FanIn[T any](items <-chan T, handle func(T)) {
	for it := range items {
		go handle(it) // want `goroutine started per item received from a channel`
	}
}

// A type parameter whose core type is a channel: out of view, silent.
func FanInC[C ~chan T, T any](items C, handle func(T)) {
	for it := range items {
		go handle(it)
	}
}

type Queue[T any] struct{ ch chan T }

func (q *Queue[T]) Push(v T) {
	go func() { q.ch <- v }() // want `goroutine started only to send on a channel`
}
