// Package backoff stands in for github.com/cenkalti/backoff/v4.
package backoff

import "time"

type BackOff interface{ NextBackOff() time.Duration }

type ExponentialBackOff struct{ cur time.Duration }

func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{cur: time.Second} }

func (b *ExponentialBackOff) NextBackOff() time.Duration { b.cur *= 2; return b.cur }

const Stop time.Duration = -1
