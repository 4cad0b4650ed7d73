// Package hooks keeps a webhook client the way smallstep's provisioner
// package does: an exported Config field, copied into a controller's
// field, then into a per-call controller, whose requests are all built
// with http.NewRequestWithContext by a method that takes the client as
// a parameter.
package hooks

import (
	"context"
	"net/http"
	"time"
)

// Client is what the hooks send through.
type Client interface {
	Get(string) (*http.Response, error)
	Do(*http.Request) (*http.Response, error)
}

// Transporter exposes a client's transport; it cannot send.
type Transporter interface {
	Transport() *http.Transport
}

// Config configures a Controller.
type Config struct {
	WebhookClient Client // want WebhookClient:"bounded client field"
	// PlainClient is sent through with a request from http.NewRequest.
	PlainClient Client // want PlainClient:"contextless client field"
	// GetClient is sent through with Get.
	GetClient Client
}

// Controller keeps the clients of a Config.
type Controller struct {
	webhookClient Client
	plainClient   Client
	getClient     Client
}

// NewController copies the clients into the controller.
func NewController(config Config) *Controller {
	return &Controller{
		webhookClient: config.WebhookClient,
		plainClient:   config.PlainClient,
		getClient:     config.GetClient,
	}
}

type webhookController struct {
	client Client
}

func (c *Controller) newWebhookController() *webhookController {
	client := c.webhookClient
	if client == nil {
		client = &http.Client{Timeout: time.Second}
	}
	return &webhookController{client: client}
}

// Webhook sends one hook.
type Webhook struct {
	URL string
}

// DoWithContext sends with the client it is given, every request built
// with a context.
func (w *Webhook) DoWithContext(ctx context.Context, client Client) error { // want DoWithContext:"bounded clients \\[1\\]"
	if t, ok := client.(Transporter); ok {
		_ = t.Transport()
	}
	req, err := http.NewRequestWithContext(ctx, "POST", w.URL, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (wc *webhookController) enrich(ctx context.Context, hooks []*Webhook) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for _, h := range hooks {
		if err := h.DoWithContext(ctx, wc.client); err != nil {
			return err
		}
	}
	return nil
}

// Enrich runs the hooks.
func (c *Controller) Enrich(ctx context.Context, hooks []*Webhook) error {
	return c.newWebhookController().enrich(ctx, hooks)
}

// Plain sends a request that carries no context.
func (c *Controller) Plain(u string) error {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := c.plainClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Poll hands the client to a hook with context.Background().
func (c *Controller) Poll(h *Webhook) error {
	return h.DoWithContext(context.Background(), c.getClient)
}

// Send builds its request with context.Background(), which bounds
// nothing: no fact.
func Send(client Client, u string) error {
	req, err := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SendWith sends with the caller's context: bounded by it.
func SendWith(ctx context.Context, client Client, u string) error { // want SendWith:"bounded clients \\[1\\]"
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
