// A fresh context used only as a local deadline timer, while every call
// gets the request's context, loses nothing (issue #14).
package timer

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"
)

var db *sql.DB

var errBusy = errors.New("busy")

func obtain(ctx context.Context) error {
	_, err := db.ExecContext(ctx, "SELECT pg_try_advisory_lock(1)")
	return err
}

// Negatives.

// The timer bounds a retry loop; the work gets the request's context.
func retryLock(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			http.Error(w, "timeout obtaining lock", http.StatusServiceUnavailable)
			return
		default:
		}
		if err := obtain(r.Context()); !errors.Is(err, errBusy) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	db.PingContext(r.Context())
}

// Polled through Err, and through a derivation that is itself only
// polled.
func pollErr(w http.ResponseWriter, r *http.Request) {
	bg := context.Background()
	timer, cancel := context.WithTimeout(bg, time.Second)
	defer cancel()
	inner, stop := context.WithTimeout(timer, time.Second/2)
	defer stop()
	for timer.Err() == nil {
		if obtain(r.Context()) == nil {
			return
		}
		if _, ok := inner.Deadline(); !ok {
			return
		}
	}
}

// Positives: the look-alikes.

// The same loop, but the work gets the fresh context.
func retryLockLost(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context.Background\(\) where r.Context\(\) is in scope`
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		if err := obtain(ctx); !errors.Is(err, errBusy) {
			break
		}
	}
}

// Polled, and a derivation of it handed to work.
func derivedToWork(w http.ResponseWriter, r *http.Request) {
	timer, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) where r.Context\(\) is in scope`
	defer cancel()
	sub, stop := context.WithCancel(timer)
	defer stop()
	for timer.Err() == nil {
		if db.PingContext(sub) == nil {
			return
		}
	}
}

// Polled, and stored where work may get it.
type job struct{ ctx context.Context }

var jobs = make(chan job, 1)

func storedTimer(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) where r.Context\(\) is in scope`
	defer cancel()
	jobs <- job{ctx: ctx}
	<-ctx.Done()
}
