// Package drained holds transports that send the same request again
// without rewinding its body: the first send consumed and closed the
// body, so a replayed write that has one fails net/http's Content-Length
// check before a whole request reaches the server. They are reported
// only with -idempotency.strict (a write with no body is replayed whole).
package drained

import (
	"net/http"
	"time"
)

// Failover over resolved targets (gomatrixserverlib's destinationTripper).
type failover struct {
	next    http.RoundTripper
	targets []string
}

func (f *failover) RoundTrip(r *http.Request) (*http.Response, error) { // want RoundTrip:`sendsRequest\(param 0\)`
	var err error
	var resp *http.Response
	for _, t := range f.targets {
		r.URL.Host = t
		resp, err = f.next.RoundTrip(r)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// A client wrapper that retries on 500 with the same request.
type client struct{ hc *http.Client }

func (c *client) Do(req *http.Request) (*http.Response, error) { // want Do:`sendsRequest\(param 0\) retried`
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.hc.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return resp, err
}
