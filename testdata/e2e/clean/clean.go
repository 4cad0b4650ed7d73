// Package clean has nothing to report.
package clean

import (
	"net/http"
	"time"
)

// Client is bounded.
func Client() *http.Client { return &http.Client{Timeout: 30 * time.Second} }

// Server is bounded.
func Server(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
}
