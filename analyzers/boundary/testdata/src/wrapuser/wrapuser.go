package wrapuser

import (
	"context"
	"net/http"
	"time"

	"wrapper"
)

var client = &http.Client{Timeout: 5 * time.Second}

func viaWrapper(ctx context.Context) error {
	return wrapper.Guard(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/v1/items", nil)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
}

func viaNonWrapper(ctx context.Context) error {
	return wrapper.NotAWrapper(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/v1/items", nil)
		resp, err := client.Do(req) // want `http call GET https://api.example.com/v1/items runs outside a circuit breaker`
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
}
