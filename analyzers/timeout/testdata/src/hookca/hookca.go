// Package hookca hands clients to hookauth's options (smallstep's ca
// package): a client kept where every request carries a context is no
// evidence; the look-alikes, kept where a request is sent with no
// context, are.
package hookca

import (
	"context"
	"net/http"

	"hookauth"
	"hooks"
)

func options(rt http.RoundTripper) []hookauth.Option {
	return []hookauth.Option{
		hookauth.WithWebhookClient(&http.Client{Transport: rt}),
		hookauth.WithPlainClient(&http.Client{Transport: rt}), // want `http.Client has no Timeout and is handed to WithPlainClient, which sends it a request with no context at hooks.go:106`
		hookauth.WithGetClient(&http.Client{Transport: rt}),   // no finding: no request with no context in view
	}
}

// Look-alike: a sender whose request carries context.Background().
func send(u string) error {
	return hooks.Send(&http.Client{}, u) // no finding: no request with no context in view
}

// Sent with the caller's context: bounded by it.
func sendWith(ctx context.Context, u string) error {
	return hooks.SendWith(ctx, &http.Client{}, u)
}
