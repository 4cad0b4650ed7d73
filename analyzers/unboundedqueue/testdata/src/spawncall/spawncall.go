package spawncall

import (
	"spawncall/dispatch"
)

type Msg struct{ Body []byte }

func process(m Msg) {}

type handler struct{}

// handle starts a goroutine per call: its caller decides how often.
func (h *handler) handle(m Msg) { // want handle:"spawns an unbounded goroutine per call"
	go process(m)
}

// The spawn and the loop are in different functions.
func consume(h *handler, msgs <-chan Msg) {
	for m := range msgs {
		h.handle(m) // want `handle starts a goroutine on every call, and it is called per item received from a channel with no limit on concurrency`
	}
}

// Across packages, through the fact.
func consumeJobs(d *dispatch.Dispatcher, jobs <-chan dispatch.Job) {
	for j := range jobs {
		d.Submit(j) // want `Submit starts a goroutine on every call, and it is called per item received from a channel`
	}
}

// Negatives.

// The callee checks a counter before it spawns.
func consumeLimited(d *dispatch.Dispatcher, jobs <-chan dispatch.Job) {
	for j := range jobs {
		if !d.SubmitLimited(j) {
			continue
		}
	}
}

// The callee starts one goroutine per key.
func consumeOnce(d *dispatch.Dispatcher, jobs <-chan dispatch.Job) {
	for j := range jobs {
		d.SubmitOnce(j)
	}
}

// A token taken in the loop bounds the goroutines the callee starts.
func consumeTokens(h *handler, msgs <-chan Msg, sem chan struct{}) {
	for m := range msgs {
		sem <- struct{}{}
		h.handle(m)
	}
}

// Called per item of a slice: bounded by its length.
func each(h *handler, batch []Msg) {
	for _, m := range batch {
		h.handle(m)
	}
}

// The callee's goroutine does not take the item.
func starts(d *dispatch.Dispatcher, msgs <-chan Msg) {
	for range msgs {
		d.Start()
	}
}

// A function that only closes its argument in the background: a
// release per call, not work.
type conn struct{}

func (*conn) Close() error { return nil }
func (*conn) Serve()       {}

func closeLater(c *conn) { go c.Close() }

func serveLater(c *conn) { // want serveLater:"spawns an unbounded goroutine per call"
	go c.Serve()
}

func drainConns(conns <-chan *conn) {
	for c := range conns {
		closeLater(c)
	}
}

func serveConns(conns <-chan *conn) {
	for c := range conns {
		serveLater(c) // want `serveLater starts a goroutine on every call`
	}
}
