// Package transports holds RoundTrippers and client wrappers that send a
// request they are given, once or again.
package transports

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// A retrying transport that never looks at the method.
type retryTransport struct {
	next     http.RoundTripper
	attempts int
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	var lastErr error
	for i := 0; i < t.attempts; i++ {
		if i > 0 && req.GetBody != nil {
			body, err := req.GetBody() // the body is sent whole again
			if err != nil {
				return nil, err
			}
			req.Body = body
		}
		resp, err := t.next.RoundTrip(req) // want `this RoundTripper sends the request again after a failure without checking that it is replayable`
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		lastErr = err
		time.Sleep(100 * time.Millisecond)
	}
	return nil, lastErr
}

// Failover over regions: the request that timed out in one region runs
// again in the next.
type failover struct {
	next    http.RoundTripper
	regions []string
}

func (f *failover) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	var lastErr error
	for _, host := range f.regions {
		r := req.Clone(req.Context())
		r.URL.Host = host
		if req.GetBody != nil {
			r.Body, _ = req.GetBody()
		}
		resp, err := f.next.RoundTrip(r) // want `this RoundTripper sends the request again after a failure`
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

// GetBody makes the body readable twice; it does not make a POST safe to
// run twice.
type rewinding struct{ next http.RoundTripper }

func (t rewinding) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	for {
		resp, err := t.next.RoundTrip(req) // want `sends the request again`
		if err == nil || req.GetBody == nil {
			return resp, err
		}
		body, berr := req.GetBody()
		if berr != nil {
			return nil, err
		}
		req.Body = body
	}
}

// A client wrapper: Do retries through an *http.Client.
type Client struct{ hc *http.Client }

func (c *Client) Do(req *http.Request) (*http.Response, error) { // want Do:`sendsRequest\(param 0\) retried`
	var resp *http.Response
	var err error
	for attempt := range 3 {
		if req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		resp, err = c.hc.Do(req.WithContext(context.Background())) // want `Do sends the request again after a failure`
		if err == nil {
			break
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return resp, err
}

// Hedging: a second copy after a delay, the first answer wins.
type hedged struct{ next http.RoundTripper }

func (h hedged) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	type result struct {
		resp *http.Response
		err  error
	}
	results := make(chan result, 2)
	for i := range 2 {
		go func() {
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			resp, err := h.next.RoundTrip(req.Clone(req.Context())) // want `this RoundTripper sends copies of a request in parallel \(hedging\)`
			results <- result{resp, err}
		}()
	}
	r := <-results
	return r.resp, r.err
}

// Left alone: transports that check the method, ask a yes-or-no helper,
// or read the idempotency header before they replay.
type checked struct{ next http.RoundTripper }

func (t checked) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	for i := 0; ; i++ {
		resp, err := t.next.RoundTrip(req)
		if err == nil || i == 3 || (req.Method != http.MethodGet && req.Method != http.MethodHead) {
			return resp, err
		}
	}
}

type switched struct{ next http.RoundTripper }

func (t switched) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	retries := 0
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete:
		retries = 3
	}
	for i := 0; ; i++ {
		resp, err := t.next.RoundTrip(req)
		if err == nil || i >= retries {
			return resp, err
		}
	}
}

var idempotentMethods = []string{http.MethodGet, http.MethodHead, http.MethodOptions}

type listed struct{ next http.RoundTripper }

func (t listed) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	replay := slices.Contains(idempotentMethods, req.Method)
	for {
		resp, err := t.next.RoundTrip(req)
		if err == nil || !replay {
			return resp, err
		}
	}
}

type helperChecked struct{ next http.RoundTripper }

func (t helperChecked) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	for {
		resp, err := t.next.RoundTrip(req)
		if err == nil || !replayable(req) {
			return resp, err
		}
	}
}

func replayable(req *http.Request) bool {
	return req.Method == http.MethodGet || req.Header.Get("Idempotency-Key") != ""
}

type keyed struct{ next http.RoundTripper }

func (t keyed) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	canReplay := req.Header.Get("Idempotency-Key") != ""
	for {
		resp, err := t.next.RoundTrip(req)
		if err == nil || !canReplay {
			return resp, err
		}
	}
}

// Left alone: transports that send once.
type logging struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    int
}

func (t *logging) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
	return t.next.RoundTrip(req)
}

// A loop that sends once and leaves on every path.
type firstHealthy struct {
	next  http.RoundTripper
	hosts []string
	up    func(string) bool
}

func (t firstHealthy) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	for _, h := range t.hosts {
		if !t.up(h) {
			continue
		}
		req.URL.Host = h
		return t.next.RoundTrip(req)
	}
	return nil, errors.New("no healthy host")
}

// A loop over different requests is a batch, not a replay.
func sendAll(c *http.Client, reqs []*http.Request) error {
	for _, r := range reqs {
		resp, err := c.Do(r)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// A probe built from the given request with a constant method is the
// HTTP rule's business: its method is in view.
func probe(c *http.Client, req *http.Request) error {
	for range 3 {
		head, _ := http.NewRequestWithContext(req.Context(), http.MethodHead, req.URL.String(), nil)
		resp, err := c.Do(head)
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return errors.New("unreachable")
}

// Retries only a request the server answered with a 500: a transport
// error, which is what a lost response surfaces as, leaves the loop.
type answered struct {
	hc   *http.Client
	last []byte
}

func (c *answered) Do(req *http.Request) (resp *http.Response, err error) { // want Do:`^sendsRequest\(param 0\)$`
	for attempt := 0; attempt < 5; attempt++ {
		resp, err = c.hc.Do(req)
		if err != nil || resp.StatusCode != 500 {
			break
		}
	}
	return resp, err
}

func (c *answered) DoSplit(req *http.Request) (*http.Response, error) { // want DoSplit:`^sendsRequest\(param 0\)$`
	for {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != 503 {
			return resp, nil
		}
	}
}

func (c *answered) DoNilFirst(req *http.Request) (*http.Response, error) { // want DoNilFirst:`^sendsRequest\(param 0\)$`
	for {
		resp, err := c.hc.Do(req)
		if nil != err {
			return nil, err
		}
		if resp.StatusCode != 503 {
			return resp, nil
		}
	}
}

// Look-alike: the error check goes round again, so a lost response is
// sent again.
func (c *answered) DoAgain(req *http.Request) (resp *http.Response, err error) { // want DoAgain:`sendsRequest\(param 0\) retried`
	for attempt := 0; attempt < 5; attempt++ {
		if attempt > 0 {
			req.Body = io.NopCloser(bytes.NewReader(c.last))
		}
		resp, err = c.hc.Do(req) // want `DoAgain sends the request again after a failure`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode != 500 {
			break
		}
	}
	return resp, err
}

// Attempt is what a retry policy is given.
type Attempt struct {
	Request  *http.Request
	Response *http.Response
	Index    int
	Err      error
}

// A retry transport whose every retry is decided by a policy the caller
// supplies, given the request: the policy sees the method (rehttp).
type policyTransport struct {
	next  http.RoundTripper
	retry func(Attempt) (bool, time.Duration)
}

func (t *policyTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`setsKey\(param 0 \(maybe\)\)`
	for i := 0; ; i++ {
		if i > 0 && req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		resp, err := t.next.RoundTrip(req)
		again, delay := t.retry(Attempt{Request: req, Response: resp, Index: i, Err: err})
		if !again {
			return resp, err
		}
		time.Sleep(delay)
	}
}

// Look-alike: a policy that is not given the request decides blind.
type blindPolicyTransport struct {
	next  http.RoundTripper
	retry func(Attempt) (bool, time.Duration)
}

func (t *blindPolicyTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	for i := 0; ; i++ {
		if i > 0 && req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		resp, err := t.next.RoundTrip(req) // want `this RoundTripper sends the request again after a failure`
		again, delay := t.retry(Attempt{Response: resp, Index: i, Err: err})
		if !again {
			return resp, err
		}
		time.Sleep(delay)
	}
}
