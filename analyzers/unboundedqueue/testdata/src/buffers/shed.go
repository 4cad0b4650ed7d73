package buffers

import "errors"

// An outage buffer sized by the operator's option, whose every send is
// in view and cannot block (a select with a default branch that drops
// the item and counts it): a bounded queue that sheds load, as
// VictoriaMetrics' vmalert remotewrite.Client does. Left alone.

const defaultMaxQueueSize = 1e5

type ClientConfig struct {
	MaxQueueSize int
	EventBuffer  int
	LocalBuffer  int
	Blocking     int
	NoDefault    int
	Exported     int
	HandedOut    int
	Passed       int
	Fallback     int
	Idle         int
}

var errFull = errors.New("queue is full")

type counter struct{ n int }

func (c *counter) Inc() { c.n++ }

var dropped counter

type series struct{ samples []float64 }

type client struct {
	input  chan series
	events chan int
	doneCh chan struct{}
}

func newClient(cfg ClientConfig) *client {
	if cfg.MaxQueueSize == 0 {
		cfg.MaxQueueSize = defaultMaxQueueSize
	}
	c := &client{
		doneCh: make(chan struct{}),
		input:  make(chan series, cfg.MaxQueueSize),
	}
	cfg.EventBuffer = 1 << 17
	c.events = make(chan int, cfg.EventBuffer)
	return c
}

func (c *client) push(s series) error {
	select {
	case <-c.doneCh:
		return errors.New("client is closed")
	case c.input <- s:
		return nil
	default:
		dropped.Inc()
		return errFull
	}
}

func (c *client) event(e int) {
	select {
	case c.events <- e:
	default:
		dropped.Inc()
	}
}

func (c *client) run(flush func([]series)) {
	var batch []series
	for {
		select {
		case <-c.doneCh:
			for s := range c.input {
				batch = append(batch, s)
			}
			flush(batch)
			return
		case s, ok := <-c.input:
			if !ok {
				continue
			}
			batch = append(batch, s)
		case <-c.events:
		}
	}
}

func (c *client) queued() int { return len(c.input) + cap(c.events) }

func (c *client) close() {
	close(c.input)
	close(c.doneCh)
}

func localShed(cfg ClientConfig, items []int) {
	cfg.LocalBuffer = 200000
	ch := make(chan int, cfg.LocalBuffer)
	go func() {
		for range ch {
		}
	}()
	for _, it := range items {
		select {
		case ch <- it:
		default:
			dropped.Inc()
		}
	}
	close(ch)
}

// Look-alikes, still reported: a send that blocks (plain, in a select
// with no default, or in the default branch), a channel kept in an
// exported field, handed out or passed on (a producer out of view), a
// buffer nothing sends on, and a constant size.

type sink struct {
	blocking  chan int
	noDefault chan int
	Exported  chan int
	handedOut chan int
	fallback  chan int
	idle      chan int
	done      chan struct{}
}

func newSink(cfg ClientConfig) *sink {
	cfg.Blocking, cfg.NoDefault, cfg.Exported = 100000, 100000, 100000
	cfg.HandedOut, cfg.Passed, cfg.Fallback, cfg.Idle = 100000, 100000, 100000, 100000
	s := &sink{
		blocking:  make(chan int, cfg.Blocking),  // want `channel buffer of Blocking, whose default is 100000`
		noDefault: make(chan int, cfg.NoDefault), // want `channel buffer of NoDefault, whose default is 100000`
		Exported:  make(chan int, cfg.Exported),  // want `channel buffer of Exported, whose default is 100000`
		handedOut: make(chan int, cfg.HandedOut), // want `channel buffer of HandedOut, whose default is 100000`
		fallback:  make(chan int, cfg.Fallback),  // want `channel buffer of Fallback, whose default is 100000`
		idle:      make(chan int, cfg.Idle),      // want `channel buffer of Idle, whose default is 100000`
	}
	passed := make(chan int, cfg.Passed) // want `channel buffer of Passed, whose default is 100000`
	go drain(passed)
	select {
	case passed <- 1:
	default:
	}
	return s
}

func drain(ch chan int) {
	for range ch {
	}
}

func (s *sink) put(v int) {
	select {
	case s.blocking <- v:
	default:
	}
	s.blocking <- v
	select {
	case s.noDefault <- v:
	case <-s.done:
	}
	select {
	case s.Exported <- v:
	default:
	}
	select {
	case s.handedOut <- v:
	default:
	}
	select {
	case s.fallback <- v:
	default:
		s.fallback <- v
	}
	<-s.idle
}

func (s *sink) queue() chan int { return s.handedOut }

func constantShed(items []int) {
	ch := make(chan int, 100000) // want `channel buffer of 100000`
	for _, it := range items {
		select {
		case ch <- it:
		default:
		}
	}
}
