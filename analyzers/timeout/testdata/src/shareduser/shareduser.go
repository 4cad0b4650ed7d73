// Package shareduser sends through sharedhttp's shared clients: judged
// where it sends (mongo-driver's packages, which build every request with
// a context, are no finding).
package shareduser

import (
	"context"
	"net/http"

	"sharedhttp"
)

type crypt struct {
	httpClient *http.Client
}

func newCrypt(hc *http.Client) *crypt {
	if hc == nil {
		hc = sharedhttp.DefaultHTTPClient
	}
	return &crypt{httpClient: hc}
}

func (m *crypt) fetch(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := m.httpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (m *crypt) close() {
	if m.httpClient == sharedhttp.DefaultHTTPClient {
		m.httpClient.CloseIdleConnections()
	}
}

// Handed on, out of view: no evidence.
func options(set func(*http.Client)) {
	set(sharedhttp.NewHTTPClient())
}

// Look-alikes: a request with no context sent through the shared client.
func get(u string) error {
	resp, err := sharedhttp.DefaultHTTPClient.Get(u) // want `sharedhttp.DefaultHTTPClient \(made at sharedhttp.go:11\) has no Timeout and sends a request with no context \(Get on line 49\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func do(u string) error {
	c := sharedhttp.NewHTTPClient() // want `sharedhttp.DefaultHTTPClient \(made at sharedhttp.go:11\) has no Timeout and sends a request made by http.NewRequest, with no context \(Do on line 62\)`
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func quiet(u string) error {
	resp, err := sharedhttp.Quiet().Head(u) // want `sharedhttp.quiet \(made at sharedhttp.go:22\) has no Timeout and sends a request with no context \(Head on line 70\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A shared client with a Timeout is no finding.
func bounded(u string) error {
	resp, err := sharedhttp.Bounded.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
