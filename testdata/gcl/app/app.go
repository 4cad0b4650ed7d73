// Package app has distlint findings for the golangci-lint plugin test.
package app

import (
	"context"
	"net/http"
)

// Fetch uses the default client.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url)
}

// Probe is suppressed the golangci-lint way.
func Probe(url string) {
	http.Head(url) //nolint:distlint // the probe runs under an external watchdog
}

// Queue has a large buffer.
func Queue() chan int { return make(chan int, 600) }

// Ping drops its context.
func Ping(ctx context.Context, c *http.Client) {
	req, _ := http.NewRequest("GET", "http://127.0.0.1:1/", nil)
	c.Do(req)
}

// Handle serves a request: Ping's context is the request's, which is
// what lostcontext needs to see.
func Handle(w http.ResponseWriter, r *http.Request) { Ping(r.Context(), nil) }
