package defaultclient

import (
	"context"
	"net/http"
	"time"
)

// A request made without a context and given one before it is sent, on
// every way to the send: the request that Do sends carries the deadline
// (a health check's probe).
func probe(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req.Header.Set("Connection", "close")
	req = req.WithContext(ctx)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// Look-alikes that stay reported.

// Given a context on one way only: the other sends the request with none.
func probeMaybe(ctx context.Context, url string, bounded bool) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if bounded {
		req = req.WithContext(ctx)
	}
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

// Given a context, then replaced by a fresh request with none.
func probeReplaced(ctx context.Context, url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req = req.WithContext(ctx)
	req, _ = http.NewRequest(http.MethodGet, url, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}
