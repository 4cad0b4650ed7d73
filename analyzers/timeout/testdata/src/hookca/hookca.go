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
		hookauth.WithPlainClient(&http.Client{Transport: rt}), // want `http.Client has no Timeout and is handed to WithPlainClient with no context`
		hookauth.WithGetClient(&http.Client{Transport: rt}),   // want `http.Client has no Timeout and is handed to WithGetClient with no context`
	}
}

// Look-alike: a sender whose request carries context.Background().
func send(u string) error {
	return hooks.Send(&http.Client{}, u) // want `http.Client has no Timeout and is handed to Send with no context`
}

// Sent with the caller's context: bounded by it.
func sendWith(ctx context.Context, u string) error {
	return hooks.SendWith(ctx, &http.Client{}, u)
}
