package slicequeue

import (
	"net/http"
	"sync"
	"time"
)

// A relay of leadership transitions: an unbounded FIFO on purpose (no
// transition may be dropped), whose only producer is an election loop
// that waits on the clock between rounds. A timer bounds its rate.
type transitions struct {
	mu      sync.Mutex
	pending []bool
	wake    chan struct{}
}

func (r *transitions) enqueue(leader bool) {
	r.mu.Lock()
	r.pending = append(r.pending, leader)
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

func (r *transitions) next() (bool, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pending) == 0 {
		return false, false
	}
	v := r.pending[0]
	r.pending = r.pending[1:]
	return v, true
}

type elector struct {
	subs     []*transitions
	interval time.Duration
}

func (e *elector) publish(leader bool) {
	for _, s := range e.subs {
		s.enqueue(leader)
	}
}

// run alternates between trying to win and keeping the lead; each waits
// on the clock.
func (e *elector) run(stop <-chan struct{}) {
	for {
		if !e.follow(stop) {
			return
		}
		e.publish(true)
		e.lead(stop)
	}
}

func (e *elector) follow(stop <-chan struct{}) bool {
	for {
		select {
		case <-stop:
			return false
		case <-time.After(e.interval):
			return true
		}
	}
}

func (e *elector) lead(stop <-chan struct{}) {
	defer e.publish(false)
	t := time.NewTimer(e.interval)
	defer t.Stop()
	select {
	case <-stop:
	case <-t.C:
	}
}

// The same queue fed by the messages a loop receives: outside input
// drives it, reported.
type inbox struct {
	mu      sync.Mutex
	pending []string
	wake    chan struct{}
}

func (b *inbox) enqueue(m string) {
	b.mu.Lock()
	b.pending = append(b.pending, m) // want `slice queue pending grows without bound: enqueue appends with no length check and next drains it`
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *inbox) next() (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.pending) == 0 {
		return "", false
	}
	m := b.pending[0]
	b.pending = b.pending[1:]
	return m, true
}

func (b *inbox) receive(in <-chan string) {
	for m := range in {
		b.enqueue(m)
	}
}

// A queue fed by a periodic loop and by a request handler: the handler
// makes it unbounded, reported.
type audit struct {
	mu      sync.Mutex
	pending []string
	wake    chan struct{}
}

func (a *audit) add(s string) {
	a.mu.Lock()
	a.pending = append(a.pending, s) // want `slice queue pending grows without bound: add appends`
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

func (a *audit) take() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := a.pending
	a.pending = nil
	return out
}

func (a *audit) heartbeat() {
	for range time.Tick(time.Minute) {
		a.add("tick")
	}
}

func (a *audit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.add(r.URL.Path)
}
