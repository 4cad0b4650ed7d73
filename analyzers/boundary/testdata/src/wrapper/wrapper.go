// Package wrapper runs callbacks in a circuit breaker for other packages.
package wrapper

import "github.com/sony/gobreaker"

var cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "x"})

// Protect runs f in the breaker.
func Protect(f func() error) error {
	_, err := cb.Execute(func() (interface{}, error) { return nil, f() })
	return err
}

// Guard runs f through Protect: a wrapper of a wrapper.
func Guard(f func() error) error { return Protect(f) }

// NotAWrapper calls the breaker, but not with its callback.
func NotAWrapper(f func() error) error {
	_, err := cb.Execute(func() (interface{}, error) { return nil, nil })
	if err != nil {
		return err
	}
	return f()
}
