package origin

import (
	"context"
	"database/sql"
	"time"
)

type key struct{}

func chain(db *sql.DB) {
	ctx := context.Background()
	ctx = context.WithValue(ctx, key{}, 1)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	db.ExecContext(ctx, "x") // want `with a context derived from context.Background\(\)`
}

func loopValue(db *sql.DB, keys []string) {
	ctx := context.TODO()
	for _, k := range keys {
		ctx = context.WithValue(ctx, key{}, k)
	}
	db.ExecContext(ctx, "x") // want `with a context derived from context.TODO\(\)`
}

func closure(db *sql.DB) {
	ctx := context.Background()
	func() {
		db.ExecContext(ctx, "x") // want `with context.Background\(\)`
	}()
}

func goroutine(db *sql.DB) {
	ctx := context.Background()
	go func() {
		db.ExecContext(ctx, "x") // want `with context.Background\(\)`
	}()
}

// Negatives.

func timeoutLater(db *sql.DB) {
	ctx := context.Background()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	db.ExecContext(ctx, "x")
}

func timeoutDerived(db *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	ctx = context.WithValue(ctx, key{}, 1)
	ctx, cancel2 := context.WithCancel(ctx)
	defer cancel2()
	db.ExecContext(ctx, "x")
}

func assignedInClosure(db *sql.DB) {
	ctx := context.Background()
	set := func() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.Background(), time.Second)
		_ = cancel
	}
	set()
	db.ExecContext(ctx, "x")
}

func addressTaken(db *sql.DB) {
	ctx := context.Background()
	reset(&ctx)
	db.ExecContext(ctx, "x")
}

func reset(p *context.Context) {}

var global = context.Background()

func fromGlobal(db *sql.DB) {
	db.ExecContext(global, "x")
}

func fromCall(db *sql.DB, mk func() context.Context) {
	db.ExecContext(mk(), "x")
}

func literalParam(db *sql.DB) func(context.Context) {
	return func(ctx context.Context) {
		db.ExecContext(ctx, "x")
	}
}

func nilContext(db *sql.DB) {
	var ctx context.Context
	db.ExecContext(ctx, "x")
}

// A nil parameter given a default still comes from the caller first:
// the caller may give it a deadline.
func defaulted(ctx context.Context, db *sql.DB) { // want defaulted:`reachesSink\(param 0 reaches \(\*sql.DB\).ExecContext\)`
	if ctx == nil {
		ctx = context.Background()
	}
	db.ExecContext(ctx, "x")
}

func typeSwitch(db *sql.DB, v any) {
	switch ctx := v.(type) {
	case context.Context:
		db.ExecContext(ctx, "x")
	}
}

// The function gives its own deadline: the parameter does not reach.
func ownDeadline(ctx context.Context, db *sql.DB) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	db.ExecContext(ctx, "x")
}

func twoParams(a, b context.Context, db *sql.DB, first bool) {
	ctx := a
	if !first {
		ctx = b
	}
	db.ExecContext(ctx, "x")
}
