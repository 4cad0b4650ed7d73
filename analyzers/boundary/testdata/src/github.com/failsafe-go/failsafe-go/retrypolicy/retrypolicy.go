// Package retrypolicy is a stub of failsafe-go's retry policy.
package retrypolicy

type RetryPolicy[R any] interface{ IsAbortable() bool }

func NewWithDefaults[R any]() RetryPolicy[R] { return nil }
