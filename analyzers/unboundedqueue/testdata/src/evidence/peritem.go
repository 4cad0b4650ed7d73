// Package evidence: by default, a goroutine per received item and a
// slice queue are reported only when the consumer waits on the network.
package evidence

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"sync"

	"evidence/remote"

	"example.com/pb"
)

type Event struct {
	ID  string
	URL string
}

// Positives: the goroutine waits on the network.

// An HTTP call in the goroutine's literal.
func forwardHTTP(events <-chan Event) {
	for ev := range events {
		go func() { // want `goroutine started per item received from a channel with no limit on concurrency`
			resp, err := http.Get(ev.URL)
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
}

// A database/sql statement, in a method the goroutine runs.
type store struct{ db *sql.DB }

func (s *store) save(ev Event) {
	s.db.ExecContext(context.Background(), "INSERT INTO events VALUES ($1)", ev.ID)
}

func (s *store) consume(events <-chan Event) {
	for ev := range events {
		go s.save(ev) // want `goroutine started per item received from a channel`
	}
}

// A generated gRPC stub, one helper away.
type relay struct{ sink pb.SinkClient }

func (r *relay) deliver(ev Event) {
	r.call(context.Background())
}

func (r *relay) call(ctx context.Context) {
	r.sink.Deliver(ctx, &pb.Event{})
}

func (r *relay) run(events <-chan Event) {
	for ev := range events {
		go func(ev Event) { // want `goroutine started per item received from a channel`
			r.deliver(ev)
		}(ev)
	}
}

// Two calls away, in another package: seen through netreach's fact.
func hooks(events <-chan Event) {
	var wg sync.WaitGroup
	for ev := range events {
		wg.Go(func() { // want `goroutine started per item received from a channel`
			remote.Notify(context.Background(), ev.URL)
		})
	}
	wg.Wait()
}

// A method value of the item handed to WaitGroup.Go.
func (ev Event) notify() { remote.Notify(context.Background(), ev.URL) }

func notifyAll(events <-chan Event) {
	var wg sync.WaitGroup
	for ev := range events {
		wg.Go(ev.notify) // want `goroutine started per item received from a channel`
	}
	wg.Wait()
}

// A spawner of another package whose goroutine posts: through both
// facts.
func submit(d *remote.Dispatcher, jobs <-chan remote.Job) {
	for j := range jobs {
		d.Submit(j) // want `Submit starts a goroutine on every call, and it is called per item received from a channel`
	}
}

// Negatives: the same shapes whose goroutine does only local work.

func checksum(b []byte) (sum byte) {
	for _, c := range b {
		sum ^= c
	}
	return sum
}

// CPU work.
func hashAll(events <-chan Event) {
	for ev := range events {
		go func() {
			_ = checksum([]byte(ev.ID))
		}()
	}
}

// A send to a local consumer, and logging.
func fanIn(events <-chan Event, out chan<- string) {
	for ev := range events {
		go func() {
			log.Printf("event %s", ev.ID)
			out <- fmt.Sprint(ev.ID)
		}()
	}
}

// A map update under a mutex, in a method.
type index struct {
	mu   sync.Mutex
	seen map[string]int
}

func (x *index) add(ev Event) {
	x.mu.Lock()
	x.seen[ev.ID]++
	x.mu.Unlock()
}

func (x *index) consume(events <-chan Event) {
	for ev := range events {
		go x.add(ev)
	}
}

// Closing a channel when done.
func finish(events <-chan Event) []chan struct{} {
	var dones []chan struct{}
	for ev := range events {
		done := make(chan struct{})
		dones = append(dones, done)
		go func() {
			defer close(done)
			_ = checksum([]byte(ev.ID))
		}()
	}
	return dones
}

// A function value: what it does is not seen.
func dispatch(events <-chan Event, handle func(Event)) {
	for ev := range events {
		go handle(ev)
	}
}

func dispatchLit(events <-chan Event, handle func(Event)) {
	for ev := range events {
		go func() { handle(ev) }()
	}
}

// A spawner of another package whose goroutine only computes.
func hashJobs(d *remote.Dispatcher, jobs <-chan remote.Job) {
	for j := range jobs {
		d.Hash(j)
	}
}

// A local spawner whose goroutine indexes.
func (x *index) submit(ev Event) { // want submit:"spawns an unbounded goroutine per call"
	go x.add(ev)
}

func (x *index) feed(events <-chan Event) {
	for ev := range events {
		x.submit(ev)
	}
}
