// Package helpercall times calls of its own helpers: one reaches the
// network a function away, the others do not.
package helpercall

import (
	"database/sql"
	"expvar"
	"net/http"
	"time"
)

var last = expvar.NewFloat("last_call_seconds")

type store struct {
	db *sql.DB
	c  *http.Client
}

// load makes the request through another helper.
func (s *store) load(id string) error {
	return s.fetch(id)
}

func (s *store) fetch(id string) error {
	_, err := s.c.Get("http://backend/" + id)
	return err
}

// Do is named like a network call and is none.
func (s *store) Do(id string) int { return len(id) }

func (s *store) timedLoad(id string) error {
	start := time.Now()
	err := s.load(id)
	last.Set(time.Since(start).Seconds()) // want `latency measured around a request recorded into a gauge`
	return err
}

func (s *store) timedQuery() error {
	start := time.Now()
	_, err := s.db.Exec("DELETE FROM sessions WHERE expired")
	last.Set(time.Since(start).Seconds()) // want `latency measured around a request recorded into a gauge`
	return err
}

func (s *store) timedLocal(id string) int {
	start := time.Now()
	n := s.Do(id)
	last.Set(time.Since(start).Seconds()) // a local computation, no request
	return n
}

func (s *store) timedSpawn(id string) {
	start := time.Now()
	s.spawnOnly(id)
	last.Set(time.Since(start).Seconds()) // the helper does not wait for the request
}

func (s *store) spawnOnly(id string) {
	go func() { _ = s.fetch(id) }()
}
