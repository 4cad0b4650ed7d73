package shop

import (
	"expvar"
	"net/http"
	"time"
)

var lastRequestMillis = expvar.NewInt("shop_last_request_ms")

// MISTAKE (latency): the gauge holds the last request's time only: the
// slow requests between two scrapes are never seen, and the dashboard
// shows whichever request happened to come last.
func (s *Service) TimedNaive(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		lastRequestMillis.Set(time.Since(start).Milliseconds())
	})
}

// requestBuckets counts requests by duration: a histogram, from which a
// dashboard reads percentiles.
var requestBuckets = expvar.NewMap("shop_request_duration_ms")

// bucketBounds are the histogram's upper bounds.
var bucketBounds = []time.Duration{5 * time.Millisecond, 25 * time.Millisecond, 100 * time.Millisecond, 500 * time.Millisecond, 2 * time.Second}

// FIXED: every request is counted in its duration's bucket.
func (s *Service) Timed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		requestBuckets.Add(bucket(time.Since(start)), 1)
	})
}

func bucket(d time.Duration) string {
	for _, b := range bucketBounds {
		if d <= b {
			return "le_" + b.String()
		}
	}
	return "le_inf"
}
