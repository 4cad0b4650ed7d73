package breakers

import (
	"context"
	"net"

	failsafe "github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
)

var (
	cb    = circuitbreaker.NewWithDefaults[net.Conn]()
	retry = retrypolicy.NewWithDefaults[net.Conn]()
)

func failsafeBreaker(ctx context.Context) (net.Conn, error) {
	return failsafe.Get(func() (net.Conn, error) {
		return dialer.DialContext(ctx, "tcp", "cache:6379")
	}, retry, cb)
}

// A failsafe execution with only a retry policy has no breaker.
func failsafeRetryOnly(ctx context.Context) (net.Conn, error) {
	return failsafe.Get(func() (net.Conn, error) {
		return dialer.DialContext(ctx, "tcp", "cache:6379") // want `dial call dial tcp cache:6379 runs outside a circuit breaker`
	}, retry)
}
