package identity

import (
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

type Event struct{ Body string }

// A clock reading used as a map key, whatever it is called: two events
// in the same tick share the key.
func keyByTime(events map[int64]Event, e Event) {
	events[time.Now().UnixNano()] = e // want `wall-clock time used as a map key: two events within the clock's resolution`
}

func keyViaLocal(pending map[string]Event, e Event) {
	k := strconv.FormatInt(time.Now().UnixMilli(), 10)
	pending[k] = e // want `wall-clock time used as a map key`
}

// Sent as a version: the header key names the value.
func sendVersion(h http.Header) {
	h.Set("X-Version", strconv.FormatInt(time.Now().UnixNano(), 10)) // want `wall-clock time used as version \(X-Version\)`
}

// Negatives.

// A counter seeded once from the clock and then incremented is a
// counter: its values are distinct and ordered in this process.
type sequencer struct{ seq int64 }

func newSequencer() *sequencer {
	return &sequencer{seq: time.Now().UnixNano()}
}

func (s *sequencer) next() int64 { return atomic.AddInt64(&s.seq, 1) }

type gen struct{ Version int64 }

func (g *gen) reset() { g.Version = time.Now().Unix() }

func (g *gen) bump() int64 {
	g.Version++
	return g.Version
}

type stepper struct{ Version int64 }

func (s *stepper) reset() { s.Version = time.Now().Unix() }

func (s *stepper) step(n int64) { s.Version += n }

func seededLocal(out chan<- int64) {
	seq := time.Now().UnixNano()
	for range 3 {
		seq++
		out <- seq
	}
}

func keyBySeeded(events map[int64]Event, in []Event) {
	k := time.Now().UnixNano()
	for _, e := range in {
		k++
		events[k] = e
	}
}

// Keyed by a time.Time, or by a value that is not the clock.
func keyByTimeValue(events map[time.Time]Event, e Event) {
	events[time.Now()] = e
}

func sendTime(h http.Header) {
	h.Set("X-Sent-At", strconv.FormatInt(time.Now().Unix(), 10))
}

type Feed struct{}

func (*Feed) ListAfter(cursor int64) []Event { return nil }

type state struct {
	Checkpoint string
	LastPoll   int64
}

// A clock reading used as a resume cursor skips what other machines
// wrote with earlier clocks.
func poll(f *Feed, st *state) {
	f.ListAfter(time.Now().UnixMilli())                      // want `wall-clock time used as a resume cursor \(cursor\)`
	st.Checkpoint = strconv.FormatInt(time.Now().Unix(), 10) // want `wall-clock time used as a resume checkpoint \(Checkpoint\)`
	st.LastPoll = time.Now().Unix()                          // a time, named as one
}

func logf(format string, args ...any) {}

func pair(key string, value int64) int64 { return value }

// A format string or a log field is not a key the value is sent under.
func logged() {
	logf("request id %d", time.Now().UnixNano())
	_ = pair("seq", time.Now().UnixNano())
}
