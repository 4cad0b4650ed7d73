package slicequeue

import (
	"errors"
	"net"
	"sync"
)

// Connection pools: the idle list is a free list of connections the pool
// made itself, and it makes no more than its maximum.

type conn struct {
	id int
	nc net.Conn
}

type waiter struct{ ready chan *conn }

func (w *waiter) deliver(c *conn) bool {
	select {
	case w.ready <- c:
		return true
	default:
		return false
	}
}

var errExhausted = errors.New("pool exhausted")

// The pool registers every connection it opens in conns, and opens one
// only while len(conns) is below maxSize: idle holds at most maxSize.
type cappedPool struct {
	mu      sync.Mutex
	conns   map[int]*conn
	idle    []*conn
	waiters []*waiter
	maxSize int
	nextID  int
}

func (p *cappedPool) open() (*conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.conns) >= p.maxSize {
		return nil, errExhausted
	}
	p.nextID++
	c := &conn{id: p.nextID}
	p.conns[c.id] = c
	return c, nil
}

// checkIn wakes a waiter or parks the connection: the free list.
func (p *cappedPool) checkIn(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.waiters) > 0 {
		w := p.waiters[0]
		p.waiters = p.waiters[1:]
		if w.deliver(c) {
			return
		}
	}
	p.idle = append(p.idle, c)
}

// get pops an idle connection and, when the waiter is gone, puts the same
// connection back: the list grows by nothing.
func (p *cappedPool) get(w *waiter) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.idle) > 0 {
		c := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if !w.deliver(c) {
			p.idle = append(p.idle, c)
		}
		return true
	}
	return false
}

func (p *cappedPool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.idle {
		_ = c.nc.Close()
	}
	p.idle = p.idle[:0]
}

// A pool topped up to its minimum by a loop that checks its size against
// the maximum: the function that registers is called only from there.
type toppedPool struct {
	mu      sync.Mutex
	conns   map[int]*conn
	idle    []*conn
	size    int
	minIdle int
	maxSize int
	wake    chan struct{}
}

func (p *toppedPool) fill() {
	for p.size < p.maxSize && len(p.idle) < p.minIdle {
		p.size++
		p.addIdle()
	}
}

func (p *toppedPool) addIdle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := &conn{id: p.size}
	p.conns[c.id] = c
	p.idle = append(p.idle, c)
	p.wake <- struct{}{}
}

func (p *toppedPool) take() *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.idle[0]
	p.idle = p.idle[1:]
	return c
}

// A hand-off that pops the oldest job and, when no worker takes it, puts
// the same job back: the push adds nothing to the queue.
type handOff struct {
	mu   sync.Mutex
	jobs []Entry
	work chan Entry
}

func (h *handOff) offer() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.jobs) == 0 {
		return
	}
	j := h.jobs[0]
	h.jobs = h.jobs[1:]
	select {
	case h.work <- j:
	default:
		h.jobs = append(h.jobs, j)
	}
}

func (h *handOff) flush() []Entry {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.jobs
	h.jobs = nil
	return out
}

// Look-alikes, still reported.

// Accepted connections registered with no limit and queued for workers:
// the accept rate fills the queue.
type acceptQueue struct {
	mu      sync.Mutex
	conns   map[int]*conn
	pending []*conn
	wake    chan struct{}
	nextID  int
}

func (q *acceptQueue) accepted(nc net.Conn) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.nextID++
	c := &conn{id: q.nextID, nc: nc}
	q.conns[c.id] = c
	q.pending = append(q.pending, c) // want `slice queue pending grows without bound: accepted appends`
	q.wake <- struct{}{}
}

func (q *acceptQueue) next() *conn {
	q.mu.Lock()
	defer q.mu.Unlock()
	c := q.pending[0]
	q.pending = q.pending[1:]
	return c
}

// One registering path is capped, the other is not: the registry, and
// the free list with it, grows with the calls of the uncapped one.
type leakyPool struct {
	mu      sync.Mutex
	conns   map[int]*conn
	idle    []*conn
	maxSize int
	wake    chan struct{}
}

func (p *leakyPool) open(id int) *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.conns) >= p.maxSize {
		return nil
	}
	c := &conn{id: id}
	p.conns[id] = c
	return c
}

func (p *leakyPool) adopt(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns[c.id] = c
	p.idle = append(p.idle, c) // want `slice queue idle grows without bound: adopt appends`
	p.wake <- struct{}{}
}

func (p *leakyPool) take() *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.idle[0]
	p.idle = p.idle[1:]
	return c
}

// A re-queue that takes one item out and appends it with a new one: the
// queue grows by one per call.
type requeue struct {
	mu    sync.Mutex
	items []Entry
	wake  chan struct{}
}

func (q *requeue) rotate(e Entry) {
	q.mu.Lock()
	defer q.mu.Unlock()
	head := q.items[0]
	q.items = q.items[1:]
	q.items = append(q.items, head, e) // want `slice queue items grows without bound: rotate appends`
	q.wake <- struct{}{}
}

func (q *requeue) drain() []Entry {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.items
	q.items = nil
	return out
}
