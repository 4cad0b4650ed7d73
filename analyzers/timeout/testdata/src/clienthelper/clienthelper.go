// A client passed through helpers that only configure it (and return
// it) is judged by the requests it sends after them (issue #14).
package clienthelper

import (
	"context"
	"crypto/tls"
	"errors"
	"net/http"
	"time"
)

// tune sets transport fields and returns the client it was given.
func tune(c *http.Client) *http.Client {
	t := c.Transport.(*http.Transport)
	t.TLSHandshakeTimeout = 10 * time.Second
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return c
}

// secure configures the client's TLS and returns nothing.
func secure(c *http.Client, name string) error {
	if c == nil {
		return errors.New("no client")
	}
	c.Transport.(*http.Transport).TLSClientConfig.ServerName = name
	return nil
}

// Negatives.

// The client goes through tune and an unexported constructor into a
// field whose every request carries a context: a missing deadline is
// ctxdeadline's business.
type agent struct{ hc *http.Client }

func socketClient() *http.Client {
	hc := &http.Client{Transport: &http.Transport{}}
	return tune(hc)
}

func newAgent(name string) (*agent, error) {
	hc := socketClient()
	if err := secure(hc, name); err != nil {
		return nil, err
	}
	return &agent{hc: hc}, nil
}

func (a *agent) fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same through a constructor with two results.
type mirror struct{ hc *http.Client }

func mirrorClient() (*http.Client, error) {
	return tune(&http.Client{Transport: &http.Transport{}}), nil
}

func newMirror() (*mirror, error) {
	hc, err := mirrorClient()
	if err != nil {
		return nil, err
	}
	return &mirror{hc: hc}, nil
}

func (m *mirror) fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := m.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Positives: the look-alikes.

// The same helpers, but one request the field sends has no context.
type poller struct{ hc *http.Client }

func pollClient() *http.Client {
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
	return tune(hc)
}

func newPoller() *poller {
	hc := pollClient()
	_ = secure(hc, "poller")
	return &poller{hc: hc}
}

func (p *poller) poll() { p.hc.Get("https://example.com/status") }

// Returned by an exported constructor: its requests are out of view.
func NewClient() *http.Client {
	hc := &http.Client{Transport: &http.Transport{}} // no finding: no request with no context in view
	return tune(hc)
}

// An unexported constructor used as a value: called out of view.
var makeClient = quietClient

func quietClient() *http.Client {
	return tune(&http.Client{Transport: &http.Transport{}}) // no finding: no request with no context in view
}

// A helper that sends with the client is not a configure helper.
func probe(c *http.Client) *http.Client {
	c.Get("https://example.com/health")
	return c
}

func probed(ctx context.Context) error {
	hc := probe(&http.Client{}) // want `http.Client has no Timeout and is handed to probe, which sends it a request with no context at clienthelper.go:122`
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	if err != nil {
		return err
	}
	_, err = hc.Do(req)
	return err
}
