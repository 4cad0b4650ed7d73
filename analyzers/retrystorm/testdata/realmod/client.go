package realmod

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v4"
	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// A generated client of the real google.golang.org/grpc.
func waitHealthy(ctx context.Context, hc healthpb.HealthClient) error {
	for { // want `retry loop around \(grpc_health_v1.HealthClient\).Check has no delay: during an outage`
		_, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
	}
}

// ClientConn.Invoke with a fixed delay.
func invoke(ctx context.Context, cc *grpc.ClientConn, method string, in, out any) error {
	var err error
	for i := 0; i < 5; i++ { // want `retry loop around \(\*grpc.ClientConn\).Invoke waits a fixed delay with no jitter: clients`
		if err = cc.Invoke(ctx, method, in, out); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Negative: the real cenkalti/backoff owns the delay and the limit.
func withBackoff(ctx context.Context, hc healthpb.HealthClient) error {
	b := backoff.WithContext(backoff.NewExponentialBackOff(), ctx)
	for {
		_, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		if err == nil {
			return nil
		}
		d := b.NextBackOff()
		if d == backoff.Stop {
			return err
		}
		time.Sleep(d)
	}
}

// Negative: backoff.Retry runs the loop.
func retried(ctx context.Context, hc healthpb.HealthClient) error {
	return backoff.Retry(func() error {
		_, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		return err
	}, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}
