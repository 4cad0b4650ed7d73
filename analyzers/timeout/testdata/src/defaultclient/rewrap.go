package defaultclient

import (
	"context"
	"net/http"
	"net/http/httptrace"
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

// A local variable declared first and given http.DefaultClient in one
// case of a switch is judged by its uses as one declared with it: the
// request is made with a deadline context, and a trace added to that
// context keeps it (fortio's jrpc.Send).
type destination struct {
	client  *http.Client
	trace   *httptrace.ClientTrace
	url     string
	timeout time.Duration
}

func sendTo(dest *destination) error {
	ctx, cancel := context.WithTimeout(context.Background(), dest.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dest.url, nil)
	if dest.trace != nil {
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), dest.trace))
	}
	if err != nil {
		return err
	}
	var client *http.Client
	switch {
	case dest.client != nil:
		client = dest.client
	default:
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alike: the same variable sending a request with no context.
func fetchFrom(dest *destination) error {
	var client *http.Client
	switch {
	case dest.client != nil:
		client = dest.client
	default:
		client = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	resp, err := client.Get(dest.url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
