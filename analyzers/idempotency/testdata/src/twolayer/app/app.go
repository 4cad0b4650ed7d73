package app

import (
	"context"
	"net/http"

	"twolayer/api"
	"twolayer/reqlib"
)

func unkeyed(ctx context.Context, c *http.Client, url string) {
	req, err := api.NewOrder(ctx, url)
	if err != nil {
		return
	}
	c.Do(req) // want `POST request sent without an Idempotency-Key header`
}

func unkeyedThroughBothSenders(ctx context.Context, url string) {
	req, _ := api.NewOrder(ctx, url)
	api.Deliver(req) // want `POST request sent without`
}

func lowerLayerDirect(ctx context.Context, c *http.Client, url string) {
	req, _ := reqlib.NewRequest(ctx, "PATCH", url, nil)
	c.Do(req) // want `PATCH request sent without`
}

// Negatives.

func keyedByUpperHelper(ctx context.Context, c *http.Client, url, key string) {
	req, _ := api.NewOrder(ctx, url)
	api.Prepare(req, key)
	c.Do(req)
}

func keyedAtCreation(ctx context.Context, c *http.Client, url, key string) {
	req, _ := api.NewKeyedOrder(ctx, url, key)
	api.Deliver(req)
}

func read(ctx context.Context, c *http.Client, url string) {
	req, _ := api.NewQuery(ctx, url)
	c.Do(req)
}

func editedOutOfView(ctx context.Context, c *http.Client, url string, edit func(*http.Request)) {
	req, _ := api.NewOrder(ctx, url)
	reqlib.Apply(req, edit)
	c.Do(req)
}

func methodFromCaller(ctx context.Context, c *http.Client, method, url string) {
	req, _ := reqlib.NewRequest(ctx, method, url, nil)
	c.Do(req)
}
