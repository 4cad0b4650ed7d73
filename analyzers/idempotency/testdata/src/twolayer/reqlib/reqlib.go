// Package reqlib is the lower helper layer: it builds requests and sets
// keys on them.
package reqlib

import (
	"context"
	"io"
	"net/http"
)

// NewRequest builds a request with the caller's method.
func NewRequest(ctx context.Context, method, url string, body io.Reader) (*http.Request, error) { // want NewRequest:`returnsRequest\(param 1; key unset\)`
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// SetKey sets the idempotency key on a header.
func SetKey(h http.Header, key string) { // want SetKey:`setsKey\(param 0\)`
	h.Set("Idempotency-Key", key)
}

// Apply hands the request to editors out of view: the key may be set there.
func Apply(req *http.Request, edits ...func(*http.Request)) { // want Apply:`setsKey\(param 0 \(maybe\)\)`
	for _, e := range edits {
		e(req)
	}
}

// Send sends its request as it is.
func Send(c *http.Client, req *http.Request) (*http.Response, error) { // want Send:`sendsRequest\(param 1\)`
	return c.Do(req)
}
