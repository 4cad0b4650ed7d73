// A client without Timeout is reported only with evidence of harm: a
// request it sends with no context, or an escape out of view.
package clientevidence

import (
	"context"
	"net/http"
	"time"

	"sdk"
)

// Positives.

// A request with no context through an unexported field.
type api struct{ hc *http.Client }

func newAPI() *api {
	return &api{hc: &http.Client{Transport: http.DefaultTransport}} // want `http.Client has no Timeout and sends a request made by http.NewRequest, with no context \(Do on line \d+\)`
}

func (a *api) list() error {
	req, err := http.NewRequest("GET", "https://api.example.com/items", nil)
	if err != nil {
		return err
	}
	_, err = a.hc.Do(req)
	return err
}

// Handed to another package's struct: its requests are out of view, no
// finding.
func thirdParty() *sdk.Config {
	return &sdk.Config{HTTPClient: &http.Client{}} // no finding: no request with no context in view
}

// Handed to a function with no context, whose use of it is out of view:
// no finding.
func handed() *sdk.Config {
	c := &http.Client{} // no finding: no request with no context in view
	return sdk.New(c)
}

// An exported field that nothing here sends through: no finding.
type Service struct{ Client *http.Client }

func NewService() *Service {
	return &Service{Client: &http.Client{}} // no finding: no request with no context in view
}

// Copied to a field, then used with no context.
type poller struct{ c *http.Client }

func newPoller() *poller {
	c := &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
	return &poller{c: c}
}

func (p *poller) poll() { p.c.Get("https://example.com/status") }

// Negatives.

// Every request the field sends carries the caller's context (service
// modules: an SDK whose methods take ctx).
type store struct{ hc *http.Client }

func newStore() *store {
	return &store{hc: &http.Client{Transport: http.DefaultTransport}}
}

func (s *store) get(ctx context.Context, key string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://store/"+key, nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The request is given a context later.
func (s *store) put(ctx context.Context) {
	req, _ := http.NewRequest("PUT", "https://store/x", nil)
	s.hc.Do(req.WithContext(ctx))
}

// A deadline made here, with the send in a helper.
func fetchWithDeadline() error {
	c := &http.Client{}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	if err != nil {
		return err
	}
	return send(c, req)
}

func send(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A helper that gets the context too.
func viaHelper(ctx context.Context) {
	c := &http.Client{}
	doWith(ctx, c, "https://example.com")
}

func doWith(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	c.Do(req)
}

// An unexported field that is only configured, never sent through.
type idle struct{ hc *http.Client }

func newIdle() *idle {
	i := &idle{hc: &http.Client{}}
	i.hc.CloseIdleConnections()
	return i
}

// A request whose origin is out of view (a parameter): no evidence.
type proxy struct{ hc *http.Client }

func newProxy() *proxy { return &proxy{hc: &http.Client{}} }

func (p *proxy) forward(req *http.Request) (*http.Response, error) { return p.hc.Do(req) }

// A builder's setter gives the field's client a Timeout after the
// literal: the caller may call it.
type builder struct{ hc *http.Client }

func newBuilder() *builder { return &builder{hc: &http.Client{}} }

func (b *builder) WithTimeout(d time.Duration) *builder {
	b.hc.Timeout = d
	return b
}

func (b *builder) fetch(u string) { b.hc.Get(u) }

// A configure helper in view gives it a Timeout.
func configured() *http.Client {
	c := &http.Client{}
	applyDefaults(c)
	return c
}

func applyDefaults(c *http.Client) { c.Timeout = 10 * time.Second }

// An exported field whose client is sent, through a copy, with requests
// that carry a context (minio-go's credentials): nothing escapes unseen.
type Identity struct{ Client *http.Client }

func WithTransport(t http.RoundTripper) func(*Identity) {
	return func(i *Identity) {
		if i.Client == nil {
			i.Client = &http.Client{}
		}
		i.Client.Transport = t
	}
}

func (i *Identity) retrieve(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "POST", "https://sts", nil)
	if err != nil {
		return err
	}
	client := i.Client
	clientCopy := *client
	resp, err := clientCopy.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A zero client that stands for a caller's client when there is one: the
// variable's requests may go through the caller's client (tune: zitadel).
func cloneOf(client *http.Client) *http.Client {
	clone := http.Client{}
	if client != nil {
		clone = *client
	}
	return &clone
}

// Both values made here, both without Timeout, returned with no request
// in view: no finding (an escape is no evidence).
func either(fast bool) *http.Client {
	c := &http.Client{} // no finding: no request with no context in view
	if fast {
		c = &http.Client{Transport: http.DefaultTransport} // no finding: no request with no context in view
	}
	return c
}

// to7: an escape is no evidence. A RoundTripper's Client() helper
// (go-github's BasicAuthTransport.Client), whose requests are sent by
// the caller's code: no finding.
type AuthTransport struct{ Base http.RoundTripper }

func (t *AuthTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.Base.RoundTrip(r)
}

func (t *AuthTransport) Client() *http.Client {
	return &http.Client{Transport: t}
}

// Look-alike: the package itself sends a Get through Client().
type PollTransport struct{ Base http.RoundTripper }

func (t *PollTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.Base.RoundTrip(r)
}

func (t *PollTransport) Client() *http.Client {
	return &http.Client{Transport: t} // want `http.Client has no Timeout and sends a request with no context \(Get on line 230\)`
}

func pollStatus(t *PollTransport) {
	t.Client().Get("https://example.com/status")
}

// A DefaultClient default in an unexported field, with a getter and a
// setter, whose every request carries a context (mailgun's NewMailgun):
// no finding.
type Mailer struct{ client *http.Client }

func NewMailer() *Mailer {
	return &Mailer{client: http.DefaultClient}
}

func (m *Mailer) Client() *http.Client     { return m.client }
func (m *Mailer) SetClient(c *http.Client) { m.client = c }

func (m *Mailer) Send(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", u, nil)
	if err != nil {
		return err
	}
	_, err = m.client.Do(req)
	return err
}

// A handler chain that forwards a request parameter (hcloud-go's
// newHTTPHandler): no finding.
type handler interface {
	Do(req *http.Request) (*http.Response, error)
}

type httpHandler struct{ hc *http.Client }

func newHTTPHandler(hc *http.Client) handler { return &httpHandler{hc} }

func (h *httpHandler) Do(req *http.Request) (*http.Response, error) { return h.hc.Do(req) }

type HClient struct {
	httpClient *http.Client
	h          handler
}

func NewHClient() *HClient {
	c := &HClient{httpClient: &http.Client{}}
	c.h = newHTTPHandler(c.httpClient)
	return c
}

func (c *HClient) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	_, err = c.h.Do(req)
	return err
}

// Look-alike: handed to a function that sends it a request from
// http.NewRequest.
func fetchAll(hc *http.Client, u string) error {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	_, err = hc.Do(req)
	return err
}

func fetched() error {
	return fetchAll(&http.Client{}, "https://example.com") // want `http.Client has no Timeout and is handed to fetchAll, which sends it a request with no context at clientevidence.go:293`
}

// A Transport whose ResponseHeaderTimeout is set bounds the wait for a
// request with no context (jaeger-client-go's sampler): no finding.
type fetcher struct{ hc *http.Client }

func newFetcher() *fetcher {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 10 * time.Second
	return &fetcher{hc: &http.Client{Transport: t}}
}

func newLitFetcher() *fetcher {
	return &fetcher{hc: &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: time.Second}}}
}

func (f *fetcher) fetch(u string) { f.hc.Get(u) }

// Look-alikes: a Transport with only IdleConnTimeout, or a Clone that is
// given none, bounds no wait.
type idleFetcher struct{ hc *http.Client }

func newIdleFetcher() *idleFetcher {
	return &idleFetcher{hc: &http.Client{Transport: &http.Transport{IdleConnTimeout: time.Minute}}} // want `http.Client has no Timeout and sends a request with no context`
}

func newCloneFetcher() *idleFetcher {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.IdleConnTimeout = time.Minute
	return &idleFetcher{hc: &http.Client{Transport: t}} // want `http.Client has no Timeout and sends a request with no context`
}

func (f *idleFetcher) fetch(u string) { f.hc.Get(u) }

// Look-alike (pulsar-client-go's NewLocalDeviceCodeProvider): kept by an
// unkeyed literal, sent a request from a helper that calls
// http.NewRequest.
type codeProvider struct {
	endpoint string
	hc       *http.Client
}

func newCodeProvider(endpoint string, hc *http.Client) *codeProvider {
	return &codeProvider{endpoint, hc}
}

func (p *codeProvider) newCodeRequest() (*http.Request, error) {
	req, err := http.NewRequest("POST", p.endpoint, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req, nil
}

func (p *codeProvider) code() error {
	req, err := p.newCodeRequest()
	if err != nil {
		return err
	}
	_, err = p.hc.Do(req)
	return err
}

func provider() *codeProvider {
	return newCodeProvider("https://example.com/device", &http.Client{}) // want `http.Client has no Timeout and is handed to newCodeProvider, which sends it a request with no context at clientevidence.go:359`
}
