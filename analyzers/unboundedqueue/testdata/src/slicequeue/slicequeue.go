package slicequeue

import (
	"errors"
	"sync"
)

type Entry struct{ Line string }

// A log queue: push appends under a mutex and wakes the writer; flush
// swaps the slice out. Nothing stops push when the writer falls behind.
type logQueue struct {
	mu      sync.Mutex
	entries []Entry
	wake    chan struct{}
}

func (q *logQueue) push(e Entry) {
	q.mu.Lock()
	q.entries = append(q.entries, e) // want `slice queue entries grows without bound: push appends with no length check and flush drains it`
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *logQueue) flush() []Entry {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.entries
	q.entries = nil
	return out
}

// A broadcast queue woken by sync.Cond, drained from the front.
type broadcaster struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []string
}

func (b *broadcaster) Publish(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, msg) // want `slice queue pending grows without bound: Publish appends`
	b.cond.Signal()
}

func (b *broadcaster) next() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.pending) == 0 {
		b.cond.Wait()
	}
	msg := b.pending[0]
	b.pending = b.pending[1:]
	return msg
}

// Swapped for a spare buffer.
type batcher struct {
	mu    sync.Mutex
	buf   []int
	spare []int
	ready chan struct{}
}

func (b *batcher) Add(v int) {
	b.mu.Lock()
	b.buf = append(b.buf, v) // want `slice queue buf grows without bound`
	b.mu.Unlock()
	b.ready <- struct{}{}
}

func (b *batcher) take() []int {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.buf
	b.buf, b.spare = b.spare[:0], out
	return out
}

// Negatives.

// A length check before the append drops when full.
type bounded struct {
	mu    sync.Mutex
	items []Entry
	wake  chan struct{}
	max   int
}

var errFull = errors.New("queue full")

func (q *bounded) push(e Entry) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.max {
		return errFull
	}
	q.items = append(q.items, e)
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return nil
}

func (q *bounded) drain() []Entry {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = q.items[:0]
	return out
}

// Errors collected under a mutex and read once: no consumer is woken,
// nothing drains.
type errList struct {
	mu   sync.Mutex
	errs []error
}

func (l *errList) add(err error) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
}

func (l *errList) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return errors.Join(l.errs...)
}

// Results collected by workers, read after they finish.
type results struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	vals []int
}

func (r *results) put(v int) {
	r.mu.Lock()
	r.vals = append(r.vals, v)
	r.mu.Unlock()
	r.wg.Done()
}

func (r *results) all() []int {
	r.wg.Wait()
	return r.vals
}

// A ring buffer overwrites; it never appends past its size.
type ring struct {
	mu   sync.Mutex
	buf  []Entry
	head int
	size int
	wake chan struct{}
}

func (r *ring) put(e Entry) {
	r.mu.Lock()
	if len(r.buf) < r.size {
		r.buf = append(r.buf, e)
	} else {
		r.buf[r.head] = e
		r.head = (r.head + 1) % r.size
	}
	r.mu.Unlock()
	r.wake <- struct{}{}
}

func (r *ring) reset() {
	r.mu.Lock()
	r.buf = r.buf[:0]
	r.mu.Unlock()
}

// Appended and drained in the same method with no lock: a local batch.
type single struct {
	batch []int
	out   chan []int
}

func (s *single) run(in <-chan int) {
	for v := range in {
		s.batch = append(s.batch, v)
		if len(s.batch) == 100 {
			s.out <- s.batch
			s.batch = nil
		}
	}
}

// Subscribers registered under a lock, with a signal, and cleared by
// Close without reading them: a registry, not a queue.
type registry struct {
	mu      sync.Mutex
	names   []string
	changed chan struct{}
}

func (r *registry) add(name string) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
	r.changed <- struct{}{}
}

func (r *registry) Close() {
	r.mu.Lock()
	r.names = nil
	r.mu.Unlock()
}

// A queue of the keys of a map, deduplicated by it (client-go's FIFO):
// one entry per key at most, bounded by the key set.
type fifo struct {
	mu    sync.Mutex
	cond  sync.Cond
	items map[string]Entry
	queue []string
}

func (f *fifo) Add(id string, e Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, exists := f.items[id]; !exists {
		f.queue = append(f.queue, id)
	}
	f.items[id] = e
	f.cond.Broadcast()
}

func (f *fifo) Replace(items map[string]Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = items
	f.queue = f.queue[:0]
	for id := range items {
		f.queue = append(f.queue, id)
	}
	f.cond.Broadcast()
}

func (f *fifo) Pop() Entry {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.queue) == 0 {
		f.cond.Wait()
	}
	id := f.queue[0]
	f.queue = f.queue[1:]
	e := f.items[id]
	delete(f.items, id)
	return e
}

// The same queue without the dedup: every Add is an entry.
type eventLog struct {
	mu     sync.Mutex
	cond   sync.Cond
	index  map[string]int
	events []string
}

func (l *eventLog) Add(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, id) // want `slice queue events grows without bound: Add appends`
	l.index[id]++
	l.cond.Signal()
}

func (l *eventLog) Pop() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.events) == 0 {
		l.cond.Wait()
	}
	id := l.events[0]
	l.events = l.events[1:]
	return id
}

// The wake-up is in a helper of the package.
type outbox struct {
	mu      sync.Mutex
	pending []Entry
	notify  chan struct{}
}

func (o *outbox) wake() {
	select {
	case o.notify <- struct{}{}:
	default:
	}
}

func (o *outbox) send(e Entry) {
	o.mu.Lock()
	o.pending = append(o.pending, e) // want `slice queue pending grows without bound: send appends`
	o.mu.Unlock()
	o.wake()
}

func (o *outbox) sent(n int) []Entry {
	o.mu.Lock()
	defer o.mu.Unlock()
	done := o.pending[:n]
	o.pending = o.pending[n:]
	return done
}

// The same outbox with a limit in memory (dendrite's destination queue).
type cappedOutbox struct {
	mu       sync.Mutex
	pending  []Entry
	notify   chan struct{}
	overflow bool
}

func (o *cappedOutbox) wake() { o.notify <- struct{}{} }

func (o *cappedOutbox) send(e Entry) {
	o.mu.Lock()
	if len(o.pending) < 1000 {
		o.pending = append(o.pending, e)
	} else {
		o.overflow = true
	}
	o.mu.Unlock()
	o.wake()
}

func (o *cappedOutbox) sent(n int) []Entry {
	o.mu.Lock()
	defer o.mu.Unlock()
	done := o.pending[:n]
	o.pending = o.pending[n:]
	return done
}

// A queue whose size its caller checks before pushing (centrifugo's
// Kafka consumer pauses the partition): bounded by the caller.
type partitionQueue struct {
	mu       sync.Mutex
	items    [][]byte
	records  int
	notEmpty chan struct{}
}

func (q *partitionQueue) Push(batch []byte) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, batch)
	q.records += len(batch)
	select {
	case q.notEmpty <- struct{}{}:
	default:
	}
}

func (q *partitionQueue) Pop() []byte {
	q.mu.Lock()
	defer q.mu.Unlock()
	b := q.items[0]
	q.items = q.items[1:]
	q.records -= len(b)
	return b
}

func (q *partitionQueue) NumRecords() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.records
}

func fetch(q *partitionQueue, batch []byte, maxSize int, pause func()) {
	if q.NumRecords()+len(batch) >= maxSize {
		pause()
	}
	q.Push(batch)
}

// A Len that nobody compares with a limit bounds nothing.
type jobQueue struct {
	mu   sync.Mutex
	jobs []string
	cond sync.Cond
}

func (q *jobQueue) Add(j string) {
	q.mu.Lock()
	q.jobs = append(q.jobs, j) // want `slice queue jobs grows without bound: Add appends`
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *jobQueue) Take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.jobs
	q.jobs = nil
	return out
}

func (q *jobQueue) Len() int { return len(q.jobs) }

func report(q *jobQueue) int { return q.Len() }
