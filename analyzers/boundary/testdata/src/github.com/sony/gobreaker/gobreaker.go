// Package gobreaker is a stub of github.com/sony/gobreaker for tests.
package gobreaker

type Settings struct{ Name string }

type CircuitBreaker struct{}

func NewCircuitBreaker(st Settings) *CircuitBreaker { return &CircuitBreaker{} }

func (cb *CircuitBreaker) Execute(req func() (interface{}, error)) (interface{}, error) { return req() }
