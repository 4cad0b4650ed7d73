package slicequeue

import (
	"errors"
	"sync"
)

// A length check one call away: the push asks a method of the queue (or
// a function given the slice) whether it is full, and rejects or waits
// when it is; the helper compares the slice's length with a capacity.

type fetchBatch struct{ records []string }

type queuedBatch struct {
	batch fetchBatch
	size  int
}

type partitionMailbox struct {
	mu          sync.Mutex
	batches     []queuedBatch
	maxBytes    int
	queuedBytes int
	notify      chan struct{}
	rewinding   bool
}

func (m *partitionMailbox) enqueue(b fetchBatch) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.rewinding || m.full() {
		m.rewinding = true
		return false
	}
	m.batches = append(m.batches, queuedBatch{batch: b, size: len(b.records)})
	m.queuedBytes += len(b.records)
	m.notifyLocked()
	return true
}

func (m *partitionMailbox) notifyLocked() {
	select {
	case m.notify <- struct{}{}:
	default:
	}
}

func (m *partitionMailbox) full() bool {
	return len(m.batches) == cap(m.batches) ||
		(m.maxBytes > 0 && m.queuedBytes >= m.maxBytes)
}

func (m *partitionMailbox) clearLocked() []queuedBatch {
	out := m.batches
	m.batches = nil
	return out
}

// Negated, and a function given the slice.
var errQueueFull = errors.New("queue full")

type spanQueue struct {
	mu    sync.Mutex
	spans []string
	limit int
	wake  *sync.Cond
}

func hasRoom(spans []string, limit int) bool { return len(spans) < limit }

func (q *spanQueue) push(s string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !hasRoom(q.spans, q.limit) {
		return errQueueFull
	}
	q.spans = append(q.spans, s)
	q.wake.Signal()
	return nil
}

func (q *spanQueue) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.spans
	q.spans = q.spans[:0]
	return out
}

// Blocking: the push waits while the helper says the queue is full.
type blockingQueue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	max   int
}

func (q *blockingQueue) atCapacity() bool {
	if q.max == 0 {
		return false
	}
	return len(q.items) >= q.max
}

func (q *blockingQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.atCapacity() {
		q.cond.Wait()
	}
	q.items = append(q.items, v)
	q.cond.Broadcast()
}

func (q *blockingQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	q.cond.Broadcast()
	return v
}

// Look-alikes, still reported.

// The helper does not look at the length.
type closableQueue struct {
	mu     sync.Mutex
	items  []int
	closed bool
	max    int
	wake   chan struct{}
}

func (q *closableQueue) isClosed() bool { return q.closed }

func (q *closableQueue) Put(v int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.isClosed() {
		return false
	}
	q.items = append(q.items, v) // want `slice queue items grows without bound: Put appends with no length check and drain drains it`
	q.wake <- struct{}{}
	return true
}

func (q *closableQueue) drain() []int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}

// The branch goes on to the append: a full queue is only noted.
type warnQueue struct {
	mu     sync.Mutex
	items  []int
	max    int
	warned bool
	wake   chan struct{}
}

func (q *warnQueue) full() bool { return len(q.items) >= q.max }

func (q *warnQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.full() {
		q.warned = true
	}
	q.items = append(q.items, v) // want `slice queue items grows without bound: Put appends with no length check`
	q.wake <- struct{}{}
}

func (q *warnQueue) drain() []int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}

// The helper measures another slice.
type twoSlices struct {
	mu      sync.Mutex
	items   []int
	retries []int
	max     int
	wake    chan struct{}
}

func (q *twoSlices) retriesFull() bool { return len(q.retries) >= q.max }

func (q *twoSlices) Put(v int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.retriesFull() {
		return false
	}
	q.items = append(q.items, v) // want `slice queue items grows without bound: Put appends with no length check`
	q.wake <- struct{}{}
	return true
}

func (q *twoSlices) drain() []int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}

// The check is one operand of &&: when the other is false, a full queue
// still takes the item.
type optionalLimit struct {
	mu     sync.Mutex
	items  []int
	max    int
	wake   chan struct{}
	strict bool
}

func (q *optionalLimit) full() bool { return len(q.items) >= q.max }

func (q *optionalLimit) Put(v int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.strict && q.full() {
		return false
	}
	q.items = append(q.items, v) // want `slice queue items grows without bound: Put appends with no length check`
	q.wake <- struct{}{}
	return true
}

func (q *optionalLimit) drain() []int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}

// Two calls deep: the helper asks another helper; not followed.
type deepQueue struct {
	mu    sync.Mutex
	items []int
	max   int
	wake  chan struct{}
}

func (q *deepQueue) tooBig() bool { return q.over() }
func (q *deepQueue) over() bool   { return len(q.items) > q.max }

func (q *deepQueue) Put(v int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.tooBig() {
		return false
	}
	q.items = append(q.items, v) // want `slice queue items grows without bound: Put appends with no length check`
	q.wake <- struct{}{}
	return true
}

func (q *deepQueue) drain() []int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}
