package defaultclient

import (
	"context"
	"net/http"
	"time"
)

// The default client kept in a package-level variable that callers may
// replace (goupnp's HTTPClientDefault), whose every request in view
// carries a context with a deadline.
var HTTPClientDefault = http.DefaultClient

func requestXML(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := HTTPClientDefault.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type clientKey struct{}

// The default client returned by an unexported helper when the context
// carries none (httprc's httpClientFromContext); its callers send only
// requests made with their context.
func clientFromContext(ctx context.Context) *http.Client {
	if v, ok := ctx.Value(clientKey{}).(*http.Client); ok {
		return v
	}
	return http.DefaultClient
}

func syncResource(ctx context.Context, url string) error {
	hc := clientFromContext(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alikes that stay reported.

// Kept in a package-level variable that sends a request with no context.
var fetchClient = http.DefaultClient // want `http.DefaultClient has no Timeout`

func fetchStatus(url string) {
	fetchClient.Get(url)
}

// Returned by an unexported helper whose caller sends with no context.
func debugClient(debug bool) *http.Client {
	if debug {
		return http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return &http.Client{Timeout: time.Second}
}

func poll(debug bool, url string) {
	debugClient(debug).Get(url)
}
