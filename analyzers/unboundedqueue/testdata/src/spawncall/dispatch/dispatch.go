// Package dispatch starts work for its callers; the facts it exports
// say which functions start a goroutine on every call.
package dispatch

import (
	"sync"
	"sync/atomic"
)

type Job struct{ ID string }

func run(j Job) {}

type Dispatcher struct {
	mu       sync.Mutex
	running  atomic.Int64
	max      int64
	inflight map[string]bool
}

// Submit starts a goroutine per call.
func (d *Dispatcher) Submit(j Job) { // want Submit:"spawns an unbounded goroutine per call"
	go run(j)
}

// SubmitLimited checks a counter before it spawns: the bound is here.
func (d *Dispatcher) SubmitLimited(j Job) bool {
	if d.running.Load() >= d.max {
		return false
	}
	d.running.Add(1)
	go func() {
		defer d.running.Add(-1)
		run(j)
	}()
	return true
}

// SubmitOnce starts one goroutine per job ID.
func (d *Dispatcher) SubmitOnce(j Job) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.inflight[j.ID] {
		return
	}
	d.inflight[j.ID] = true
	go run(j)
}

// Start starts the dispatcher's loop; its goroutine uses no argument.
func (d *Dispatcher) Start() {
	go d.loop()
}

func (d *Dispatcher) loop() {}
