// Package graceful stands in for github.com/ory/graceful, whose
// WithDefaults sets an http.Server's timeouts.
package graceful

import (
	"net/http"
	"time"
)

func WithDefaults(s *http.Server) *http.Server {
	s.ReadHeaderTimeout = 5 * time.Second
	return s
}

func Configure(s http.Server) http.Server { return s }
