package defaultclient

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

func helpers() {
	http.Get("https://example.com")                     // want `http.Get uses http.DefaultClient, which has no Timeout`
	http.Head("https://example.com")                    // want `http.Head uses http.DefaultClient`
	http.Post("https://example.com", "text/plain", nil) // want `http.Post uses http.DefaultClient`
	http.PostForm("https://example.com", url.Values{})  // want `http.PostForm uses http.DefaultClient`
}

func methodUse(req *http.Request) {
	http.DefaultClient.Do(req)                    // want `http.DefaultClient has no Timeout`
	http.DefaultClient.Get("https://example.com") // want `http.DefaultClient has no Timeout`
}

// Kept in a field: the field's uses are the evidence. restClient sends
// requests from its callers (out of view): no evidence.
func defaulted() *restClient {
	return &restClient{Client: http.DefaultClient}
}

// A field whose client sends a request with no context.
type poller struct{ c *http.Client }

func newPoller() *poller {
	return &poller{c: http.DefaultClient} // want `http.DefaultClient has no Timeout`
}

func (p *poller) poll() { p.c.Get("https://example.com/status") }

func passed() {
	use(http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

func use(*http.Client) {}

func copied() http.Client {
	return *http.DefaultClient // no finding: no request with no context in view
}

// The request comes out of a helper: its context is out of view.
func viaHelper() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	http.DefaultClient.Do(mustReq(http.NewRequestWithContext(ctx, "GET", "https://example.com", nil))) // want `http.DefaultClient has no Timeout`
}

func mustReq(r *http.Request, err error) *http.Request { return r }

// Negatives.

// A request that carries a context is bounded by it: a parameter's
// deadline is the caller's to set, and a context with no deadline is
// ctxdeadline's finding on the same call (one mistake, one finding).
func noDeadline(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	http.DefaultClient.Do(req)
}

func cancelOnly() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	http.DefaultClient.Do(req)
}

func derived() {
	base, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	ctx := context.WithValue(base, key{}, "v")
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	http.DefaultClient.Do(req.Clone(ctx))
}

type key struct{}

func withDeadline() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

func configure() {
	http.DefaultClient.Timeout = 10 * time.Second
	http.DefaultClient = &http.Client{Timeout: time.Second}
	_ = http.DefaultClient.Transport
	http.DefaultClient.CloseIdleConnections()
}

func compare(c *http.Client) bool {
	return c == http.DefaultClient || c != (http.DefaultClient)
}

// A method of a user type named Get is not http.Get.
type api struct{}

func (api) Get(string) {}

func userGet() { api{}.Get("x") }

// Corpus shapes (Prometheus notifier, client-go rest, minio): a nil
// client falls back to the default; the caller normally supplies one.
func doWith(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req.WithContext(ctx))
}

type restClient struct{ Client *http.Client }

func (r *restClient) do(req *http.Request) {
	client := r.Client
	if nil == client {
		client = http.DefaultClient
	}
	client.Do(req)
}

// Corpus shape (client-go rest/transport.go): the timeout is
// configuration; the default client stands for a zero timeout chosen by
// the user.
func clientFor(rt http.RoundTripper, timeout time.Duration) *http.Client {
	var c *http.Client
	if rt != http.DefaultTransport || timeout > 0 {
		c = &http.Client{Transport: rt, Timeout: timeout}
	} else {
		c = http.DefaultClient
	}
	return c
}

// A fallback of another location, or a branch that sets no Timeout, is
// not a fallback.
func notAFallback(a, b *http.Client, rt http.RoundTripper, cond bool) (*http.Client, *http.Client) {
	if a == nil {
		b = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	if cond {
		a = &http.Client{Transport: rt} // no finding: no request with no context in view
	} else {
		a = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return a, b
}

// In a handler, a context-less http.Get is lostcontext's finding (its
// fix, the request's context, is the remedy for both).
func handler(w http.ResponseWriter, r *http.Request) {
	http.Get("https://example.com")
}

// Handed to a helper with a context: the context bounds the helper's
// requests when it is the caller's (slack-go's PostWebhookContext), not
// when it is visibly context.Background() or context.TODO() (PostWebhook).

func postWebhook(url string) error {
	return postWebhookCustom(context.Background(), url, http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

func postWebhookTODO(url string) error {
	ctx := context.TODO()
	return postWebhookCustom(ctx, url, http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

// The helper takes a context but sends with Get, which carries none.
func fetchIgnoringContext(ctx context.Context, url string) {
	getWith(ctx, url, http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

func getWith(_ context.Context, url string, c *http.Client) {
	c.Get(url)
}

func postWebhookContext(ctx context.Context, url string) error {
	return postWebhookCustom(ctx, url, http.DefaultClient)
}

func postWebhookDeadline(parent context.Context, url string) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return postWebhookCustom(ctx, url, http.DefaultClient)
}

func postWebhookCustom(ctx context.Context, url string, c *http.Client) error {
	req, err := http.NewRequestWithContext(ctx, "POST", url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A fallback when a client is nil, written as a branch rather than as
// `if c == nil { c = http.DefaultClient }`.
type pooled struct{ get func() *http.Client }

func (p *pooled) Get(url string) (*http.Response, error) {
	if hc := p.get(); hc != nil {
		return hc.Get(url)
	} else {
		return http.DefaultClient.Get(url)
	}
}

func (p *pooled) Do(req *http.Request) (*http.Response, error) {
	hc := p.get()
	if hc == nil {
		return http.DefaultClient.Do(req)
	}
	return hc.Do(req)
}

// Look-alikes: the nil branch of something else, and the branch taken
// when the client is set.
func (p *pooled) notClient(url string, err error) {
	if err != nil {
		http.DefaultClient.Get(url) // want `http.DefaultClient has no Timeout`
	}
}

func (p *pooled) wrongBranch(url string) {
	if hc := p.get(); hc != nil {
		http.DefaultClient.Get(url) // want `http.DefaultClient has no Timeout`
	}
}

// A local variable given http.DefaultClient (and a configured client
// where there is one) is judged by its uses, as a client literal is:
// every request it sends carries a context, so the contexts bound them.
type ctxKey struct{}

func discoveryDoc(ctx context.Context, issuer string) error {
	client := http.DefaultClient // no finding: its one request carries ctx
	if c, ok := ctx.Value(ctxKey{}).(*http.Client); ok {
		client = c
	}
	req, err := http.NewRequest(http.MethodGet, issuer+"/.well-known/openid-configuration", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func declaredWithVar(ctx context.Context, u string, custom *http.Client) error {
	var hc = http.DefaultClient // no finding: every request carries ctx
	if custom != nil {
		hc = custom
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alikes: the same local that sends a request with no context, or
// that escapes, is still reported.
func localContextless(u string) error {
	client := http.DefaultClient // want `http.DefaultClient has no Timeout`
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func localNoContextRequest(u string) error {
	var hc = http.DefaultClient // want `http.DefaultClient has no Timeout`
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func localReturned(custom *http.Client) *http.Client {
	client := http.DefaultClient // want `http.DefaultClient has no Timeout`
	if custom != nil {
		client = custom
	}
	return client
}

// A getter that returns the configured client, or the default when none
// is configured: the fallback written as returns.
type clientGetter struct {
	HTTPClient *http.Client
	other      *http.Client
}

func (g *clientGetter) client() *http.Client {
	if g.HTTPClient == nil {
		return http.DefaultClient
	}
	return g.HTTPClient
}

func (g *clientGetter) clientAfter() *http.Client {
	if g.HTTPClient != nil {
		return g.HTTPClient
	}
	return http.DefaultClient
}

// Look-alikes: no client is checked, or the checked client is not the
// one returned.
func (g *clientGetter) always() *http.Client {
	return http.DefaultClient // want `http.DefaultClient has no Timeout`
}

func (g *clientGetter) onFlag(debug bool) *http.Client {
	if debug {
		return http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return g.HTTPClient
}

func (g *clientGetter) otherChecked() *http.Client {
	if g.other != nil {
		return g.HTTPClient
	}
	return http.DefaultClient // want `http.DefaultClient has no Timeout`
}

// A fallback for a Doer that may hold a typed nil: the condition checks
// both (genqlient's newClient).
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

type gqlClient struct {
	hc       doer
	endpoint string
}

func newGQLClient(endpoint string, hc doer) *gqlClient {
	if hc == nil || hc == (*http.Client)(nil) {
		hc = http.DefaultClient
	}
	return &gqlClient{hc, endpoint}
}

func (c *gqlClient) query(url string) error {
	req, err := http.NewRequest(http.MethodPost, c.endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alikes: a disjunction with something that is not the client's
// nil check replaces a configured client too.
func newForcedClient(endpoint string, hc doer, force bool) *gqlClient {
	if hc == nil || force {
		hc = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return &gqlClient{hc, endpoint}
}

func newMirroredClient(endpoint string, hc doer) *gqlClient {
	if (*http.Client)(nil) == hc || nil == hc {
		hc = http.DefaultClient
	}
	return &gqlClient{hc, endpoint}
}

func newEitherClient(endpoint string, hc, other doer) *gqlClient {
	if hc == nil || other == nil {
		hc = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return &gqlClient{hc, endpoint}
}
