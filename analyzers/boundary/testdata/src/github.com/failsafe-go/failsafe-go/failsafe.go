// Package failsafe is a stub of github.com/failsafe-go/failsafe-go for tests.
package failsafe

type Policy interface{}

func Run(fn func() error, policies ...Policy) error { return fn() }

func Get[R any](fn func() (R, error), policies ...Policy) (R, error) { return fn() }
