package httpwrite

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
)

var client = &http.Client{}

func newPost(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	resp, err := client.Do(req) // want `POST request sent without an Idempotency-Key header: if the response is lost, a retry repeats the write; derive a stable key from the operation \(e\.g\. order ID\)`
	if err == nil {
		resp.Body.Close()
	}
}

func patchLiteralString(u string) {
	req, err := http.NewRequest("PATCH", u, nil)
	if err != nil {
		return
	}
	client.Do(req) // want `PATCH request sent without an Idempotency-Key header`
}

func methodInLocal(ctx context.Context, u string) {
	m := http.MethodPost
	req, _ := http.NewRequestWithContext(ctx, m, u, nil)
	client.Do(req) // want `POST request sent without`
}

func requestLiteral(u *url.URL) {
	req := &http.Request{Method: http.MethodPost, URL: u, Header: http.Header{"Content-Type": {"application/json"}}}
	http.DefaultTransport.RoundTrip(req) // want `POST request sent without`
}

func newThenMethod(u *url.URL) {
	req := new(http.Request)
	req.URL = u
	req.Method = "POST"
	client.Do(req) // want `POST request sent without`
}

type call struct {
	req   *http.Request
	tries int
}

// The request travels through a field of a local struct and WithContext.
func throughLocalStruct(ctx context.Context, u string) {
	r, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(nil))
	c := call{req: r}
	c.tries++
	client.Do(c.req.WithContext(ctx)) // want `POST request sent without`
}

func viaTransport(t *http.Transport, u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Set("Content-Type", "application/json")
	t.RoundTrip(req) // want `POST request sent without`
}

func posts(u string) {
	http.Post(u, "application/json", nil)   // want `http.Post sends a POST that cannot carry an Idempotency-Key header`
	http.PostForm(u, url.Values{})          // want `http.PostForm sends a POST`
	client.Post(u, "application/json", nil) // want `http.Client.Post sends a POST`
}

// Negatives.

func keyed(ctx context.Context, u, key string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	req.Header.Set("Idempotency-Key", key)
	client.Do(req)
}

func keyedAdd(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Add("x-idempotency-key", key) // any letter case
	client.Do(req)
}

func keyedMapCanonical(u, key string) {
	req, _ := http.NewRequest(http.MethodPatch, u, nil)
	req.Header["Idempotency-Key"] = []string{key}
	client.Do(req)
}

func keyedMapLowerCase(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header["idempotency-key"] = []string{key} // sent as written
	client.Do(req)
}

func keyedThroughAlias(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	h := req.Header
	h.Set("Idempotency-Key", key)
	client.Do(req)
}

func keyedHeaderLiteral(u *url.URL, key string) {
	req := &http.Request{Method: "POST", URL: u, Header: http.Header{"Idempotency-Key": {key}}}
	client.Do(req)
}

func keyedReplacedHeader(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header = make(http.Header)
	req.Header.Set("Idempotency-Key", key)
	client.Do(req)
}

func keyedConditionally(u string, key *string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	if key != nil {
		req.Header.Set("Idempotency-Key", *key)
	}
	client.Do(req)
}

func keyedInStruct(ctx context.Context, u, key string) {
	r, _ := http.NewRequest(http.MethodPost, u, nil)
	c := call{req: r}
	c.req.Header.Set("Idempotency-Key", key)
	client.Do(c.req)
}

func idempotentMethods(u string) {
	for _, m := range []string{} {
		_ = m
	}
	get, _ := http.NewRequest(http.MethodGet, u, nil)
	client.Do(get)
	put, _ := http.NewRequest(http.MethodPut, u, nil)
	client.Do(put)
	del, _ := http.NewRequest("DELETE", u, nil)
	client.Do(del)
	head, _ := http.NewRequest(http.MethodHead, u, nil)
	client.Do(head)
	opts, _ := http.NewRequest(http.MethodOptions, u, nil)
	client.Do(opts)
	lit := &http.Request{URL: nil} // the zero Method is GET
	client.Do(lit)
}

func methodFromCaller(method, u string) {
	req, _ := http.NewRequest(method, u, nil)
	client.Do(req)
}

func methodChanged(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Method = http.MethodPut
	client.Do(req)
}

func requestFromCaller(req *http.Request) { // want requestFromCaller:`sendsRequest\(param 0\)`
	client.Do(req)
}

type signer interface{ Sign(*http.Request) }

// The key may be set by code out of view.
func handedToInterface(s signer, u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	s.Sign(req)
	client.Do(req)
}

func handedToFuncValue(edit func(*http.Request), u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	edit(req)
	client.Do(req)
}

func headersFromCaller(u string, headers map[string]string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	client.Do(req)
}

func structGoesElsewhere(u string, prepare func(*call)) {
	r, _ := http.NewRequest(http.MethodPost, u, nil)
	c := call{req: r}
	prepare(&c)
	client.Do(c.req)
}

var pending []*http.Request

func storedGlobally(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	pending = append(pending, req)
	client.Do(req)
}

// A key set by a helper of this package.
func setKey(r *http.Request, key string) { // want setKey:`setsKey\(param 0\)`
	r.Header.Set("Idempotency-Key", key)
}

func keyedByHelper(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	setKey(req, key)
	client.Do(req)
}

// A helper that does something else is not enough.
func setType(r *http.Request) { r.Header.Set("Content-Type", "application/json") }

func notKeyedByHelper(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	setType(req)
	client.Do(req) // want `POST request sent without`
}

// A helper that sends its parameter is a send.
func do(r *http.Request) (*http.Response, error) { // want do:`sendsRequest\(param 0\)`
	return client.Do(r)
}

func sentByHelper(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	do(req) // want `POST request sent without`
}

func keyedAndSentByHelper(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Set("Idempotency-Key", key)
	do(req)
}

//distlint:ignore idempotency the webhook receiver deduplicates on the event ID in the body
func suppressed(u string) { http.Post(u, "application/json", nil) }

// Reads carried over POST, named as reads (corpus: nats-server's OCSP
// getRemoteStatus, minio's STS RetrieveWithCredContext, Prometheus's
// executeReadRequest).
func getRemoteStatus(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	client.Do(req)
}

func (call) RetrieveWithCredContext(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	client.Do(req)
}

func executeReadRequest(u string) { http.Post(u, "application/x-protobuf", nil) }

// OAuth2 and STS token requests: a repeated grant issues another
// credential or is refused, no business effect repeats, and token
// endpoints take no idempotency key (service corpus: kratos's
// ExchangeOAuth2Token, POST to the provider's TokenURL).
func (call) ExchangeOAuth2Token(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	client.Do(req)
}

func refreshToken(u string) { http.PostForm(u, url.Values{"grant_type": {"refresh_token"}}) }

// A request in a positional struct literal goes out of view (corpus:
// franela/goreq).
type pair struct {
	r *http.Request
	n int
}

func positional(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	p := pair{req, 1}
	_ = p
	client.Do(req)
}
