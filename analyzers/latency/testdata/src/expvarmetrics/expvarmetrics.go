// Package expvarmetrics records durations in expvar variables.
package expvarmetrics

import (
	"expvar"
	"log/slog"
	"net/http"
	"time"
)

var (
	lastMillis = expvar.NewInt("last_request_ms")
	lastSecs   = expvar.NewFloat("last_request_seconds")
	totalMs    = expvar.NewInt("request_ms_total")
	requests   = expvar.NewInt("requests")
	lastRun    = expvar.NewInt("last_run_unix")
)

func handle(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	serve(w, r)
	lastMillis.Set(time.Since(start).Milliseconds()) // want `latency measured per request recorded into a gauge`
	lastSecs.Set(time.Since(start).Seconds())        // want `latency measured per request recorded into a gauge`
	totalMs.Add(time.Since(start).Milliseconds())    // want `duration summed into a counter next to a count`
	requests.Add(1)
}

func serve(http.ResponseWriter, *http.Request) {}

// job runs once: the gauge holds its duration.
func job(run func()) {
	start := time.Now()
	run()
	lastMillis.Set(time.Since(start).Milliseconds())
	lastRun.Set(time.Now().Unix())
}

// logged logs each request's duration: a log line per request keeps them all.
func logged(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	serve(w, r)
	slog.Info("served", "path", r.URL.Path, "took", time.Since(start))
}

type number interface{ ~int64 | ~float64 }

// generic code is analyzed like any other.
func timed[T number](w http.ResponseWriter, r *http.Request, conv func(time.Duration) T, set func(T)) {
	start := time.Now()
	serve(w, r)
	set(conv(time.Since(start)))
	lastSecs.Set(float64(time.Since(start)) / 1e9) // want `latency measured per request recorded into a gauge`
}

// suppressed says why.
func suppressed(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	serve(w, r)
	//distlint:ignore latency the admin page shows the last request's time next to a histogram
	lastSecs.Set(time.Since(start).Seconds())
}
