// Package helpers has retry helpers and look-alikes.
package helpers

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// Retry calls fn until it succeeds.
func Retry(ctx context.Context, fn func() (bool, error)) error { // want Retry:`retries its func parameters \[1\]`
	for {
		if done, err := fn(); done || err != nil {
			return err
		}
		time.Sleep(time.Second)
	}
}

// WithBackoff hands op to a backoff library.
func WithBackoff(op func() error) error { // want WithBackoff:`retries its func parameters \[0\]`
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

// Wrapped calls op inside a function a backoff library retries.
func Wrapped(op func() error) error { // want Wrapped:`retries its func parameters \[0\]`
	return backoff.Retry(func() error { return op() }, nil)
}

// Through retries through a helper of the package.
func Through(op func() error) error { // want Through:`retries its func parameters \[0\]`
	return attempts(3, op)
}

func attempts(n int, op func() error) (err error) {
	for range n {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// Once calls fn once: no helper.
func Once(fn func() error) error { return fn() }

// Each calls fn once per item: a loop over a collection is no retry.
func Each(xs []string, fn func(string) error) error {
	for _, x := range xs {
		if err := fn(x); err != nil {
			return err
		}
	}
	for i := 0; i < len(xs); i++ {
		fn(xs[i])
	}
	return nil
}

// Later stores fn: building a handler calls nothing.
func Later(fn func()) func() {
	return func() {
		for {
			fn()
		}
	}
}

// Spawn runs fn in a goroutine.
func Spawn(fn func()) {
	go func() {
		for {
			fn()
		}
	}()
}
