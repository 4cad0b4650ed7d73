package lww

import (
	"crypto/rand"
	"time"

	"github.com/google/uuid"
)

// A timestamp that only one writer ever sets (written once, when a value
// with a random identity is created) is not last-write-wins: comparing
// two of them picks the older instance, no write replaces another.

// Instance announces a process; each process writes its own, once.
type Instance struct {
	ID        string    `json:"id"`
	Addr      string    `json:"addr"`
	StartedAt time.Time `json:"started_at"`
}

func newInstance(addr string) *Instance {
	return &Instance{ID: uuid.NewString(), Addr: addr, StartedAt: time.Now()}
}

type registry struct{ oldest *Instance }

// The oldest instance leads.
func (r *registry) observe(in *Instance) {
	if r.oldest == nil || in.StartedAt.Before(r.oldest.StartedAt) {
		r.oldest = in
	}
}

// Lock holders set their token and acquisition time together, once.
type Holder struct {
	Token      string    `json:"token"`
	AcquiredAt time.Time `json:"acquired_at"`
}

func acquire() *Holder {
	h := new(Holder)
	h.Token = rand.Text()
	h.AcquiredAt = time.Now()
	return h
}

func earliest(cur, in *Holder, held map[string]*Holder) {
	if in.AcquiredAt.Before(cur.AcquiredAt) {
		held["lock"] = in
	}
}

// Look-alikes: a timestamp written at creation and again on update has
// several writers, and one written once without a random identity may
// be written by any machine for the same key.

type Session struct {
	ID        string    `json:"id"`
	Data      string    `json:"data"`
	TouchedAt time.Time `json:"touched_at"`
}

func newSession() *Session {
	return &Session{ID: uuid.New().String(), TouchedAt: time.Now()}
}

func (s *Session) touch(data string) {
	s.Data = data
	s.TouchedAt = time.Now()
}

func mergeSession(sessions map[string]*Session, in *Session) {
	cur := sessions[in.ID]
	if in.TouchedAt.After(cur.TouchedAt) { // want `last write wins by TouchedAt`
		sessions[in.ID] = in
	}
}

type Entry struct {
	Key     string    `json:"key"`
	Value   string    `json:"value"`
	WroteAt time.Time `json:"wrote_at"`
}

func put(key, value string) Entry {
	return Entry{Key: key, Value: value, WroteAt: time.Now()}
}

func mergeEntry(entries map[string]Entry, in Entry) {
	if in.WroteAt.After(entries[in.Key].WroteAt) { // want `last write wins by WroteAt`
		entries[in.Key] = in
	}
}
