package a

import (
	"context"
	"time"

	"chain/b"
	"chain/c"
)

func bad(s *c.Store) error {
	return b.Fetch(context.Background(), s, "id") // want `b.Fetch called with context.Background\(\), which has no deadline, and passes it on to \(\*sql.DB\).QueryRowContext: a stalled server holds this call forever; derive the context with context.WithTimeout`
}

func generic() error {
	ctx, cancel := context.WithCancel(context.TODO())
	defer cancel()
	return b.Generic(ctx, 1) // want `b.Generic called with a context derived from context.TODO\(\)`
}

// Negatives.

func bounded(s *c.Store) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return b.Fetch(ctx, s, "id")
}

func ownDeadline(s *c.Store) error {
	return b.Bounded(context.Background(), s, "id")
}

func passedOn(ctx context.Context, s *c.Store) error { // want passedOn:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return b.Fetch(ctx, s, "id")
}

type Client struct{ s *c.Store }

// FetchWithContext is the variant of Fetch with a context.
func (cl *Client) FetchWithContext(ctx context.Context, id string) error { // want FetchWithContext:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return b.Fetch(ctx, cl.s, id)
}

// Fetch is its compatibility form: left alone.
func (cl *Client) Fetch(id string) error {
	return cl.FetchWithContext(context.Background(), id)
}
