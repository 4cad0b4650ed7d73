package b

import (
	"context"
	"time"

	"chain/c"
)

// Fetch reaches c's network call through an unexported helper.
func Fetch(ctx context.Context, s *c.Store, id string) error { // want Fetch:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return fetch(context.WithValue(ctx, key{}, id), s, id)
}

func fetch(ctx context.Context, s *c.Store, id string) error { // want fetch:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return s.Load(ctx, id)
}

type key struct{}

// Bounded gives the call its own deadline: no fact.
func Bounded(ctx context.Context, s *c.Store, id string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return s.Load(ctx, id)
}

// Generic reaches an instantiated generic function.
func Generic(ctx context.Context, id int) error { // want Generic:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryContext\)`
	return c.Get(ctx, nil, id)
}

// Ignored does not use its context for the call.
func Ignored(ctx context.Context, s *c.Store) error {
	return s.Load(context.Background(), "id") // want `c.Store.Load called with context.Background\(\)`
}
