// Package store has no handler: whether its contexts are a request's is
// known only to its callers, through facts.
package store

import (
	"context"
	"database/sql"
	"time"
)

type Store struct{ db *sql.DB }

func (s *Store) Save(ctx context.Context, id string) error { // want Save:"dropsContext\\(param 0: context.Background\\(\\) at store.go:\\d+\\)"
	_, err := s.db.ExecContext(context.Background(), "INSERT", id)
	return err
}

// Through a helper of the package.
func (s *Store) Load(ctx context.Context, id string) error { // want Load:"dropsContext\\(param 0: through Store.query: \\(\\*sql.DB\\).QueryRow at store.go:\\d+\\)"
	return s.query(ctx, id)
}

func (s *Store) query(ctx context.Context, id string) error {
	return s.db.QueryRow("SELECT", id).Err()
}

// Negatives: the context is kept, or the fresh one is cleanup.
func (s *Store) Get(ctx context.Context, id string) error {
	return s.db.QueryRowContext(ctx, "SELECT", id).Err()
}

func (s *Store) Close(ctx context.Context) error {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := s.db.ExecContext(sctx, "CHECKPOINT")
	_ = ctx
	return err
}
