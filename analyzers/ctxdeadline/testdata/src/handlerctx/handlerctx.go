// Package handlerctx: in an HTTP handler, a call made with a context
// from context.Background() drops the request's context: lostcontext
// reports it, and ctxdeadline stays silent (one mistake, one finding).
package handlerctx

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type app struct {
	db  *sql.DB
	ctx context.Context // the service's own context, kept at construction
}

// Negatives: lostcontext's.

func (a *app) list(w http.ResponseWriter, r *http.Request) {
	rows, err := a.db.QueryContext(context.Background(), "SELECT id FROM jobs")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows.Close()
}

func (a *app) count(w http.ResponseWriter, r *http.Request) {
	ctx := context.TODO()
	_ = a.db.QueryRowContext(ctx, "SELECT count(*) FROM jobs")
}

// Through a helper that reaches the database.
func (a *app) show(w http.ResponseWriter, r *http.Request) {
	_ = a.load(context.Background(), r.URL.Query().Get("id"))
}

func (a *app) load(ctx context.Context, id string) error { // want load:`reachesSink\(param 0 reaches \(\*sql.DB\).ExecContext\)`
	_, err := a.db.ExecContext(ctx, "UPDATE jobs SET seen = true WHERE id = $1", id)
	return err
}

// Positives: ctxdeadline's.

// Work the handler starts in a goroutine outlives the request: its own
// context needs a deadline.
func (a *app) kick(w http.ResponseWriter, r *http.Request) {
	go func() {
		_, _ = a.db.ExecContext(context.Background(), "DELETE FROM jobs WHERE done") // want `\(\*sql.DB\).ExecContext with context.Background\(\), which has no deadline`
	}()
	w.WriteHeader(http.StatusAccepted)
}

// Not a handler: there is no request's context to pass.
func (a *app) purge() error {
	_, err := a.db.ExecContext(context.Background(), "DELETE FROM jobs WHERE done") // want `\(\*sql.DB\).ExecContext with context.Background\(\), which has no deadline`
	return err
}

// A handler with a deadline-bearing look-alike: the request's context
// with a timeout is bounded, no finding from either analyzer.
func (a *app) bounded(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	_, _ = a.db.ExecContext(ctx, "DELETE FROM jobs WHERE done")
}
