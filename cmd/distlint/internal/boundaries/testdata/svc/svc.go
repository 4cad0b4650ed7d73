// Package svc is a small service with four outbound calls.
package svc

import (
	"bytes"
	"context"
	"database/sql"
	"net"
	"net/http"
	"time"

	"github.com/sony/gobreaker/v2"
)

var breaker = gobreaker.NewCircuitBreaker[*http.Response](gobreaker.Settings{Name: "payments"})

var client = &http.Client{Timeout: 5 * time.Second}

// Notify posts with the default client, retried with a fixed sleep.
func Notify(body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post("https://hooks.example.com/notify", "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Charge posts once through a 5 s client inside a breaker, with a key.
func Charge(ctx context.Context, body []byte, key string) error {
	resp, err := breaker.Execute(func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example.com/v1/charges", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Idempotency-Key", key)
		return client.Do(req)
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Name reads a user's name with the caller's context.
func Name(ctx context.Context, db *sql.DB, id int) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Ping dials the cache with a timeout.
func Ping() error {
	conn, err := net.DialTimeout("tcp", "cache.internal:6379", 2*time.Second)
	if err != nil {
		return err
	}
	return conn.Close()
}
