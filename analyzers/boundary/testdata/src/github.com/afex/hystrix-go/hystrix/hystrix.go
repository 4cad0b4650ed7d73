// Package hystrix is a stub of github.com/afex/hystrix-go/hystrix for tests.
package hystrix

func Do(name string, run func() error, fallback func(error) error) error { return run() }

func Go(name string, run func() error, fallback func(error) error) chan error { return nil }

// Configure is not a breaker call.
func Configure(cmds map[string]int) {}
