package breakers

import (
	"context"
	"net"
	"time"

	"github.com/afex/hystrix-go/hystrix"
)

var dialer = &net.Dialer{Timeout: time.Second}

func inHystrix(ctx context.Context) error {
	return hystrix.Do("cache", func() error {
		c, err := dialer.DialContext(ctx, "tcp", "cache:6379")
		if err == nil {
			c.Close()
		}
		return err
	}, nil)
}

func afterHystrixConfigure(ctx context.Context) error {
	hystrix.Configure(nil)
	c, err := dialer.DialContext(ctx, "tcp", "cache:6379") // want `dial call dial tcp cache:6379 runs outside a circuit breaker`
	if err == nil {
		c.Close()
	}
	return err
}
