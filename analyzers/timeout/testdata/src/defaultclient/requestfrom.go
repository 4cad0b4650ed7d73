package defaultclient

import (
	"context"
	"io"
	"net/http"
)

// Requests that reach http.DefaultClient from elsewhere: silent where
// every request the analyzer can see carries a context or its origin is
// out of view, reported where a caller in view makes one without.

// A helper handed the client with a request made with the caller's
// context (Pulumi's httputil.DoWithRetry(req, http.DefaultClient)).
func doWithRetry(req *http.Request, client *http.Client) (*http.Response, error) {
	return client.Do(req)
}

func download(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := doWithRetry(req, http.DefaultClient)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func downloadNoContext(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := doWithRetry(req, http.DefaultClient) // want `http.DefaultClient has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A request parameter: its callers make it with a context...
func fetchBody(req *http.Request) (io.ReadCloser, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func latest(ctx context.Context, url string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return fetchBody(req)
}

// ...or it is a callback whose callers are out of view.
type getter func(*http.Request) (io.ReadCloser, error)

func sendVia(req *http.Request) (io.ReadCloser, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

var _ getter = sendVia

var _ getter = func(req *http.Request) (io.ReadCloser, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// A caller in view makes the request without a context.
func sendParam(req *http.Request) error {
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ping(url string) error {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	return sendParam(req)
}

// A parameter the function replaces is not the caller's request.
func resend(req *http.Request, url string) error {
	req, _ = http.NewRequest(http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A callback that hands its request parameter to a helper with the
// client: its callers are out of view.
var _ getter = func(req *http.Request) (io.ReadCloser, error) {
	resp, err := doWithRetry(req, http.DefaultClient)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// The same with a caller in view that makes its request without one.
func retryParam(req *http.Request) error {
	resp, err := doWithRetry(req, http.DefaultClient) // want `http.DefaultClient has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func check(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	return retryParam(req)
}
