package sendgoroutine

import "errors"

// Send-only goroutines that the code in view bounds, and their
// look-alikes that it does not.

type Consumer struct {
	queueCh     chan []int
	clearCh     chan func()
	in          chan Event
	out         chan Event
	wake        chan struct{}
	connectedCh chan struct{}
	readyCh     chan bool
}

// The spawner drains the channel itself right after: a sentinel marks
// the end of the queue being emptied, one in flight at a time.
func (c *Consumer) dispatch() {
	for {
		select {
		case done := <-c.clearCh:
			go func() {
				c.queueCh <- nil
			}()
			for m := range c.queueCh {
				if m == nil {
					break
				}
			}
			done()
		}
	}
}

func (c *Consumer) handOffAndWait(e Event) Event {
	for {
		go func() { c.out <- e }()
		return <-c.out
	}
}

// Look-alike: the loop receives from another channel; nothing waits for
// the goroutines it starts.
func (c *Consumer) forwardAll() {
	for {
		select {
		case e := <-c.in:
			go func() { c.out <- e }() // want `goroutine started only to send on a channel`
		}
	}
}

// Look-alike: the drain comes before the spawn, not after it.
func (c *Consumer) drainThenSpawn() {
	for {
		<-c.out
		e := <-c.in
		go func() { c.out <- e }() // want `goroutine started only to send on a channel`
	}
}

// A signal of the program's own event, sent once per handshake: no item
// of input is queued.
func (c *Consumer) handshake() error {
	if err := dial(); err != nil {
		return err
	}
	go func() {
		c.connectedCh <- struct{}{}
	}()
	return nil
}

func (c *Consumer) ready() {
	go func() { c.readyCh <- true }()
}

func dial() error { return errors.New("x") }

// Look-alike: a signal per received item, started in the loop.
func (c *Consumer) wakePerEvent() {
	for range c.in {
		go func() { c.wake <- struct{}{} }() // want `goroutine started only to send on a channel`
	}
}

// A re-queue from the consumer's own goroutine: the event loop receives
// an op, and a retriable failure puts it back asynchronously (a send in
// place would deadlock). It moves an item, it does not add one.
type handler struct {
	requestCh chan any
	closeCh   chan struct{}
}

func (h *handler) runEventsLoop() {
	for {
		select {
		case <-h.closeCh:
			return
		case req := <-h.requestCh:
			h.process(req)
		}
	}
}

func (h *handler) process(op any) {
	if err := dial(); err != nil && h.retriable(err, op) {
		return
	}
}

func (h *handler) retriable(err error, op any) bool {
	if err != nil {
		go func() {
			h.requestCh <- op
		}()
		return true
	}
	return false
}

// Look-alike: the same send from an entry point that callers reach, not
// from the loop that drains the channel.
func (h *handler) Submit(op any) {
	go func() { h.requestCh <- op }() // want `goroutine started only to send on a channel`
}
