package nodelay

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// The canonical shape: success leaves, failure loops back at once.
func get(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do has no delay and no limit on attempts or time: during an outage every client retries at once, forever, and keeps the server down; back off exponentially with jitter and cap the attempts`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		log.Printf("retrying: %v", err)
	}
}

// A counter bounds the attempts, but nothing waits between them.
func getCounted(url string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 5; i++ { // want `retry loop around http.Get has no delay: during an outage`
		resp, err := http.Get(url)
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

// The loop condition is the error.
func ping(db *sql.DB) {
	err := db.Ping()
	for err != nil { // want `retry loop around \(\*sql.DB\).Ping has no delay and no limit`
		err = db.Ping()
	}
}

func pingPost(ctx context.Context, db *sql.DB) {
	var err error
	for err = db.PingContext(ctx); err != nil; err = db.PingContext(ctx) { // want `retry loop around \(\*sql.DB\).PingContext has no delay`
	}
}

// An error check in the if's init, and a labeled loop.
func dial(addr string) net.Conn {
retry:
	for { // want `retry loop around net.Dial has no delay and no limit`
		if conn, err := net.Dial("tcp", addr); err == nil {
			return conn
		} else if errors.Is(err, io.EOF) {
			continue retry
		}
	}
}

// A range over an integer bounds the attempts.
func execN(ctx context.Context, db *sql.DB, q string) error {
	var err error
	for range 3 { // want `retry loop around \(\*sql.DB\).ExecContext has no delay: during`
		if _, err = db.ExecContext(ctx, q); err == nil {
			break
		}
	}
	return err
}

// A retryable error goes around again; others return.
func classified(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do has no delay and no limit`
		resp, err := c.Do(req)
		if err != nil {
			if isTemporary(err) {
				continue
			}
			return nil, err
		}
		return resp, nil
	}
}

func isTemporary(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// A stop flag or the context bounds the loop; still no delay.
func untilCancelled(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do has no delay: during`
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
}

// Generic helpers are seen through their origin.
func first[T any](c *http.Client, req *http.Request, v T) T {
	for { // want `retry loop around \(\*http.Client\).Do has no delay`
		if _, err := c.Do(req); err == nil {
			return v
		}
	}
}

// Negative: a failure leaves the loop; this is not a retry.
func pages(c *http.Client, reqs func(int) *http.Request) error {
	for page := 0; ; page++ {
		resp, err := c.Do(reqs(page))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusNoContent {
			return nil
		}
	}
}

// Negative: a consumer loop goes on after success as after failure; it
// does not retry one call.
func consume(c *http.Client, req *http.Request, out chan<- *http.Response) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		out <- resp
	}
}

// Negative: the error branch falls through and nothing tells success
// from failure.
func repeat(db *sql.DB) {
	for i := 0; i < 3; i++ {
		if err := db.Ping(); err != nil {
			log.Print(err)
		}
	}
}

// Negative: the loop waits in a helper of this package.
func viaHelper(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; ; i++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		pauseFor(i)
	}
}

func pauseFor(i int) { <-make(chan int) }

// Negative: a wait out of view, named like one.
type waiter interface{ Wait(context.Context) error }

func viaInterface(ctx context.Context, w waiter, c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		if err := w.Wait(ctx); err != nil {
			return nil, err
		}
	}
}

// Negative: no network call, no finding.
func local(f func() error) {
	for {
		if err := f(); err == nil {
			return
		}
	}
}

// Negative: the retry policy is an interface of this package whose one
// implementation sleeps before each attempt (client-go's
// rest.WithRetry.Before).
type retrier interface {
	Before(ctx context.Context) error
}

type withRetry struct{ calls int }

func (r *withRetry) Before(ctx context.Context) error {
	if r.calls > 0 {
		sleepCtx(ctx, time.Duration(r.calls)*time.Second)
	}
	r.calls++
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

func watch(ctx context.Context, retry retrier, c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		if err := retry.Before(ctx); err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			return resp, nil
		}
	}
}

// An interface of this package whose implementations do not wait.
type counter interface{ Count() int }

type hits struct{ n int }

func (h *hits) Count() int { h.n++; return h.n }

func counted(k counter, c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do has no delay and no limit`
		k.Count()
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
}

type fatalLogger struct{}

func (fatalLogger) Fatalf(format string, args ...any) { panic(format) }

// Negative: a failure ends the program; nothing is retried.
func mustPing(db *sql.DB, logger fatalLogger) {
	for {
		err := db.Ping()
		if err == nil {
			break
		}
		logger.Fatalf("ping: %v", err)
	}
}
