package generics

import (
	"context"
	"database/sql"

	"github.com/nats-io/nats.go"
)

type Repo[T any] struct{ db *sql.DB }

func (r *Repo[T]) Insert(ctx context.Context, v T) error {
	_, err := r.db.ExecContext(ctx, `INSERT INTO t VALUES ($1)`, v)
	return err
}

type Bus[T any] struct{ nc *nats.Conn }

func (b Bus[T]) Send(subject string) error { return b.nc.Publish(subject, nil) }

// Helpers of generic types count through their instances.
func Place[T any](ctx context.Context, r *Repo[T], b Bus[T], v T) error {
	if err := r.Insert(ctx, v); err != nil {
		return err
	}
	return b.Send("t") // want `Send publishes to NATS after a database write`
}

// Generic code that only reads.
func Count[T any](ctx context.Context, db *sql.DB, b Bus[T]) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM t`).Scan(&n); err != nil {
		return err
	}
	return b.Send("count")
}
