// A client a function only keeps where every request carries a context,
// or as the inner client of a RoundTripper that forwards the outer
// client's requests (held-out round 4: olivere/elastic's SetHttpClient
// and AWS signing clients), and the look-alikes that stay reported.
package wrapped

import (
	"context"
	"net/http"
)

// Doer sends a request.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Client sends every request through c with the caller's context.
type Client struct{ c Doer }

// Option configures a Client.
type Option func(*Client)

// SetHttpClient falls back to http.DefaultClient when given nil, in the
// if/else form.
func SetHttpClient(hc Doer) Option { // want SetHttpClient:"bounded clients \\[0\\]"
	return func(c *Client) {
		if hc != nil {
			c.c = hc
		} else {
			c.c = http.DefaultClient
		}
	}
}

// SetHttpClientEq is the same fallback with the condition the other way.
func SetHttpClientEq(hc Doer) Option { // want SetHttpClientEq:"bounded clients \\[0\\]"
	return func(c *Client) {
		if hc == nil {
			c.c = http.DefaultClient
		} else {
			c.c = hc
		}
	}
}

func (c *Client) Perform(ctx context.Context, req *http.Request) (*http.Response, error) {
	return c.c.Do(req.WithContext(ctx))
}

func (c *Client) ping(ctx context.Context, url string) error {
	req, err := http.NewRequest("HEAD", url, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := c.c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Handed to an option of this package: bounded by the contexts.
func defaults() Option {
	return SetHttpClient(&http.Client{})
}

// A signing RoundTripper that sends again through the client it keeps.
type signer struct {
	HTTPClient *http.Client // want HTTPClient:"bounded client field"
	key        string
}

func (s signer) RoundTrip(req *http.Request) (*http.Response, error) {
	return s.HTTPClient.Do(sign(req, s.key))
}

func sign(req *http.Request, key string) *http.Request {
	req.Header.Set("Authorization", key)
	return req
}

// NewSigningClient keeps http.DefaultClient as the inner client of the
// signing transport: the outer client's requests are the only ones.
func NewSigningClient(key string) *http.Client {
	return NewSigningClientWith(key, http.DefaultClient)
}

// NewSigningClientWith wraps the caller's client, whose Timeout bounds
// every request.
func NewSigningClientWith(key string, hc *http.Client) *http.Client { // want NewSigningClientWith:"bounded clients \\[1\\]"
	return &http.Client{Transport: signer{HTTPClient: hc, key: key}}
}

// The inner client is made here, with no Timeout, and forwards the outer
// client's requests; the outer one is returned with no request in view:
// no finding.
func NewSigningClientDefault(key string) *http.Client {
	return &http.Client{Transport: signer{HTTPClient: &http.Client{}, key: key}} // no finding: no request with no context in view
}

// Look-alike: a transport that wraps a RoundTripper, which has no
// Timeout: the outer client is the only bound.
type header struct{ base http.RoundTripper }

func (h header) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Test", "1")
	return h.base.RoundTrip(req)
}

func NewHeaderClient(rt http.RoundTripper) *http.Client {
	return &http.Client{Transport: header{base: rt}} // no finding: no request with no context in view
}

// Look-alike (pulsar-client-go's NewTokenRetriever): the client is kept
// in a field whose requests are sent with no context.
type Retriever struct{ transport Doer }

func NewRetriever(t Doer) *Retriever { // want NewRetriever:"contextless clients \\[0\\]"
	return &Retriever{transport: t}
}

func (r *Retriever) newRequest(url string) (*http.Request, error) {
	return http.NewRequest("POST", url, nil)
}

func (r *Retriever) Exchange(url string) error {
	req, err := r.newRequest(url)
	if err != nil {
		return err
	}
	resp, err := r.transport.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retriever() *Retriever {
	return NewRetriever(&http.Client{}) // want `http.Client has no Timeout and is handed to NewRetriever, which sends it a request with no context at wrapped.go:132`
}

// Look-alike: a field that also sends with Get, which takes no context.
type Poller struct{ hc *http.Client }

func WithClient(hc *http.Client) func(*Poller) { // want WithClient:"contextless clients \\[0\\]"
	return func(p *Poller) { p.hc = hc }
}

func (p *Poller) Poll(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	if _, err := p.hc.Do(req); err != nil {
		return err
	}
	_, err = p.hc.Get(url)
	return err
}

func poller() func(*Poller) {
	return WithClient(http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

// Look-alike: the branch taken when something else is nil (hc itself is
// kept where every request carries a context).
func SetOther(hc, other Doer) Option { // want SetOther:"bounded clients \\[0\\]"
	return func(c *Client) {
		if other != nil {
			c.c = hc
		} else {
			c.c = http.DefaultClient // want `http.DefaultClient has no Timeout`
		}
	}
}

// Look-alike: a transport whose RoundTrip sends a request of its own (a
// token fetch made by http.NewRequest) through the client it keeps, and
// sends the outer client's requests elsewhere.
type tokenTransport struct {
	hc   *http.Client
	base http.RoundTripper
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tr, err := http.NewRequest("POST", "https://auth.example.com/token", nil)
	if err != nil {
		return nil, err
	}
	resp, err := t.hc.Do(tr)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return t.base.RoundTrip(req)
}

func NewTokenClient(hc *http.Client) *http.Client { // want NewTokenClient:"contextless clients \\[0\\]"
	return &http.Client{Transport: &tokenTransport{hc: hc, base: http.DefaultTransport}} // no finding: no request with no context in view
}

func tokenClient() *http.Client {
	return NewTokenClient(&http.Client{}) // want `http.Client has no Timeout and is handed to NewTokenClient, which sends it a request with no context at wrapped.go:191`
}
