// Package probe holds retries of readiness probes: a ping of a database,
// or a GET read only for its status.
package probe

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

var db *sql.DB

func ping() error { return db.Ping() }

// A few pings at start, a constant count apart: left alone.
func initDB() {
	for i := 1; i < 6; i++ {
		if err := ping(); err != nil {
			log.Printf("reconnecting in 5 seconds (attempt %d/5)", i)
			time.Sleep(5 * time.Second)
		} else {
			break
		}
	}
}

func check(c *http.Client, uri string) error {
	res, err := c.Get(uri)
	if err != nil {
		return err
	}
	defer func() { _ = res.Body.Close() }()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("unexpected status: %s", res.Status)
	}
	return nil
}

// Polling a readiness endpoint until a deadline: left alone.
func wait(c *http.Client, uri string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if err := check(c, uri); err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("timed out")
		}
		time.Sleep(time.Second)
	}
}

// The same probe forever is still reported.
func waitForever(c *http.Client, uri string) {
	for { // want `retry loop around check \(which calls \(\*http.Client\).Get\) waits a fixed delay with no jitter and has no limit`
		if err := check(c, uri); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// Bounded by a count a caller or a configuration sets: still reported.
func waitAttempts(c *http.Client, uri string, attempts int) error {
	var err error
	for i := 0; i < attempts; i++ { // want `retry loop around check \(which calls \(\*http.Client\).Get\) waits a fixed delay with no jitter: clients`
		if err = check(c, uri); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Above the cap of ten attempts: still reported.
func initDBLong() {
	for i := 0; i < 100; i++ { // want `retry loop around ping \(which calls \(\*sql.DB\).Ping\) waits a fixed delay with no jitter: clients`
		if err := ping(); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// With no delay: still reported.
func initDBNow() error {
	var err error
	for i := 0; i < 5; i++ { // want `retry loop around ping \(which calls \(\*sql.DB\).Ping\) has no delay: during an outage`
		if err = ping(); err == nil {
			return nil
		}
	}
	return err
}

// A GET whose body is read is a request, not a probe: still reported.
func fetch(c *http.Client, uri string) ([]byte, error) {
	res, err := c.Get(uri)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

func fetchRetry(c *http.Client, uri string) ([]byte, error) {
	for i := 0; i < 5; i++ { // want `retry loop around fetch \(which calls \(\*http.Client\).Get\) waits a fixed delay with no jitter: clients`
		if b, err := fetch(c, uri); err == nil {
			return b, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("gave up")
}

// A bounded write is not a probe: still reported.
func insert(id string) error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around \(\*sql.DB\).Exec waits a fixed delay with no jitter: clients`
		if _, err = db.Exec("INSERT INTO t VALUES ($1)", id); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
