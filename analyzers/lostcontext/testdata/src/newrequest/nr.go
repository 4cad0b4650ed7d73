package newrequest

import (
	"context"
	"io"
	"net/http"
)

func fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil) // want `http.NewRequest makes a request with no context where ctx is in scope: .*use http.NewRequestWithContext\(ctx, ...\)`
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func proxy(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest(r.Method, "http://backend", r.Body) // want `http.NewRequest makes a request with no context where r.Context\(\) is in scope`
	resp, err := http.DefaultClient.Do(out)
	if err == nil {
		io.Copy(w, resp.Body)
	}
}

// Negatives.

func withContextLater(ctx context.Context, c *http.Client) {
	req, _ := http.NewRequest("GET", "http://x", nil)
	req = req.WithContext(ctx)
	c.Do(req)
}

func noContext(c *http.Client) {
	req, _ := http.NewRequest("GET", "http://x", nil)
	c.Do(req)
}

func withContext(ctx context.Context, c *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://x", nil)
	c.Do(req)
}

// Corpus shape (minio fan-out): sent by a helper that gets no context.
type client struct{ hc *http.Client }

func (c *client) do(req *http.Request) (*http.Response, error) { return c.hc.Do(req) }

func (c *client) upload(ctx context.Context, body io.Reader) error {
	req, err := http.NewRequest(http.MethodPost, "http://x", body) // want `http.NewRequest makes a request with no context where ctx is in scope`
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	_, err = c.do(req)
	return err
}

// Corpus shape (go-kit): a request factory; the caller calls WithContext.
func factory(target string) func(ctx context.Context) (*http.Request, error) {
	return func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequest("GET", target, nil)
		if err != nil {
			return nil, err
		}
		return req, nil
	}
}

// Corpus shape (Prometheus notifier): the helper gets the context too.
func doWith(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req.WithContext(ctx))
}

func send(ctx context.Context, c *http.Client) error {
	req, err := http.NewRequest("POST", "http://x", nil)
	if err != nil {
		return err
	}
	_, err = doWith(ctx, c, req)
	return err
}

// Corpus shape (Prometheus scrape): the request is cached in a field.
type scraper struct{ req *http.Request }

func (s *scraper) scrape(ctx context.Context, c *http.Client) {
	if s.req == nil {
		req, _ := http.NewRequest("GET", "http://target", nil)
		s.req = req
	}
	c.Do(s.req.WithContext(ctx))
}

// The incoming request that feeds fetch and upload.
func handle(w http.ResponseWriter, r *http.Request) {
	fetch(r.Context(), nil, "http://x")
	c := &client{}
	c.upload(r.Context(), nil)
	withContextLater(r.Context(), nil)
	withContext(r.Context(), nil)
	send(r.Context(), nil)
	(&scraper{}).scrape(r.Context(), nil)
	f, _ := factory("http://x")(r.Context())
	_ = f
}

// An outgoing request being built or sent is not an incoming one.
func sign(c *http.Client, req *http.Request, key string) {
	probe, _ := http.NewRequest("HEAD", req.URL.String(), nil)
	c.Do(probe)
}

type transport struct{ next http.RoundTripper }

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	auth, _ := http.NewRequest("POST", "http://auth/token", nil)
	if _, err := t.next.RoundTrip(auth); err != nil {
		return nil, err
	}
	return t.next.RoundTrip(req)
}
