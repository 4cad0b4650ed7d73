// Package user calls retry helpers of another package.
package user

import (
	"context"

	"helpers"
)

func send() error { return nil }

func calls(ctx context.Context) {
	helpers.Retry(ctx, func() (bool, error) { return true, send() }) // want `retries argument 1 via Retry`
	helpers.Through(send)                                            // want `retries argument 0 via Through`
	helpers.Once(send)
	helpers.Each(nil, func(string) error { return nil })
	local(func() error { return send() }) // want `retries argument 0 via local`
}

func local(op func() error) error {
	return helpers.WithBackoff(op) // want `retries argument 0 via WithBackoff`
}
