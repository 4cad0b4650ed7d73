package testfixture

import (
	"context"
	"database/sql"
	"net/http"
	"testing"
)

// A test's statements against the database it set up: go test -timeout
// bounds them.
func TestBeginTx(t *testing.T) {
	var db *sql.DB
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	db.ExecContext(context.Background(), "DELETE FROM t")
	db.PingContext(context.TODO())
}

// A request from a test to a remote service is still reported.
func TestRemote(t *testing.T) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "https://api.example.com/v1/items", nil)
	http.DefaultClient.Do(req) // want `request sent with context.Background\(\), which has no deadline, by a client without Timeout`
}
