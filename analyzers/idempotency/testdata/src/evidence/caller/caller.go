// Package caller retries, or names, the writes package client sends.
package caller

import (
	"context"

	"evidence/client"
)

func retried(ctx context.Context, c *client.Client) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = c.Notify(ctx, "{}"); err == nil { // want `this retry loop retries client.Client.Notify \(through client.Client.Post\), which sends a POST request without an Idempotency-Key header`
			return nil
		}
	}
	return err
}

func throughRetryHelper(ctx context.Context, c *client.Client) error {
	return client.Do(ctx, func(ctx context.Context) error {
		return c.Create(ctx, "widgets", "{}") // want `client.Do retries client.Client.Create \(through client.Client.Post\), which sends a POST request`
	})
}

func chargeCustomer(ctx context.Context, c *client.Client) error {
	return c.Post(ctx, "/v1/x", "{}") // want `client.Client.Post sends a POST request without an Idempotency-Key header, for a once-only operation \(charge, in caller.chargeCustomer\)`
}

func refund(ctx context.Context, c *client.Client, kind string) error {
	return c.Create(ctx, kind, "{}") // want `client.Client.Create \(through client.Client.Post\) sends a POST request without an Idempotency-Key header, for a once-only operation \(refund, in caller.refund\)`
}

func pathNamesIt(ctx context.Context, c *client.Client) error {
	return c.Post(ctx, "/v1/subscriptions", "{}") // want `client.Client.Post sends a POST request without an Idempotency-Key header, for a once-only operation \(subscription, in its URL path "/v1/subscriptions"\)`
}

// Without evidence: silent, and the fact passes on.
func plain(ctx context.Context, c *client.Client, kind string) error { // want plain:`sendsWrite\(POST by client.Client.Post, path param 2\)`
	return c.Create(ctx, kind, "{}")
}

// A loop over items sends once per item.
func perItem(ctx context.Context, c *client.Client, bodies []string) { // want perItem:`sendsWrite\(POST by client.Client.Post\)`
	for _, b := range bodies {
		if err := c.Notify(ctx, b); err != nil {
			continue
		}
	}
}

// A retry of a function that sends nothing unkeyed.
func retriedRead(ctx context.Context) error {
	return client.Do(ctx, func(ctx context.Context) error { return nil })
}
