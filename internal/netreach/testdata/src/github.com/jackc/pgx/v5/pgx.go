// Package pgx is a stand-in for github.com/jackc/pgx/v5.
package pgx

import "context"

type Conn struct{}
type CommandTag struct{}

type Tx interface {
	Exec(ctx context.Context, sql string, args ...any) (CommandTag, error)
	Commit(ctx context.Context) error
}

func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (CommandTag, error) {
	return CommandTag{}, nil
}
func (c *Conn) Begin(ctx context.Context) (Tx, error) { return nil, nil }
