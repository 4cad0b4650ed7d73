package fixeddelay

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"net/http"
	"time"
)

func sleepConst(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter and has no limit on attempts or time: clients that failed together retry together, in waves, forever; back off exponentially with jitter and cap the attempts`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

const retryInterval = 2 * time.Second

func sleepBounded(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	for attempt := 1; attempt <= 3; attempt++ { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients that failed together retry together, in waves that keep the server down; back off exponentially with jitter`
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		time.Sleep(retryInterval)
	}
	return nil, err
}

// A duration the loop never changes is as fixed as a constant.
type client struct {
	hc    *http.Client
	delay time.Duration
	last  error
}

func (c *client) fetch(ctx context.Context, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		resp, err := c.hc.Do(req)
		if err == nil {
			return resp, nil
		}
		c.last = err
		select {
		case <-time.After(c.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func ticker(c *http.Client, req *http.Request, stop chan struct{}) *http.Response {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		select {
		case <-t.C:
		case <-stop:
			return nil
		}
	}
}

func timerReset(c *http.Client, req *http.Request) *http.Response {
	t := time.NewTimer(0)
	for i := 0; i < 10; i++ { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		<-t.C
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		t.Reset(500 * time.Millisecond)
	}
	return nil
}

// A delay computed in the loop from nothing that changes is fixed too.
func computed(c *http.Client, req *http.Request, base time.Duration) *http.Response {
	for i := 0; i < 3; i++ { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		wait := base * 2
		time.Sleep(wait)
	}
	return nil
}

// Negative: exponential growth with jitter and a cap.
func backoff(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	d := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-time.After(d/2 + rand.N(d/2)):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		d = min(2*d, 10*time.Second)
	}
	return nil, context.DeadlineExceeded
}

// Negative: growth without jitter, with a bound: not a fixed delay.
func linear(c *http.Client, req *http.Request) *http.Response {
	for i := 0; i < 5; i++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return nil
}

// Negative: a fixed delay with jitter added.
func jitter(c *http.Client, req *http.Request) *http.Response {
	for i := 0; i < 5; i++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(time.Second + rand.N(time.Second))
	}
	return nil
}

// A growing delay with no limit, in a function whose caller waits for an
// error that never comes.
func forever(c *http.Client, req *http.Request) (*http.Response, error) {
	d := time.Second
	for { // want `retry loop around \(\*http.Client\).Do has no limit on attempts or time: while the server is down the caller never gets its error and work piles up behind it; cap the attempts or the total time, or stop when the context is done`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(d)
		d *= 2
	}
}

// Negative: a daemon's reconnect goroutine that backs off is meant to
// run until it succeeds.
func daemon(c *http.Client, req *http.Request, out chan<- *http.Response) {
	go func() {
		d := time.Second
		for {
			resp, err := c.Do(req)
			if err == nil {
				out <- resp
				return
			}
			time.Sleep(d + rand.N(d))
			d = min(d*2, time.Minute)
		}
	}()
}

// Negative: a select on a channel of unknown meaning.
func kicked(c *http.Client, req *http.Request, kick <-chan int) *http.Response {
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		select {
		case <-kick:
		case <-time.After(time.Second):
		}
	}
}

// Prometheus's Consul discovery waits for its datacenter this way.
func initialize(ctx context.Context, get func() error, c *http.Client, req *http.Request) {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		select {
		case <-ctx.Done():
			return
		default:
		}
		_, err := c.Do(req)
		if err != nil {
			time.Sleep(retryInterval)
			continue
		}
		return
	}
}

// Negative: suppressed with a reason.
func suppressed(c *http.Client, req *http.Request) *http.Response {
	//distlint:ignore retrystorm the local sidecar comes up within seconds and serves only this process
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// One condition leaves on success, at the limit, or on a permanent
// error (sarama's retryOnError).
func retryOnError(db *sql.DB, max int, retryable func(error) bool) error {
	for remaining := max + 1; ; { // want `retry loop around \(\*sql.DB\).Ping waits a fixed delay with no jitter: clients`
		err := db.Ping()
		remaining--
		if err == nil || remaining <= 0 || !retryable(err) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Only a retryable failure goes around again.
func retryable(c *http.Client, req *http.Request, isTemporary func(error) bool) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter and has no limit`
		resp, err := c.Do(req)
		if err != nil && isTemporary(err) {
			time.Sleep(time.Second)
			continue
		}
		return resp, err
	}
}
