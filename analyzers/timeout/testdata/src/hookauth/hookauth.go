// Package hookauth keeps webhook clients the way smallstep's authority
// package does: an option closure stores the client in an unexported
// field, which is copied into another package's Config.
package hookauth

import "hooks"

// Authority builds controllers.
type Authority struct {
	webhookClient hooks.Client
	plainClient   hooks.Client
	getClient     hooks.Client
}

// Option configures an Authority.
type Option func(*Authority) error

// WithWebhookClient sets the webhook client.
func WithWebhookClient(c hooks.Client) Option { // want WithWebhookClient:"bounded clients \\[0\\]"
	return func(a *Authority) error {
		a.webhookClient = c
		return nil
	}
}

// WithPlainClient sets a client kept where a request with no context is
// sent through it.
func WithPlainClient(c hooks.Client) Option { // want WithPlainClient:"contextless clients \\[0\\]"
	return func(a *Authority) error {
		a.plainClient = c
		return nil
	}
}

// WithGetClient sets a client handed to hooks with context.Background().
func WithGetClient(c hooks.Client) Option {
	return func(a *Authority) error {
		a.getClient = c
		return nil
	}
}

// Controller builds the controller.
func (a *Authority) Controller() *hooks.Controller {
	return hooks.NewController(hooks.Config{
		WebhookClient: a.webhookClient,
		PlainClient:   a.plainClient,
		GetClient:     a.getClient,
	})
}
