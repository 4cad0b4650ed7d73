package peritem

import (
	"context"
	"sync"

	"golang.org/x/sync/semaphore"
)

// Concurrency limits are recognised by what they do and by their types,
// whatever the methods are called.

func xsyncSemaphore(ctx context.Context, msgs <-chan Msg) {
	sem := semaphore.NewWeighted(8)
	for m := range msgs {
		if !sem.TryAcquire(1) {
			continue
		}
		go func() { defer sem.Release(1); handle(m) }()
	}
}

type slots struct{ ch chan struct{} }

func (s *slots) acquireSlot() { s.ch <- struct{}{} }
func (s *slots) releaseSlot() { <-s.ch }

// A lower-case acquire-release pair.
func lowerCasePair(msgs <-chan Msg, s *slots) {
	for m := range msgs {
		s.acquireSlot()
		go func() { defer s.releaseSlot(); handle(m) }()
	}
}

type permits interface {
	TakePermit(ctx context.Context) error
	ReturnPermit()
}

// A permit tokenPool behind an interface: the pair is on the interface.
func permitPool(ctx context.Context, msgs <-chan Msg, p permits) {
	for m := range msgs {
		if err := p.TakePermit(ctx); err != nil {
			return
		}
		go func() { defer p.ReturnPermit(); handle(m) }()
	}
}

type tokenPool struct{ tokens chan struct{} }

func (p *tokenPool) enter() { p.tokens <- struct{}{} }
func (p *tokenPool) exit()  { <-p.tokens }

// A helper that takes a token from a buffered channel.
func tokenHelper(msgs <-chan Msg, p *tokenPool) {
	for m := range msgs {
		p.enter()
		go func() { defer p.exit(); handle(m) }()
	}
}

// Look-alikes that limit nothing.

type store struct{}

func (*store) Wait()             {}
func (*store) Get(k string) *Msg { return nil }

// A Wait with no release beside it is not a semaphore.
func waitLookAlike(msgs <-chan Msg, s *store) {
	for m := range msgs {
		s.Wait()
		go handle(m) // want `goroutine started per item received from a channel`
	}
}

// A mutex around a counter does not limit the goroutines.
func mutexCounter(msgs <-chan Msg) {
	var mu sync.Mutex
	n := 0
	for m := range msgs {
		mu.Lock()
		n++
		mu.Unlock()
		go handle(m) // want `goroutine started per item received from a channel`
	}
}

type cache struct{}

func (*cache) GetEntry(k string) *Msg    { return nil }
func (*cache) PutEntry(k string, m *Msg) {}

// A get-put pair on a cache is not a permit.
func cacheLookAlike(msgs <-chan Msg, c *cache) {
	for m := range msgs {
		c.GetEntry("k")
		go handle(m) // want `goroutine started per item received from a channel`
	}
}
