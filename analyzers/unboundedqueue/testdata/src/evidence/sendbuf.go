package evidence

import (
	"net/http"
	"strings"
)

// A goroutine parked on a send and a huge buffer fill only behind a slow
// consumer: by default they are reported only when the channel's
// consumer is in view and waits on the network.

type forwarder struct {
	out chan Event
}

// The consumer posts each event: a slow server parks the senders.
func (f *forwarder) run() {
	for ev := range f.out {
		resp, err := http.Post(ev.URL, "application/json", strings.NewReader(ev.ID))
		if err == nil {
			resp.Body.Close()
		}
	}
}

func (f *forwarder) enqueue(ev Event) {
	go func() { f.out <- ev }() // want `goroutine started only to send on a channel`
}

func newForwarder() *forwarder {
	return &forwarder{out: make(chan Event, 100000)} // want `channel buffer of 100000`
}

// The consumer is a select loop whose case does the network call, one
// function away.
type poster struct {
	in   chan Event
	quit chan struct{}
}

func (p *poster) loop() {
	for {
		select {
		case ev := <-p.in:
			deliver(ev)
		case <-p.quit:
			return
		}
	}
}

func deliver(ev Event) {
	if resp, err := http.Get(ev.URL); err == nil {
		resp.Body.Close()
	}
}

func (p *poster) push(ev Event) {
	go func() { p.in <- ev }() // want `goroutine started only to send on a channel`
}

// A local channel handed to a consuming function of the package.
func pipeline(events []Event) {
	ch := make(chan Event, 50000) // want `channel buffer of 50000`
	go consume(ch)
	for _, ev := range events {
		ch <- ev
	}
	close(ch)
}

func consume(in <-chan Event) {
	for ev := range in {
		deliver(ev)
	}
}

// Negatives: the consumer does local work, or is out of view.

type counter struct {
	hits chan string
	seen map[string]int
}

// The consumer only updates a map: it keeps up with any producer.
func (c *counter) run() {
	for k := range c.hits {
		c.seen[k]++
	}
}

func (c *counter) hit(k string) {
	go func() { c.hits <- k }()
}

func newCounter() *counter {
	return &counter{hits: make(chan string, 100000), seen: map[string]int{}}
}

// The channel is handed to code out of view (a client library's
// subscription buffer): its consumer is not seen.
func subscribe(register func(chan<- Event)) {
	ch := make(chan Event, 500000)
	register(ch)
}

// A channel nobody in view receives from.
type sink struct{ out chan Event }

func (s *sink) emit(ev Event) {
	go func() { s.out <- ev }()
}

// A huge buffer whose consumer prints: local work.
func printer(events []Event) {
	ch := make(chan Event, 65536)
	go func() {
		for ev := range ch {
			println(ev.ID)
		}
	}()
	for _, ev := range events {
		ch <- ev
	}
}
