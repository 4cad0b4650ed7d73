// Package backoff is a stand-in for github.com/cenkalti/backoff/v4.
package backoff

type BackOff interface{}

func Retry(op func() error, b BackOff) error { return op() }

func NewExponentialBackOff() BackOff { return nil }
