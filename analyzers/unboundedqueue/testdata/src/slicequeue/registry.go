package slicequeue

import (
	"context"
	"net"
	"sync"
)

// Registries of resources: a slice appended once per caller-initiated
// lifecycle call (Serve, Register) and drained on shutdown only to
// release the items. A queue's drain does work with its items; these
// drains only close, stop or cancel them: no consumer, no queue.

// fasthttp's Server.Serve: one listener per blocking Serve call, all
// closed by Shutdown.
type lnServer struct {
	mu   sync.Mutex
	ln   []net.Listener
	done chan struct{}
}

func (s *lnServer) Serve(ln net.Listener) error {
	s.mu.Lock()
	s.ln = append(s.ln, ln)
	s.mu.Unlock()
	s.done <- struct{}{}
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		_ = c.Close()
	}
}

func (s *lnServer) closeListenersLocked() error {
	var err error
	for _, ln := range s.ln {
		if cerr := ln.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	s.ln = nil
	return err
}

// Servers stopped one by one through a field of each entry, by index.
type Stopper interface{ Stop() }

type mounted struct {
	name string
	srv  Stopper
}

type group struct {
	mu      sync.Mutex
	cond    *sync.Cond
	servers []mounted
}

func (g *group) Register(name string, srv Stopper) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.servers = append(g.servers, mounted{name, srv})
	g.cond.Broadcast()
}

func (g *group) Shutdown() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range g.servers {
		g.servers[i].srv.Stop()
	}
	g.servers = g.servers[:0]
}

// Subscriptions' cancel functions, called on close.
type watchers struct {
	mu      sync.Mutex
	cancels []context.CancelFunc
	added   chan struct{}
}

func (w *watchers) Watch(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	w.mu.Lock()
	w.cancels = append(w.cancels, cancel)
	w.mu.Unlock()
	w.added <- struct{}{}
	return ctx
}

func (w *watchers) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, cancel := range w.cancels {
		cancel()
	}
	w.cancels = nil
}

// Look-alike: a queue of connections handed to a worker. Its Close only
// closes them, but the worker's drain serves each: a queue, reported
// with the drain that consumes.
type connQueue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	conns []net.Conn
}

func (q *connQueue) Push(c net.Conn) {
	q.mu.Lock()
	q.conns = append(q.conns, c) // want `slice queue conns grows without bound: Push appends with no length check and next drains it`
	q.cond.Signal()
	q.mu.Unlock()
}

func (q *connQueue) next() net.Conn {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.conns) == 0 {
		q.cond.Wait()
	}
	c := q.conns[0]
	q.conns = q.conns[1:]
	return c
}

func (q *connQueue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, c := range q.conns {
		_ = c.Close()
	}
	q.conns = nil
}

// Look-alike: a log queue drained by a loop that writes each item and
// then closes it: the drain does work with the items.
type Record interface {
	WriteTo(w net.Conn) error
	Close() error
}

type logPipe struct {
	mu      sync.Mutex
	records []Record
	wake    chan struct{}
	out     net.Conn
}

func (l *logPipe) Log(r Record) {
	l.mu.Lock()
	l.records = append(l.records, r) // want `slice queue records grows without bound: Log appends with no length check and flushLocked drains it`
	l.mu.Unlock()
	l.wake <- struct{}{}
}

func (l *logPipe) flushLocked() {
	for _, r := range l.records {
		_ = r.WriteTo(l.out)
		_ = r.Close()
	}
	l.records = nil
}

// Look-alike: jobs stopped by a method that is not a release (Stop with
// an argument hands the job a reason; Run does the work).
type StopJob interface {
	Run()
	Stop(reason string)
}

type stopQueue struct {
	mu   sync.Mutex
	cond *sync.Cond
	jobs []StopJob
}

func (q *stopQueue) Add(j StopJob) {
	q.mu.Lock()
	q.jobs = append(q.jobs, j) // want `slice queue jobs grows without bound: Add appends with no length check and drainAll drains it`
	q.cond.Signal()
	q.mu.Unlock()
}

func (q *stopQueue) drainAll() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, j := range q.jobs {
		j.Stop("drained")
	}
	q.jobs = nil
}

// Servers copied out, then closed: the copy only releases them.
type Closer interface{ Close() error }

type closers struct {
	mu    sync.Mutex
	list  []Closer
	added chan struct{}
}

func (c *closers) Add(x Closer) {
	c.mu.Lock()
	c.list = append(c.list, x)
	c.mu.Unlock()
	c.added <- struct{}{}
}

func (c *closers) CloseAll() {
	c.mu.Lock()
	list := c.list
	c.list = nil
	c.mu.Unlock()
	for _, x := range list {
		_ = x.Close()
	}
}

// Look-alike: the copy is handed on; the caller does work with it.
type takeQueue struct {
	mu    sync.Mutex
	items []Closer
	added chan struct{}
}

func (q *takeQueue) Add(x Closer) {
	q.mu.Lock()
	q.items = append(q.items, x) // want `slice queue items grows without bound: Add appends with no length check and Take drains it`
	q.mu.Unlock()
	q.added <- struct{}{}
}

func (q *takeQueue) Take() []Closer {
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = nil
	return items
}

// A hub's clients: each ServeClient call registers its connection and
// then serves it until it fails, so the slice holds one entry per call
// still running (one per connected client), whatever the drain does.
type hub struct {
	mu      sync.Mutex
	cond    *sync.Cond
	clients []net.Conn
}

func (h *hub) ServeClient(c net.Conn) {
	h.mu.Lock()
	h.clients = append(h.clients, c)
	h.cond.Broadcast()
	h.mu.Unlock()
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func (h *hub) takeAll() []net.Conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	cs := h.clients
	h.clients = nil
	return cs
}

// Look-alikes: an accept loop that queues each connection (the append is
// in the loop), and a push that then loops without its item.
type connBacklog struct {
	mu     sync.Mutex
	cond   *sync.Cond
	conns  []net.Conn
	closed bool
}

func (q *connBacklog) acceptLoop(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		q.mu.Lock()
		q.conns = append(q.conns, c) // want `slice queue conns grows without bound: acceptLoop appends with no length check and take drains it`
		q.cond.Signal()
		q.mu.Unlock()
	}
}

func (q *connBacklog) Push(c net.Conn) {
	q.mu.Lock()
	q.conns = append(q.conns, c) // want `slice queue conns grows without bound: Push appends with no length check and take drains it`
	q.cond.Signal()
	q.mu.Unlock()
	for {
		q.mu.Lock()
		done := q.closed
		q.mu.Unlock()
		if done {
			return
		}
	}
}

func (q *connBacklog) take() []net.Conn {
	q.mu.Lock()
	defer q.mu.Unlock()
	cs := q.conns
	q.conns = nil
	return cs
}
