// Package defaultops holds unkeyed writes named for payments, with and
// without a replay in view, for the analyzer's default options.
package defaultops

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

// Named for a refund, sent once: silent by default (the provider may
// deduplicate on the refund number in the body; nothing replays it).
func Refund(ctx context.Context, c *http.Client, body []byte) error { // want Refund:`sendsWrite\(POST by defaultops.Refund\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example.com/v1/refunds", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same write retried: a replay in view is evidence.
func RefundRetried(ctx context.Context, c *http.Client, body []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example.com/v1/refunds", bytes.NewReader(body))
		if err != nil {
			return err
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil { // want `POST request retried by this retry loop without an Idempotency-Key header`
			return resp.Body.Close()
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return err
}

// A caller that retries the sender gets the finding.
func refundTwice(ctx context.Context, c *http.Client, body []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = Refund(ctx, c, body); err == nil { // want `this retry loop retries defaultops.Refund, which sends a POST request without an Idempotency-Key header`
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return err
}
