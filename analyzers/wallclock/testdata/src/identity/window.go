package identity

import (
	"strconv"
	"time"
)

// A rate limiter's window: the current second, compared only for
// equality with the clock to start a new window. Nothing is ordered by
// it; a stepped clock starts one window early or late.
type reservoir struct {
	capacity, used int
	currentEpoch   int64
}

func newReservoir(capacity int) *reservoir {
	return &reservoir{capacity: capacity, currentEpoch: time.Now().Unix()}
}

func (r *reservoir) take() bool {
	now := time.Now().Unix()
	if now != r.currentEpoch {
		r.currentEpoch, r.used = now, 0
	}
	if r.used >= r.capacity {
		return false
	}
	r.used++
	return true
}

// Look-alikes that stay reported.

// Compared for order: a stepped clock puts a later window first.
type orderedWindow struct{ windowSeq int64 }

func newOrderedWindow() *orderedWindow {
	return &orderedWindow{windowSeq: time.Now().Unix()} // want `wall-clock time used as seq \(windowSeq\)`
}

func (w *orderedWindow) newer(other *orderedWindow) bool { return w.windowSeq > other.windowSeq }

// Exported: an encoder may put it on the wire.
type SharedWindow struct{ Version int64 }

func NewSharedWindow() *SharedWindow {
	return &SharedWindow{Version: time.Now().Unix()} // want `wall-clock time used as version \(Version\)`
}

func (w *SharedWindow) Same(now int64) bool { return w.Version == now }

// Read as a map key.
type keyedWindow struct {
	lastGeneration int64
	counts         map[int64]int
}

func newKeyedWindow() *keyedWindow {
	return &keyedWindow{lastGeneration: time.Now().Unix(), counts: map[int64]int{}} // want `wall-clock time used as generation \(lastGeneration\)`
}

func (w *keyedWindow) add() { w.counts[w.lastGeneration]++ }

// Epoch is not an order word by default: given to a clock reading it
// names Unix-epoch time, as OAuth 1's timestamp parameter must be.
type auther struct{ clock func() time.Time }

func (a *auther) epoch() int64 {
	if a.clock != nil {
		return a.clock().Unix()
	}
	return time.Now().Unix()
}

func (a *auther) params() map[string]string {
	return map[string]string{"oauth_timestamp": strconv.FormatInt(a.epoch(), 10)}
}

type session struct{ startEpoch int64 }

func newSession() *session { return &session{startEpoch: time.Now().Unix()} }

func (s *session) older(o *session) bool { return s.startEpoch < o.startEpoch }
