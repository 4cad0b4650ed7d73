// Package loops has retry loops and loops that are not.
package loops

import (
	"context"
	"errors"
	"math/rand"
	"time"
)

func attempt() error { return nil }
func other() error   { return nil }

func noDelay() {
	for { // want `retries attempt delay=none bounded=false`
		if err := attempt(); err == nil {
			return
		}
	}
}

func fixedBounded() error {
	var err error
	for i := 0; i < 5; i++ { // want `retries attempt delay=fixed bounded=true`
		if err = attempt(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func growing(ctx context.Context) error {
	d := time.Second
	for { // want `retries attempt delay=varying bounded=true jitter`
		err := attempt()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		time.Sleep(d + time.Duration(rand.Int63n(int64(d))))
		d *= 2
	}
}

func notCounted() {
	for { // other is not an attempt that counts
		if err := other(); err == nil {
			return
		}
	}
}

func leavesOnError() error {
	for {
		if err := attempt(); err != nil {
			return err // gives up at once: no retry
		}
	}
}

func items(xs []int) {
	for range xs { // a range over a collection is no loop of attempts
		attempt()
	}
}

// Control flow: each statement that leaves the loop has its own guards,
// whatever the order of the checks.
func boundChecked(n int) {
	for { // want `retries attempt delay=none bounded=true`
		err := attempt()
		if n > 3 {
			break
		}
		if err == nil {
			break
		}
		n++
	}
}

func switchBound(attempts int) {
	for { // want `retries attempt delay=none bounded=true`
		err := attempt()
		if err == nil {
			return
		}
		switch attempts {
		case 3:
			return
		}
		attempts++
	}
}

// The error branch continues for some failures and leaves for others.
func retryable(ctx context.Context) error {
	for { // want `retries attempt delay=none bounded=false`
		err := attempt()
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				continue
			}
			return err
		}
		return nil
	}
}

// A labeled loop continued from a select: the select's other case bounds it.
func labeled(ctx context.Context) {
retry:
	for { // want `retries attempt delay=fixed bounded=true`
		err := attempt()
		if err != nil {
			select {
			case <-time.After(time.Second):
				continue retry
			case <-ctx.Done():
				return
			}
		}
		return
	}
}

// Every failure leaves: not a retry.
func failureLeaves() error {
	for {
		err := attempt()
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		}
	}
}
