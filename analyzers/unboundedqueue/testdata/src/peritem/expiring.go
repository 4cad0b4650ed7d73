package peritem

import (
	"sync"
	"time"
)

// Goroutines that expire on their own: each waits for a timer or for its
// stream to be picked up, then deletes its entry and ends. None waits on
// a consumer, so none piles up behind a slow one.

type pending struct {
	ch     chan *Msg
	doneCh chan struct{}
}

type broker struct {
	sync.Mutex
	streams map[uint32]*pending
}

func (b *broker) Recv() (*Msg, error) { return nil, nil }

func (b *broker) stream(id uint32) *pending {
	b.Lock()
	defer b.Unlock()
	p, ok := b.streams[id]
	if !ok {
		p = &pending{ch: make(chan *Msg, 1), doneCh: make(chan struct{})}
		b.streams[id] = p
	}
	return p
}

// timeoutWait forgets the stream when it is picked up or after five
// seconds, whichever comes first.
func (b *broker) timeoutWait(id uint32, p *pending) {
	select {
	case <-p.doneCh:
	case <-time.After(5 * time.Second):
	}
	b.Lock()
	defer b.Unlock()
	delete(b.streams, id)
}

func (b *broker) run() {
	for {
		msg, err := b.Recv()
		if err != nil {
			return
		}
		p := b.stream(uint32(len(msg.Data)))
		go b.timeoutWait(uint32(len(msg.Data)), p)
		select {
		case p.ch <- msg:
		default:
		}
	}
}

// The same with a timer the goroutine makes and stops, in a literal.
func expireLiteral(msgs <-chan Msg, mu *sync.Mutex, seen map[int]bool) {
	for m := range msgs {
		go func() {
			t := time.NewTimer(time.Minute)
			defer t.Stop()
			<-t.C
			mu.Lock()
			delete(seen, len(m.Data))
			mu.Unlock()
		}()
	}
}

// Look-alikes, still reported.

// After the timer the goroutine handles the message: work per message,
// started however fast they come.
func (b *broker) delayedHandle(msgs <-chan Msg) {
	for m := range msgs {
		go func() { // want `goroutine started per item received from a channel`
			<-time.After(time.Second)
			handle(m)
		}()
	}
}

// The goroutine waits for a timer or a consumer, then sends to one: the
// send can wait on a slow consumer for ever.
func (b *broker) timedForward(msgs <-chan Msg, out chan<- Msg, done chan struct{}) {
	for m := range msgs {
		go func() { // want `goroutine started per item received from a channel`
			select {
			case <-done:
			case <-time.After(time.Second):
			}
			out <- m
		}()
	}
}

// Waiting on a channel alone, with no timer: it lives as long as the
// consumer takes.
func (b *broker) waitDone(msgs <-chan Msg, done chan struct{}, mu *sync.Mutex, seen map[int]bool) {
	for m := range msgs {
		go func() { // want `goroutine started per item received from a channel`
			<-done
			mu.Lock()
			delete(seen, len(m.Data))
			mu.Unlock()
		}()
	}
}
