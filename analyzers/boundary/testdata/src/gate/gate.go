package gate

import (
	"bytes"
	"context"
	"database/sql"
	"net"
	"net/http"
	"time"

	"github.com/sony/gobreaker"
)

var cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "payments"})

func retriedDefaultPost(body []byte) error {
	for i := 0; i < 3; i++ {
		resp, err := http.Post("https://api.example.com/v1/charges", "application/json", bytes.NewReader(body)) // want `http call POST https://api.example.com/v1/charges has no timeout` `is retried without backoff \(retried in a loop with a fixed delay\)` `has no idempotency key` `runs outside a circuit breaker`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

func protectedPost(ctx context.Context, body []byte, key string) error {
	client := &http.Client{Timeout: 5 * time.Second}
	_, err := cb.Execute(func() (interface{}, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example.com/v1/charges", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Idempotency-Key", key)
		return client.Do(req)
	})
	return err
}

func backoffPost(ctx context.Context, body []byte, key string) error {
	client := &http.Client{Timeout: 5 * time.Second}
	delay := 100 * time.Millisecond
	for i := 0; i < 5; i++ {
		_, err := cb.Execute(func() (interface{}, error) {
			req, _ := http.NewRequestWithContext(ctx, "POST", "https://api.example.com/v1/charges", bytes.NewReader(body))
			req.Header["Idempotency-Key"] = []string{key}
			return client.Do(req)
		})
		if err == nil {
			return nil
		}
		time.Sleep(delay)
		delay *= 2
	}
	return nil
}

func queryWithParamContext(ctx context.Context, db *sql.DB, id int) (string, error) {
	var name string
	_, err := cb.Execute(func() (interface{}, error) {
		return nil, db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	})
	return name, err
}

func queryBackground(db *sql.DB, id int) error {
	_, err := db.ExecContext(context.Background(), "INSERT INTO audit (id) VALUES ($1)", id) // want `sql call \(\*sql.DB\).ExecContext has no timeout \(context.Background\(\)\)` `has no idempotency key \(INSERT with no conflict clause\)` `outside a circuit breaker`
	return err
}

func queryUnknownContext(db *sql.DB, ctxs []context.Context) {
	for _, ctx := range ctxs {
		_, _ = cb.Execute(func() (interface{}, error) {
			// The context comes from a slice: unknown, not reported.
			return db.ExecContext(ctx, "INSERT INTO t (id) VALUES (1) ON CONFLICT DO NOTHING")
		})
	}
}

func dialTimeout() (net.Conn, error) {
	var conn net.Conn
	_, err := cb.Execute(func() (interface{}, error) {
		c, err := net.DialTimeout("tcp", "db.internal:5432", 3*time.Second)
		conn = c
		return nil, err
	})
	return conn, err
}

func dialNoTimeout() (net.Conn, error) {
	return net.Dial("tcp", "db.internal:5432") // want `dial call dial tcp db.internal:5432 has no timeout \(net.Dial has no timeout, no context\)` `outside a circuit breaker`
}

func dialerWithTimeout(ctx context.Context) (net.Conn, error) {
	d := net.Dialer{Timeout: 2 * time.Second}
	var conn net.Conn
	_, err := cb.Execute(func() (interface{}, error) {
		c, err := d.DialContext(ctx, "tcp", "db.internal:5432")
		conn = c
		return nil, err
	})
	return conn, err
}

func clientFromElsewhere(c *http.Client, req *http.Request) {
	_, _ = cb.Execute(func() (interface{}, error) {
		// Neither the client nor the request is visible: nothing known.
		return c.Do(req)
	})
}

func itemsLoop(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		_, _ = cb.Execute(func() (interface{}, error) {
			// Once per element: not a retry.
			return db.ExecContext(ctx, "UPDATE items SET seen = true WHERE id = $1", id)
		})
	}
}

func hotLoop(ctx context.Context, db *sql.DB) error {
	for {
		_, err := cb.Execute(func() (interface{}, error) {
			return db.ExecContext(ctx, "UPDATE jobs SET state = 'done'") // want `is retried without backoff \(retried in a loop with no delay, no attempt limit\)`
		})
		if err == nil {
			return nil
		}
	}
}
