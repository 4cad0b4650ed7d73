package client

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Positives: clients with no visible timeout.
// Each form is reported for the Get its caller in view sends through
// it (useForms, at the end); returned with no request in view, the same
// client is no finding (clientevidence).

func literal() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func valueLiteral() http.Client {
	return http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout and sends`
}

func explicitZero() *http.Client {
	return &http.Client{Timeout: 0} // want `http.Client Timeout is 0, which means no timeout, and sends`
}

func withNew() *http.Client {
	return new(http.Client) // want `http.Client has no Timeout and sends`
}

func zeroDecl() {
	var c http.Client // want `http.Client has no Timeout`
	c.Get("https://example.com")
}

var pkgLevel = &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`

func usePkgLevel(u string) { pkgLevel.Get(u) }

type service struct {
	client *http.Client
}

func (s *service) ping() { s.client.Head("https://example.com/health") }

func inStruct() *service {
	return &service{client: &http.Client{}} // want `http.Client has no Timeout`
}

func laterZero() *http.Client {
	c := &http.Client{} // want `http.Client has no Timeout and sends`
	c.Timeout = 0
	return c
}

func otherVarSet() *http.Client {
	c := &http.Client{} // want `http.Client has no Timeout and sends`
	d := &http.Client{Timeout: time.Second}
	d.Timeout = 2 * time.Second
	_ = d
	return c
}

// The client escapes, but its request in view carries a context: the
// code's convention is followed where it goes, too (tune: minio-go).
func escapes() *http.Client {
	c := &http.Client{}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	c.Do(req)
	return c
}

// Type alias of http.Client: the same type.
type Client = http.Client

func alias() *Client {
	return &Client{} // want `http.Client has no Timeout and sends`
}

// Generics: a client made inside a generic function.
type Pool[T any] struct {
	items  []T
	client *http.Client
}

func NewPool[T any]() *Pool[T] {
	return &Pool[T]{client: &http.Client{}} // want `http.Client has no Timeout`
}

func (p *Pool[T]) fetch(u string) { p.client.Get(u) }

// Negatives: look-alikes that are bounded.

// Every request carries the caller's context: the caller owns the
// deadline (ctxdeadline reports a context that has none).
func doWithoutDeadline(ctx context.Context) error {
	c := &http.Client{}
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func withTimeout() *http.Client {
	return &http.Client{Timeout: 30 * time.Second}
}

func timeoutFromVar(d time.Duration) *http.Client {
	return &http.Client{Timeout: d}
}

func positional() http.Client {
	return http.Client{nil, nil, nil, time.Second}
}

func setLater() *http.Client {
	c := &http.Client{}
	c.Timeout = 10 * time.Second
	return c
}

func newSetLater() *http.Client {
	c := new(http.Client)
	c.Timeout = 10 * time.Second
	return c
}

func zeroDeclSetLater() *http.Client {
	var c http.Client
	c.Timeout = time.Minute
	return &c
}

func (s *service) init() {
	s.client = &http.Client{}
	s.client.Timeout = 5 * time.Second
}

func inStructSetLater() *service {
	s := &service{client: &http.Client{}}
	s.client.Timeout = time.Second
	return s
}

func setInClosure() *http.Client {
	c := &http.Client{}
	func() { c.Timeout = time.Second }()
	return c
}

// Every request of this local client carries a deadline.
func allRequestsHaveDeadlines() error {
	c := &http.Client{}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func derivedDeadline(parent context.Context) {
	c := &http.Client{Transport: http.DefaultTransport}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	ctx2, cancel2 := context.WithCancel(ctx)
	defer cancel2()
	req, _ := http.NewRequest("GET", "https://example.com", nil)
	withCtx := req.WithContext(ctx2)
	c.Do(withCtx)
}

// Not http.Client: a type with the same shape elsewhere.
type OtherClient struct{ Timeout time.Duration }

func lookAlike() *OtherClient { return &OtherClient{} }

// A defined type (not an alias) is a different type.
type MyClient http.Client

func definedType() *MyClient { return &MyClient{} }

func genericNew[T any]() *T { return new(T) }

func instantiated() *http.Client {
	c := genericNew[http.Client]()
	return c
}

// Corpus shape (Prometheus scrape): a client whose transport fails every
// request at once has nothing to wait for.
type failingRoundTripper struct{ err error }

func (f failingRoundTripper) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("cannot scrape: %w", f.err)
}

func failing(err error) *http.Client {
	return &http.Client{Transport: failingRoundTripper{err: err}}
}

type fixedRoundTripper struct{}

func (*fixedRoundTripper) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 204, Body: http.NoBody}, nil
}

func fixed() *http.Client { return &http.Client{Transport: &fixedRoundTripper{}} }

// A local transport that delegates to another one does reach the network.
type loggingRoundTripper struct{ next http.RoundTripper }

func (l loggingRoundTripper) RoundTrip(r *http.Request) (*http.Response, error) {
	return l.next.RoundTrip(r)
}

func logging() *http.Client {
	return &http.Client{Transport: loggingRoundTripper{next: http.DefaultTransport}} // want `http.Client has no Timeout and sends`
}

type funcRoundTripper func(*http.Request) (*http.Response, error)

func (f funcRoundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func viaFunc(f func(*http.Request) (*http.Response, error)) *http.Client {
	return &http.Client{Transport: funcRoundTripper(f)} // want `http.Client has no Timeout and sends`
}

// useForms sends a request with no context through each client above.
func useForms(u string, f func(*http.Request) (*http.Response, error)) {
	literal().Get(u)
	v := valueLiteral()
	v.Get(u)
	explicitZero().Get(u)
	withNew().Get(u)
	laterZero().Get(u)
	otherVarSet().Get(u)
	alias().Get(u)
	logging().Get(u)
	viaFunc(f).Get(u)
}
