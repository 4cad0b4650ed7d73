// Package capped holds fixed-delay retries in the analyzer's default mode:
// capped by a few attempts, a count it cannot see or a clock deadline,
// they are left alone; capped by nothing but cancellation, or allowed
// more than ten attempts, they are reported.
package capped

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"
)

// Capped: five attempts a second apart at startup.

func connectAtStartup(db *sql.DB) error {
	var err error
	for i := 0; i < 5; i++ {
		if _, err = db.Exec("SELECT 1"); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func rangeCount(c *http.Client, req *http.Request) (*http.Response, error) {
	var err error
	for range 3 {
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// A count the caller or the configuration sets: its value cannot be
// seen, so the loop is left alone.
type notifier struct {
	hc         *http.Client
	maxRetries int
	interval   time.Duration
}

func (n *notifier) send(req *http.Request) error {
	attempt := 0
	for {
		resp, err := n.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		attempt++
		if attempt >= n.maxRetries {
			return err
		}
		time.Sleep(n.interval)
	}
}

func withParam(c *http.Client, req *http.Request, tries int) error {
	for i := 0; i < tries; i++ {
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(2 * time.Second)
	}
	return errors.New("gave up")
}

// A deadline on the clock.
func untilDeadline(c *http.Client, req *http.Request) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Reported: nothing but cancellation caps it.

func untilCancelled(ctx context.Context, c *http.Client, req *http.Request) error {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients that failed together retry together`
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Second):
		}
	}
}

type reconnector struct {
	hc     *http.Client
	closed bool
}

func (r *reconnector) untilClosed(req *http.Request) {
	for !r.closed { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		resp, err := r.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(time.Second)
	}
}

// Reported: nothing caps it at all.
func forever(c *http.Client, req *http.Request) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter and has no limit on attempts or time`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(time.Second)
	}
}

// Reported: more than ten attempts, by a constant.

const maxAttempts = 100

func manyAttempts(c *http.Client, req *http.Request) error {
	for i := 0; i < maxAttempts; i++ { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

func manyInGuard(c *http.Client, req *http.Request) error {
	n := 0
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		n++
		if n > 60 {
			return err
		}
		time.Sleep(time.Second)
	}
}

func rangeMany(c *http.Client, req *http.Request) error {
	for range 50 { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// No delay at all is reported however few the attempts.
func backToBack(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ { // want `retry loop around \(\*http.Client\).Do has no delay: during an outage`
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return errors.New("gave up")
}

type apiError struct{ code int }

func (e *apiError) Error() string { return "api error" }

// A guard that only sorts the errors (errors.As into a target) is no cap:
// the loop waits for the server forever.
func untilExists(c *http.Client, req *http.Request) error {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter and has no limit on attempts or time`
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		var apiErr *apiError
		if !errors.As(err, &apiErr) {
			return err
		}
		time.Sleep(5 * time.Second)
	}
}

// Capped by a deadline the function makes: a select that returns when a
// context from context.WithTimeout is done (go-secure-stdlib's credential
// check, polled once a second until the caller's validity timeout).
func untilValid(c *http.Client, req *http.Request, timeout time.Duration) (*http.Response, error) {
	timeoutCtx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-time.After(time.Second):
		case <-timeoutCtx.Done():
			return nil, err
		}
	}
}

// Or a timer started before the loop, left by label.
func untilTimer(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	deadline := time.After(time.Minute)
	t := time.NewTimer(2 * time.Minute)
	defer t.Stop()
retry:
	for {
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		select {
		case <-time.After(time.Second):
		case <-deadline:
			break retry
		case <-t.C:
			return nil, err
		}
	}
	return nil, err
}

// Look-alikes, reported: a parameter's context is the caller's and may
// have no deadline; a cancel-only context ends the loop at shutdown; a
// bare break ends only the select.
func untilCallerDone(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func untilClosed(c *http.Client, req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func untilBreak(c *http.Client, req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			break
		}
	}
}

// A deadline on the clock through a variable: every value elapsed is
// given is a clock reading (a wait for a resource just created, capped
// at a few seconds).
func untilElapsed(c *http.Client, req *http.Request, limit time.Duration) error {
	start := time.Now()
	elapsed := time.Since(start)
	var err error
	for elapsed < limit {
		var resp *http.Response
		resp, err = c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
		elapsed = time.Since(start)
	}
	return err
}

// Look-alike, reported: the variable compared is given the result of a
// function of the package, not a clock reading.
func untilQuota(c *http.Client, req *http.Request) error {
	left := quota()
	var err error
	for left > 0 { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		var resp *http.Response
		resp, err = c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
		left = quota()
	}
	return err
}

func quota() int { return 1 }

// Look-alike, reported: a clock reading taken once, before the loop, and
// never read again is no deadline.
func staleElapsed(c *http.Client, req *http.Request, limit time.Duration) error {
	start := time.Now()
	elapsed := time.Since(start)
	var err error
	for elapsed < limit { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		var resp *http.Response
		resp, err = c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
