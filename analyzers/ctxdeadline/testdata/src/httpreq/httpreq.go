package httpreq

import (
	"context"
	"net"
	"net/http"
	"time"
)

func background(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout: a stalled server holds this call forever; derive the context with context.WithTimeout`
}

func todoLocalClient(url string) error {
	c := &http.Client{}
	req, _ := http.NewRequestWithContext(context.TODO(), "GET", url, nil)
	resp, err := c.Do(req) // want `request sent with context.TODO\(\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withContextLater(url string) {
	req, _ := http.NewRequest("GET", url, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req) // want `request sent with a context derived from context.Background\(\)`
}

// Negatives.

func withTimeout(url string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	http.DefaultClient.Do(req)
}

func clientTimeout(url string) {
	c := &http.Client{Timeout: 10 * time.Second}
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req)
}

func clientTimeoutSetLater(url string) {
	var c http.Client
	c.Timeout = time.Second
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req)
}

type api struct{ client *http.Client }

// The client is made elsewhere and may have a Timeout.
func (a *api) fieldClient(url string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	a.client.Do(req)
}

// A request from a parameter carries the caller's context.
func sendParam(req *http.Request) {
	http.DefaultClient.Do(req)
}

// The caller owns the deadline.
func fromParam(ctx context.Context, url string) { // want fromParam:`reachesSink\(param 0 reaches \(\*http.Client\).Do\)`
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	http.DefaultClient.Do(req)
}

// Mixed origins: one branch has a deadline.
func mixed(url string, fast bool) {
	ctx := context.Background()
	if fast {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Second)
		defer cancel()
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	http.DefaultClient.Do(req)
}

// A request without a context in view: lostcontext's business.
func noContext(url string) {
	req, _ := http.NewRequest("GET", url, nil)
	http.DefaultClient.Do(req)
}

// watchEvents is a long poll: meant to stay open.
func watchEvents(url string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	http.DefaultClient.Do(req)
}

// pollUpdates is a long poll: the server holds the request until
// something changes.
func pollUpdates(url string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	http.DefaultClient.Do(req)
}

// A helper of this package, seen through its fact.
func useHelper(url string) {
	fromParam(context.Background(), url) // want `httpreq.fromParam called with context.Background\(\), which has no deadline, and passes it on to \(\*http.Client\).Do`
}

// Recursion ends the fixpoint.
func recursive(ctx context.Context, url string, n int) { // want recursive:`reachesSink\(param 0 reaches \(\*http.Client\).Do\)`
	if n > 0 {
		recursive(ctx, url, n-1)
		return
	}
	fromParam(ctx, url)
}

func useRecursive(url string) {
	recursive(context.TODO(), url, 3) // want `httpreq.recursive called with context.TODO\(\)`
}

// applyDefaults stands for a helper that configures a client.
func applyDefaults(c *http.Client) { c.Timeout = 10 * time.Second }

// A client handed to a helper may get its Timeout there.
func configuredByHelper(url string) (*http.Response, error) {
	c := &http.Client{}
	applyDefaults(c)
	req, err := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// The engine follows a client's origin through factories and helpers
// (flow.Engine.Unset).

func newPlainClient() *http.Client { return &http.Client{} }

func newBoundedClient() *http.Client { return &http.Client{Timeout: 5 * time.Second} }

func logClient(c *http.Client) { _ = c.Transport }

func factoryWithout(url string) {
	c := newPlainClient()
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func zeroTimeout(url string) {
	c := &http.Client{Timeout: 0}
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req) // want `request sent with context.Background\(\)`
}

func helperSetsNothing(url string) {
	c := &http.Client{}
	logClient(c)
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req) // want `request sent with context.Background\(\)`
}

func factoryWith(url string) {
	c := newBoundedClient()
	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	c.Do(req)
}

func dialerFactory(ctx context.Context) {
	d := newDialer()
	d.DialContext(context.Background(), "tcp", "db:5432") // want `context.Background\(\)`
	e := &net.Dialer{Deadline: time.Now().Add(time.Second)}
	e.DialContext(context.Background(), "tcp", "db:5432")
}

func newDialer() *net.Dialer { return &net.Dialer{KeepAlive: time.Minute} }

// A client whose Transport bounds the wait for the response: one made
// with a ResponseHeaderTimeout, directly or kept in an unexported field
// that the package only ever gives such a transport.
type winrm struct{ transport http.RoundTripper }

func newWinrm() *winrm {
	tr := &http.Transport{ResponseHeaderTimeout: time.Minute}
	return &winrm{transport: tr}
}

func (w *winrm) headerTimeout(url string) {
	tr := &http.Transport{ResponseHeaderTimeout: time.Minute}
	c := &http.Client{Transport: tr}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req)
}

func (w *winrm) fieldTransport(url string) {
	c := &http.Client{Transport: w.transport}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req)
}

// Look-alikes, reported: a Transport made without a response-header
// timeout (here or in a package variable), a wrapper called around the
// default transport, a parameter's transport, the default client's.
var plainTransport = &http.Transport{MaxIdleConns: 2}

func (w *winrm) noHeaderTimeout(url string) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConns: 2}}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func (w *winrm) globalTransport(url string) {
	c := &http.Client{Transport: plainTransport}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func (w *winrm) wrapped(url string) {
	c := &http.Client{Transport: wrap(http.DefaultTransport)}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func (w *winrm) paramTransport(url string, rt http.RoundTripper) {
	c := &http.Client{Transport: rt}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func (w *winrm) defaultsTransport(url string) {
	c := &http.Client{Transport: http.DefaultClient.Transport}
	req, _ := http.NewRequestWithContext(context.Background(), "POST", url, nil)
	c.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}

func wrap(rt http.RoundTripper) http.RoundTripper { return rt }
