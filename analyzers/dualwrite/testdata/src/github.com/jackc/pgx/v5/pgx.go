// Package pgx is a stand-in for github.com/jackc/pgx/v5.
package pgx

import "context"

type CommandTag struct{}

type Row interface{ Scan(dest ...any) error }

type Tx interface {
	Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

type Conn struct{}

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error) {
	return CommandTag{}, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }
func (c *Conn) Begin(ctx context.Context) (Tx, error)                     { return nil, nil }

func BeginFunc(ctx context.Context, db *Conn, fn func(Tx) error) error { return nil }
