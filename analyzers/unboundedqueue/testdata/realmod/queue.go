// Package realmod checks the limits that unboundedqueue recognises by
// their types against the real golang.org/x/sync and golang.org/x/time.
package realmod

import (
	"context"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

type Msg struct{ Body []byte }

func handle(Msg) error { return nil }

func weighted(ctx context.Context, msgs <-chan Msg, sem *semaphore.Weighted) {
	for m := range msgs {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() { defer sem.Release(1); _ = handle(m) }()
	}
}

func limiter(ctx context.Context, msgs <-chan Msg, l *rate.Limiter) {
	for m := range msgs {
		if err := l.Wait(ctx); err != nil {
			return
		}
		go handle(m)
	}
}

func groupLimited(ctx context.Context, msgs <-chan Msg) error {
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(16)
	for m := range msgs {
		g.Go(func() error { return handle(m) })
	}
	return g.Wait()
}

func groupUnlimited(ctx context.Context, msgs <-chan Msg) error {
	g, _ := errgroup.WithContext(ctx)
	for m := range msgs {
		g.Go(func() error { return handle(m) }) // want `goroutine started per item received from a channel with no limit on concurrency`
	}
	return g.Wait()
}

// A Wait of the real WaitGroup in the loop: one item at a time.
func errgroupEach(ctx context.Context, msgs <-chan Msg) {
	for m := range msgs {
		g, _ := errgroup.WithContext(ctx)
		g.Go(func() error { return handle(m) })
		_ = g.Wait()
	}
}
