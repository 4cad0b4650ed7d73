// Package expvarmetrics records durations in expvar variables.
package expvarmetrics

import (
	"expvar"
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
