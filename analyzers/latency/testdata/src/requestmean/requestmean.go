// Package requestmean computes averages of durations by hand: of
// requests' latencies, which hide a tail, and of local work, which is no
// request's latency.
package requestmean

import (
	"context"
	"database/sql"
	"expvar"
	"net/http"
	"time"
)

// A running mean of the durations of HTTP calls.
type probe struct {
	client *http.Client
	total  time.Duration
	n      int
}

func (p *probe) fetch(url string) error {
	start := time.Now()
	resp, err := p.client.Get(url)
	p.total += time.Since(start)
	p.n++
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *probe) mean() time.Duration {
	return p.total / time.Duration(p.n) // want `average latency computed by hand`
}

// A mean of the time each request takes to serve, kept by the handler.
type server struct {
	total time.Duration
	n     int64
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	render(w)
	s.total += time.Since(start)
	s.n++
}

func (s *server) avgSeconds() float64 {
	return s.total.Seconds() / float64(s.n) // want `average latency computed by hand`
}

func render(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }

// A mean of queries timed around a helper that calls database/sql.
type repo struct {
	db    *sql.DB
	total time.Duration
	n     int
}

func (r *repo) load(ctx context.Context, id int) error {
	start := time.Now()
	err := r.query(ctx, id)
	d := time.Since(start)
	r.total += d
	r.n++
	return err
}

func (r *repo) query(ctx context.Context, id int) error {
	_, err := r.db.ExecContext(ctx, "SELECT 1 WHERE ? > 0", id)
	return err
}

func (r *repo) mean() time.Duration {
	return r.total / time.Duration(r.n) // want `average latency computed by hand`
}

// A deferred sum, with the request made in the function.
type checker struct {
	client *http.Client
	total  time.Duration
	n      int
}

func (c *checker) check(url string) (err error) {
	start := time.Now()
	defer func() {
		c.total += time.Since(start)
		c.n++
	}()
	_, err = c.client.Head(url)
	return err
}

func (c *checker) mean() time.Duration {
	return c.total / time.Duration(c.n) // want `average latency computed by hand`
}

var (
	busyMillis = expvar.NewInt("busy_ms_total")
	served     = expvar.NewInt("served_total")
	callMillis = expvar.NewInt("call_ms_total")
	calls      = expvar.NewInt("calls_total")
)

// A duration summed into a counter next to a count, in a handler.
func handle(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	render(w)
	busyMillis.Add(time.Since(start).Milliseconds()) // want `duration summed into a counter next to a count`
	served.Add(1)
}

// The same pair around an HTTP call, outside any handler.
func call(c *http.Client, url string) error {
	start := time.Now()
	resp, err := c.Get(url)
	callMillis.Add(time.Since(start).Milliseconds()) // want `duration summed into a counter next to a count`
	calls.Add(1)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
