package testfixture

import (
	"context"
	"database/sql"
)

// Production code: the same database call is reported.
func Count(db *sql.DB) (n int, err error) {
	err = db.QueryRowContext(context.Background(), "SELECT count(*) FROM t").Scan(&n) // want `\(\*sql.DB\).QueryRowContext with context.Background\(\)`
	return n, err
}
