package main

import (
	"context"
	"database/sql"

	"pb"
)

var db *sql.DB

// run serves for the process's lifetime: no fact.
func run(ctx context.Context) {
	db.ExecContext(ctx, "x")
}

type worker struct{}

// Start is a lifetime too.
func (worker) Start(ctx context.Context) {
	db.ExecContext(ctx, "x")
}

// consume reaches the call in an endless loop: its context is the
// lifetime of the loop.
func consume(ctx context.Context) {
	for {
		db.ExecContext(ctx, "x")
	}
}

func drain(ctx context.Context, ch chan string) {
	for q := range ch {
		db.ExecContext(ctx, q)
	}
}

func spawn(ctx context.Context) {
	go db.ExecContext(ctx, "x")
}

// lookup is a plain helper: it has a fact.
func lookup(ctx context.Context, id string) error { // want lookup:`reachesSink\(param 0 reaches \(\*sql.DB\).QueryRowContext\)`
	return db.QueryRowContext(ctx, "SELECT", id).Err()
}

// retry loops with a bound are still calls.
func retry(ctx context.Context) error { // want retry:`reachesSink\(param 0 reaches \(\*sql.DB\).ExecContext\)`
	var err error
	for i := 0; i < 3; i++ {
		if _, err = db.ExecContext(ctx, "x"); err == nil {
			return nil
		}
	}
	return err
}

func main() {
	ctx := context.Background()
	run(ctx)
	worker{}.Start(ctx)
	consume(ctx)
	drain(ctx, nil)
	spawn(ctx)
	lookup(ctx, "id") // main sets up the program: left alone
	go retry(ctx)
	client := pb.NewGreeterClient(nil)
	stream, _ := client.StreamHellos(ctx, &pb.HelloRequest{})
	_ = stream
}

func handler() {
	go lookup(context.Background(), "id")     // a goroutine of its own: left alone
	lookup(context.Background(), "id")        // want `main.lookup called with context.Background\(\), which has no deadline, and passes it on to \(\*sql.DB\).QueryRowContext: a stalled server holds this call forever; derive the context with context.WithTimeout`
	retry(context.TODO())                     // want `main.retry called with context.TODO\(\)`
	db.ExecContext(context.Background(), "x") // want `ExecContext with context.Background`
}

// Schema setup at startup: table constructors and migrations (tune:
// dendrite). A deadline would abort a migration halfway.
type migrator struct{ db *sql.DB }

func (m *migrator) Up(ctx context.Context) error { // want Up:"reachesSink\\(param 0 reaches \\(\\*sql.DB\\).ExecContext\\)"
	_, err := m.db.ExecContext(ctx, "ALTER TABLE x")
	return err
}

func NewEventsTable(db *sql.DB) error {
	if err := db.QueryRowContext(context.Background(), "SELECT sql FROM sqlite_master").Err(); err != nil {
		return err
	}
	return (&migrator{db: db}).Up(context.Background())
}

func applyMigrations(db *sql.DB) {
	db.ExecContext(context.Background(), "CREATE TABLE y")
}

// Look-alikes: a constructor that takes a context is request work, and
// Renew is not New.
func NewSession(ctx context.Context, db *sql.DB) error {
	return db.PingContext(context.Background()) // want `with context.Background\(\), which has no deadline`
}

func Renew(db *sql.DB) {
	db.ExecContext(context.Background(), "UPDATE lease") // want `with context.Background\(\), which has no deadline`
}
