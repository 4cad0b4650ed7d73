package facts

import (
	"facts/netutil"
	"time"
)

// A helper in another package is seen through its fact.
func load(url string) error {
	for { // want `retry loop around netutil.Fetch \(which calls \(\*http.Client\).Do\) has no delay and no limit`
		resp, err := netutil.Fetch(url)
		if err == nil {
			return resp.Body.Close()
		}
	}
}

func ping(c *netutil.Client, url string) {
	for i := 0; i < 3; i++ { // want `retry loop around \(\*netutil.Client\).Ping \(which calls \(\*http.Client\).Head\) waits a fixed delay`
		if err := c.Ping(url); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// And a helper of this package, too.
func refresh(url string) error { return fetchOnce(url) }

func fetchOnce(url string) error {
	resp, err := netutil.Fetch(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func keepRefreshing(url string) {
	for { // want `retry loop around refresh \(which calls \(\*http.Client\).Do\) has no delay`
		if err := refresh(url); err == nil {
			return
		}
	}
}

// Negative: Parse and Start make no call this function waits for.
func parse(s string) int {
	for {
		n, err := netutil.Parse(s)
		if err == nil {
			return n
		}
		netutil.Start(s)
	}
}

// Negative: making the handler makes no network call.
func handler(url string) func() error {
	for {
		h, err := newHandler(url)
		if err == nil {
			return h
		}
	}
}

func newHandler(url string) (func() error, error) { return netutil.Handler(url), nil }
