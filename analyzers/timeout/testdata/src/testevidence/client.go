// Package testevidence: a client made in production code is judged by
// the requests production code sends through it; a test's request to
// its own fixture is no evidence.
package testevidence

import (
	"context"
	"net/http"
)

type signer struct{ base http.RoundTripper }

func (s *signer) RoundTrip(r *http.Request) (*http.Response, error) { return s.base.RoundTrip(r) }

// NewClient returns a signing client: its only request with no context
// is the test's Get of an httptest server.
func NewClient() *http.Client {
	return &http.Client{Transport: &signer{base: http.DefaultTransport}}
}

func Ping(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := NewClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The look-alike: production code sends a request with no context.
func newFetcher() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line 38\)`
}

func Fetch(url string) (*http.Response, error) { return newFetcher().Get(url) }

// A fake server's request is a test double's: no evidence either.
type fakePeer struct{}

func (fakePeer) ping(url string) { newSigner().Get(url) }

func newSigner() *http.Client {
	return &http.Client{Transport: &signer{base: http.DefaultTransport}}
}

// An exported field's client: its facts are gathered before any client is
// judged, from every use in the package; a test's request is no
// evidence against it there either.
type API struct{ HC *http.Client } // want HC:"bounded client field"

func (a *API) Ping(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := a.HC.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// NewAPI's client is bounded by the contexts of Ping's requests.
func NewAPI() *API { return &API{HC: &http.Client{}} }
