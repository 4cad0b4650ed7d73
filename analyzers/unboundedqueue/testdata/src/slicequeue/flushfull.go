package slicequeue

import "sync"

type span struct{ Name string }

const payloadLimit = 4 << 20

// A span buffer whose push counts the bytes it appends and flushes the
// buffer itself once they pass the payload limit: the limit bounds it.
type spanWriter struct {
	mu    sync.Mutex
	spans []span
	size  int
	sent  chan []span
}

func (w *spanWriter) add(s span) {
	w.mu.Lock()
	w.spans = append(w.spans, s)
	w.size += len(s.Name)
	full := w.size > payloadLimit
	w.mu.Unlock()
	if full {
		w.flush()
	}
}

func (w *spanWriter) flush() {
	w.mu.Lock()
	out := w.spans
	w.spans = nil
	w.size = 0
	w.mu.Unlock()
	w.sent <- out
}

// Look-alike: the size is compared, but only to log; the drain is left
// to the consumer.
type loggedWriter struct {
	mu    sync.Mutex
	spans []span
	size  int
	wake  chan struct{}
	warn  func(string)
}

func (w *loggedWriter) add(s span) {
	w.mu.Lock()
	w.spans = append(w.spans, s) // want `slice queue spans grows without bound: add appends with no length check and flush drains it`
	w.size += len(s.Name)
	if w.size > payloadLimit {
		w.warn("buffer over the payload limit")
	}
	w.mu.Unlock()
	w.wake <- struct{}{}
}

func (w *loggedWriter) flush() []span {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.spans
	w.spans = nil
	w.size = 0
	return out
}

// The same, with the swap one call away: flush calls reset.
type resetWriter struct {
	mu    sync.Mutex
	spans []span
	size  int
	sent  chan []span
}

func (w *resetWriter) reset() []span {
	old := w.spans
	w.spans = make([]span, 0)
	w.size = 0
	return old
}

func (w *resetWriter) add(s span) {
	w.mu.Lock()
	w.spans = append(w.spans, s)
	w.size += len(s.Name)
	full := w.size > payloadLimit
	w.mu.Unlock()
	if full {
		w.flush()
	}
}

func (w *resetWriter) flush() {
	w.mu.Lock()
	out := w.reset()
	w.mu.Unlock()
	w.sent <- out
}
