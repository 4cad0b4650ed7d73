package fixeddelay

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

var errDeadlock = errors.New("deadlock detected")

// Schema setup runs once when the process starts: a bounded retry of a DDL
// statement on a deadlock (concurrent replicas of a rolling deploy) is
// staggered by the starts, not synchronised by an outage.
func execSchemaWithRetry(ctx context.Context, db *sql.DB, ddl string) error {
	const attempts = 3
	for i := 0; i < attempts; i++ {
		_, err := db.ExecContext(ctx, ddl)
		if err == nil {
			return nil
		}
		if errors.Is(err, errDeadlock) && i < attempts-1 {
			time.Sleep(200 * time.Millisecond)
			continue
		}
		return err
	}
	return nil
}

// The retried function's name says so too.
func applyAll(ctx context.Context, db *sql.DB) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = migrateOnce(ctx, db); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return err
}

func migrateOnce(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "ALTER TABLE jobs ADD COLUMN attempt int")
	return err
}

// Look-alikes that are still reported: schema setup retried forever (a
// fleet restarted by an outage of the database comes back in waves), and a
// bounded fixed-delay retry of a statement that serves requests.
func ensureSchema(db *sql.DB, ddl string) {
	for { // want `retry loop around \(\*sql.DB\).Exec waits a fixed delay with no jitter and has no limit on attempts or time`
		if _, err := db.Exec(ddl); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

func insertOrder(ctx context.Context, db *sql.DB, id string) error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around \(\*sql.DB\).ExecContext waits a fixed delay with no jitter: clients that failed together retry together`
		if _, err = db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", id); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}
