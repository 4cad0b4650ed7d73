package sqldb

import (
	"context"
	"database/sql"
	"time"
)

func queries(db *sql.DB) error {
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "DELETE FROM t"); err != nil { // want `\(\*sql.DB\).ExecContext with context.Background\(\), which has no deadline: a stalled server holds this call forever; derive the context with context.WithTimeout`
		return err
	}
	rows, err := db.QueryContext(context.TODO(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.TODO\(\)`
	if err != nil {
		return err
	}
	rows.Close()
	db.QueryRowContext(ctx, "SELECT 1") // want `QueryRowContext`
	return db.PingContext(ctx)          // want `PingContext`
}

func tx(db *sql.DB) error {
	ctx := context.WithValue(context.Background(), key{}, "v")
	tx, err := db.BeginTx(ctx, nil) // want `\(\*sql.DB\).BeginTx with a context derived from context.Background\(\)`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT") // want `\(\*sql.Tx\).PrepareContext`
	if err != nil {
		return err
	}
	stmt.ExecContext(ctx) // want `\(\*sql.Stmt\).ExecContext`
	return tx.Commit()
}

func conn(db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, _ := db.Conn(ctx)
	c.ExecContext(ctx, "SET x") // want `\(\*sql.Conn\).ExecContext with a context derived from context.Background\(\)`
}

type key struct{}

// Negatives.

func bounded(db *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	db.ExecContext(ctx, "DELETE FROM t")
	ctx2, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel2()
	db.ExecContext(context.WithValue(ctx2, key{}, 1), "DELETE FROM t")
}

func param(ctx context.Context, db *sql.DB) { // want param:`reachesSink\(param 0 reaches \(\*sql.DB\).ExecContext\)`
	db.ExecContext(ctx, "DELETE FROM t")
	db.ExecContext(context.WithValue(ctx, key{}, 1), "DELETE FROM t")
}

type store struct {
	db  *sql.DB
	ctx context.Context
}

func (s *store) field() {
	s.db.ExecContext(s.ctx, "DELETE FROM t")
}

func noContext(db *sql.DB) {
	db.Exec("DELETE FROM t") // no context at all: not this analyzer's shape
}

type wrapper struct{ db *sql.DB }

// Exec is the context-free form of ExecContext: its callers, who can
// use ExecContext, are the ones to give a deadline.
func (w *wrapper) Exec(q string) error {
	_, err := w.db.ExecContext(context.Background(), q)
	return err
}

// Begin is the context-free form of BeginTx, as in database/sql.
func (w *wrapper) Begin() (*sql.Tx, error) {
	return w.db.BeginTx(context.Background(), nil)
}

// Not a shim: a different call.
func (w *wrapper) Purge() error {
	_, err := w.db.ExecContext(context.Background(), "DELETE FROM t") // want `ExecContext with context.Background`
	return err
}
