// Package client sends writes for other packages, with no evidence of
// harm in its own view.
package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

type Client struct {
	base string
	hc   *http.Client
}

// Post sends a write to a path the caller names.
func (c *Client) Post(ctx context.Context, path string, body string) error { // want Post:`sendsWrite\(POST by client.Client.Post, path param 1\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Create sends through Post: it passes its facts on.
func (c *Client) Create(ctx context.Context, kind, body string) error { // want Create:`sendsWrite\(POST by client.Client.Post, path param 1\)`
	return c.Post(ctx, "/v1/"+kind, body)
}

// Notify names its own path.
func (c *Client) Notify(ctx context.Context, body string) error { // want Notify:`sendsWrite\(POST by client.Client.Post\)`
	return c.Post(ctx, "/v1/notifications", body)
}

// Do is a retry helper: it calls op again after a failure.
func Do(ctx context.Context, op func(context.Context) error) error {
	var err error
	for i := 0; i < 4; i++ {
		if err = op(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return errors.Join(err, errors.New("gave up"))
}
