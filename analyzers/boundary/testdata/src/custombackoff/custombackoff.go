// Package custombackoff retries with an in-house backoff library: a
// retry with backoff when the library is named, one without when not.
package custombackoff

import (
	"context"
	"database/sql"

	"acme/backoff"
)

func finish(ctx context.Context, db *sql.DB) error {
	for {
		_, err := db.ExecContext(ctx, "UPDATE jobs SET state = 'done'")
		if err == nil {
			return nil
		}
		var p backoff.Policy
		_ = p
	}
}
