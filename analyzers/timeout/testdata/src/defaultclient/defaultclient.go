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

func fallback(c *http.Client) *http.Client {
	if c == nil {
		c = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return c
}

func passed() {
	use(http.DefaultClient) // want `http.DefaultClient has no Timeout`
}

func use(*http.Client) {}

func copied() http.Client {
	return *http.DefaultClient // want `http.Client has no Timeout`
}

func noDeadline(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

func cancelOnly() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

// The request comes out of a helper: its context is out of view.
func viaHelper() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	http.DefaultClient.Do(mustReq(http.NewRequestWithContext(ctx, "GET", "https://example.com", nil))) // want `http.DefaultClient has no Timeout`
}

func mustReq(r *http.Request, err error) *http.Request { return r }

// Negatives.

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
