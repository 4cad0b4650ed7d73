// Package client sends writes, one keyed through a helper in another
// package and one not keyed at all.
package client

import (
	"context"
	"net/http"
	"strings"
	"time"

	"example.com/e2e/facts/keys"
)

var c = &http.Client{Timeout: 10 * time.Second}

// Keyed is keyed by keys.Stamp: silent when keys is analyzed too.
func Keyed(ctx context.Context, orderID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	keys.Stamp(req, orderID)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Unkeyed is reported.
func Unkeyed(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
