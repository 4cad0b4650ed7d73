package netutil

import (
	"net/http"
)

// Fetch makes a network call through a helper.
func Fetch(url string) (*http.Response, error) {
	return do(url)
}

func do(url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Start does not wait for its goroutine's call.
func Start(url string) {
	go Fetch(url)
}

type Client struct{ hc *http.Client }

func (c *Client) Ping(url string) error {
	_, err := c.hc.Head(url)
	return err
}

// Parse makes no network call.
func Parse(s string) (int, error) { return len(s), nil }

// Handler makes no call itself: it returns a function that does.
func Handler(url string) func() error {
	return func() error {
		_, err := Fetch(url)
		return err
	}
}

// Handlers are built, not run.
type Mux struct{ routes map[string]http.Handler }

func (m *Mux) Route(url string) {
	m.routes[url] = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Fetch(url)
	})
}

func Table(url string) []func() error {
	return []func() error{func() error { _, err := Fetch(url); return err }}
}

// Local runs a closure it keeps in a variable.
func Local(url string) error {
	get := func() error {
		_, err := Fetch(url)
		return err
	}
	return get()
}

// Do hands a callback that makes the call to run.
func Do(url string) error {
	return run(func() error {
		_, err := Fetch(url)
		return err
	})
}

func run(f func() error) error { return f() }
