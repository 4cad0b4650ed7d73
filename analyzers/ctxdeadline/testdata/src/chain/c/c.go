package c

// c holds the network call of the chain a → b → c.

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Load(ctx context.Context, id string) error { // want Load:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return s.db.QueryRowContext(ctx, "SELECT", id).Err()
}

func Get[T any](ctx context.Context, db *sql.DB, id T) error { // want Get:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT", id)
	return err
}
