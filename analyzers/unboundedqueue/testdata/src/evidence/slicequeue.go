package evidence

import (
	"context"
	"net/http"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"
)

type message struct {
	channel string
	payload []byte
}

// Positive: the worker swaps the slice out and sends a Redis pipeline.
type publishQueue struct {
	ctx      context.Context
	rc       *redis.Client
	mu       sync.Mutex
	messages []message
	wakeup   chan struct{}
}

func (q *publishQueue) Enqueue(m message) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.messages = append(q.messages, m) // want `slice queue messages grows without bound: Enqueue appends with no length check and worker drains it`
	select {
	case q.wakeup <- struct{}{}:
	default:
	}
}

func (q *publishQueue) worker() {
	for range q.wakeup {
		q.mu.Lock()
		messages := q.messages
		q.messages = nil
		q.mu.Unlock()
		p := q.rc.Pipeline()
		for _, m := range messages {
			p.Publish(q.ctx, m.channel, m.payload)
		}
		p.Exec(q.ctx)
	}
}

// Positive: the drain returns the items; a loop of the package that
// calls it posts them, through a helper.
type batcher struct {
	mu      sync.Mutex
	pending []string
	wake    chan struct{}
}

func (b *batcher) Add(s string) {
	b.mu.Lock()
	b.pending = append(b.pending, s) // want `slice queue pending grows without bound: Add appends with no length check and take drains it`
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *batcher) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.pending
	b.pending = nil
	return out
}

func (b *batcher) start(url string) { // want start:"spawns an unbounded goroutine per call"
	go func() {
		for range b.wake {
			flushTo(url, b.take())
		}
	}()
}

func flushTo(url string, batch []string) {
	http.Post(url, "text/plain", strings.NewReader(strings.Join(batch, "\n")))
}

// Negative: the same queue drained into local work (a count, a channel
// to a local consumer).
type localQueue struct {
	mu      sync.Mutex
	pending []string
	wake    chan struct{}
	out     chan string
	n       int
}

func (q *localQueue) Add(s string) {
	q.mu.Lock()
	q.pending = append(q.pending, s)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *localQueue) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.pending
	q.pending = nil
	return out
}

func (q *localQueue) run() {
	for range q.wake {
		for _, s := range q.take() {
			q.n += len(s)
			q.out <- s
		}
	}
}

// Negative: the drain hands the items to a function value: the consumer
// is not seen.
type callbackQueue struct {
	mu      sync.Mutex
	items   []string
	wake    chan struct{}
	process func([]string)
}

func (q *callbackQueue) Push(s string) {
	q.mu.Lock()
	q.items = append(q.items, s)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *callbackQueue) Pop() {
	q.mu.Lock()
	items := q.items
	q.items = nil
	q.mu.Unlock()
	q.process(items)
}

// The local queue's reset reaches the network but discards what the
// drain returns: not a consumer.
func (q *localQueue) reset(url string) {
	q.take()
	http.Get(url)
}
