package peritem

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// Connect attempts per discovered peer: each goroutine gives its dial a
// deadline of its own, and the loop starts one per peer at most once per
// back-off period. At most the discovery rate times the deadline are
// alive, and none waits on a consumer.

type PeerInfo struct {
	ID      string
	Timeout time.Duration
}

type backoffEntry struct {
	nextTry time.Time
	delay   time.Duration
}

type peerCache[K comparable, V any] struct{ m map[K]V }

func (c *peerCache[K, V]) Get(k K) (V, bool) { v, ok := c.m[k]; return v, ok }
func (c *peerCache[K, V]) Add(k K, v V)      { c.m[k] = v }

type peerHost interface {
	Connect(ctx context.Context, p PeerInfo) error
}

type backoffConnector struct {
	mu     sync.Mutex
	cache  *peerCache[string, *backoffEntry]
	host   peerHost
	tryDur time.Duration
}

func (c *backoffConnector) Connect(ctx context.Context, peers <-chan PeerInfo) {
	for {
		select {
		case p, ok := <-peers:
			if !ok {
				return
			}
			c.mu.Lock()
			if e, ok := c.cache.Get(p.ID); ok {
				now := time.Now()
				if now.Before(e.nextTry) {
					c.mu.Unlock()
					continue
				}
				e.nextTry = now.Add(e.delay)
			} else {
				c.cache.Add(p.ID, &backoffEntry{nextTry: time.Now().Add(time.Second), delay: time.Second})
			}
			c.mu.Unlock()
			go func(p PeerInfo) {
				ctx, cancel := context.WithTimeout(ctx, c.tryDur)
				defer cancel()
				if err := c.host.Connect(ctx, p); err != nil {
					slog.Debug("connect failed", "peer", p.ID, "err", err)
					return
				}
			}(p)
		case <-ctx.Done():
			return
		}
	}
}

// A map of next times, the check written the other way round, and a
// method of the package with a deadline from a configured duration.
type redialer struct {
	next    map[string]time.Time
	timeout time.Duration
	backoff time.Duration
	results chan error
}

func dialAddr(ctx context.Context, addr string) error { return nil }

func (r *redialer) run(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go r.dial(req)
	}
}

func (r *redialer) dial(req PeerInfo) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(r.timeout))
	defer cancel()
	_ = dialAddr(ctx, req.ID)
}

// A key set and a deadline: bounded by the key set alone already.
func (r *redialer) once(reqs <-chan PeerInfo, started map[string]bool) {
	for req := range reqs {
		if started[req.ID] {
			continue
		}
		started[req.ID] = true
		go r.dial(req)
	}
}

// Look-alikes, still reported.

// A throttle alone: a dial with no deadline can hang, and the next
// period starts another one for the same peer.
func (r *redialer) throttleOnly(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go func() { // want `goroutine started per item received from a channel`
			_ = dialAddr(context.Background(), req.ID)
		}()
	}
}

// A deadline alone: goroutines still pile up at the input rate.
func (r *redialer) timeoutOnly(reqs <-chan PeerInfo) {
	for req := range reqs {
		go r.dial(req) // want `goroutine started per item received from a channel`
	}
}

// The deadline comes from the item: the sender decides how long each
// goroutine lives.
func (r *redialer) itemTimeout(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go func() { // want `goroutine started per item received from a channel`
			ctx, cancel := context.WithTimeout(context.Background(), req.Timeout)
			defer cancel()
			_ = dialAddr(ctx, req.ID)
		}()
	}
}

// The next time is checked but never stored: once the first period is
// over, every item starts a goroutine.
func (r *redialer) neverStored(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		go r.dial(req) // want `goroutine started per item received from a channel`
	}
}

// Skipped while the stored time is in the past: an expiry, not a
// back-off.
func (r *redialer) pastSkipped(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.Before(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go r.dial(req) // want `goroutine started per item received from a channel`
	}
}

// The goroutine hands its result to a consumer: the send can wait on a
// slow one for ever, whatever the deadline of the dial.
func (r *redialer) sendsResult(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go func() { // want `goroutine started per item received from a channel`
			ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
			defer cancel()
			r.results <- dialAddr(ctx, req.ID)
		}()
	}
}

// The work on the item does not take the deadline.
func (r *redialer) workOutsideDeadline(reqs <-chan PeerInfo) {
	for req := range reqs {
		if next, seen := r.next[req.ID]; seen && next.After(time.Now()) {
			continue
		}
		r.next[req.ID] = time.Now().Add(r.backoff)
		go func() { // want `goroutine started per item received from a channel`
			ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
			defer cancel()
			if err := dialAddr(ctx, req.ID); errors.Is(err, context.DeadlineExceeded) {
				handleErr(Msg{Data: []byte(req.ID)})
			}
		}()
	}
}
