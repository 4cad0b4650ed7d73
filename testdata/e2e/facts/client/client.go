// Package client retries writes, one keyed through a helper in another
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
func Keyed(ctx context.Context, orderID string) (err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	keys.Stamp(req, orderID)
	for attempt := 1; attempt <= 3; attempt++ {
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// Unkeyed is reported.
func Unkeyed(ctx context.Context) (err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	for attempt := 1; attempt <= 3; attempt++ {
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}
