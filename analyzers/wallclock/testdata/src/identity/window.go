package identity

import "time"

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
type orderedWindow struct{ windowEpoch int64 }

func newOrderedWindow() *orderedWindow {
	return &orderedWindow{windowEpoch: time.Now().Unix()} // want `wall-clock time used as epoch \(windowEpoch\)`
}

func (w *orderedWindow) newer(other *orderedWindow) bool { return w.windowEpoch > other.windowEpoch }

// Exported: an encoder may put it on the wire.
type SharedWindow struct{ Epoch int64 }

func NewSharedWindow() *SharedWindow {
	return &SharedWindow{Epoch: time.Now().Unix()} // want `wall-clock time used as epoch \(Epoch\)`
}

func (w *SharedWindow) Same(now int64) bool { return w.Epoch == now }

// Read as a map key.
type keyedWindow struct {
	lastEpoch int64
	counts    map[int64]int
}

func newKeyedWindow() *keyedWindow {
	return &keyedWindow{lastEpoch: time.Now().Unix(), counts: map[int64]int{}} // want `wall-clock time used as epoch \(lastEpoch\)`
}

func (w *keyedWindow) add() { w.counts[w.lastEpoch]++ }
