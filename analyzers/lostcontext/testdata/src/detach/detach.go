// Deliberate detachment inside a request: cleanup and failure paths.
package detach

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"
)

type server struct {
	db  *sql.DB
	srv *http.Server
}

type lock struct{}

func (lock) Release(ctx context.Context) error { return nil }
func (lock) findClosest(ctx context.Context)   {}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		// A failed begin: record it even if the client has gone.
		s.db.ExecContext(context.Background(), "INSERT failure")
		return
	}
	if err := work(ctx, tx); err != nil {
		s.db.ExecContext(context.Background(), "UPDATE status = 'failed'")
		return
	}
	if err := ctx.Err(); err != nil {
		s.db.ExecContext(context.Background(), "UPDATE status = 'cancelled'")
	}
	if err := work(ctx, tx); errors.Is(err, context.Canceled) {
		s.db.ExecContext(context.Background(), "UPDATE status = 'cancelled'")
	}

	// Cleanup by name: release, shutdown, rollback.
	l := lock{}
	l.Release(context.Background())
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.srv.Shutdown(sctx)

	// The write must outlive the request: a fresh context on purpose.
	s.db.ExecContext(context.Background(), "INSERT audit")

	// Positives: look-alikes that are request work.

	// Load the user.
	s.db.QueryRowContext(context.Background(), "SELECT user") // want `context.Background\(\) where r.Context\(\) is in scope`

	l.findClosest(context.Background()) // want `context.Background\(\) where r.Context\(\) is in scope`

	if ok := r.URL.Query().Has("x"); ok {
		s.db.ExecContext(context.Background(), "UPDATE x") // want `context.Background\(\) where r.Context\(\) is in scope`
	}
	select {
	case <-ctx.Done():
		s.db.ExecContext(context.Background(), "UPDATE status = 'gone'")
	default:
	}
}

func work(ctx context.Context, tx *sql.Tx) error { return nil }
