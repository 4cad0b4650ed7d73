// Package prom records durations with the real Prometheus client.
package prom

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	lastRequest = prometheus.NewGauge(prometheus.GaugeOpts{Name: "last_request_seconds"})
	byPath      = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "request_seconds"}, []string{"path"})
	inFlight    = prometheus.NewGauge(prometheus.GaugeOpts{Name: "in_flight"})
	lastSuccess = prometheus.NewGauge(prometheus.GaugeOpts{Name: "last_success_timestamp_seconds"})
	timeout     = prometheus.NewGauge(prometheus.GaugeOpts{Name: "timeout_seconds"})
	busySeconds = prometheus.NewCounter(prometheus.CounterOpts{Name: "busy_seconds_total"})
	requests    = prometheus.NewCounter(prometheus.CounterOpts{Name: "requests_total"})
	errorsTotal = prometheus.NewCounter(prometheus.CounterOpts{Name: "errors_total"})
	latencyHist = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "latency_seconds", Buckets: prometheus.DefBuckets})
)

type server struct {
	next http.Handler
	db   *sql.DB
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	inFlight.Inc()
	defer inFlight.Dec()
	s.next.ServeHTTP(w, r)
	lastRequest.Set(time.Since(start).Seconds())                        // want `latency measured per request recorded into a gauge: a gauge keeps only the last value`
	byPath.WithLabelValues(r.URL.Path).Set(time.Since(start).Seconds()) // want `latency measured per request recorded into a gauge`
}

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() {
			elapsed := time.Since(start)
			byPath.With(prometheus.Labels{"path": r.URL.Path}).Set(float64(elapsed) / float64(time.Millisecond)) // want `latency measured per request recorded into a gauge`
		}()
		next.ServeHTTP(w, r)
	})
}

// query times one database query: a request, whatever calls it.
func (s *server) query(q string) error {
	start := time.Now()
	_, err := s.db.Exec(q)
	end := time.Now()
	lastRequest.Set(end.Sub(start).Seconds()) // want `latency measured around a request recorded into a gauge`
	return err
}

// consume times each message of a stream.
func consume(msgs <-chan string, handle func(string)) {
	for m := range msgs {
		start := time.Now()
		handle(m)
		lastRequest.Set(time.Since(start).Seconds()) // want `latency measured per loop iteration recorded into a gauge`
	}
}

// perItem overwrites one gauge with each item's duration.
func perItem(items []string, handle func(string)) {
	for _, it := range items {
		start := time.Now()
		handle(it)
		lastRequest.Set(time.Since(start).Seconds()) // want `latency measured per loop iteration`
	}
}

// perItemLabeled gives each item its own series: the last run of each.
func perItemLabeled(items []string, handle func(string)) {
	for _, it := range items {
		start := time.Now()
		handle(it)
		byPath.WithLabelValues(it).Set(time.Since(start).Seconds())
	}
}

// replay runs once at startup: a gauge of its duration is right.
func replay(load func()) {
	start := time.Now()
	load()
	lastRequest.Set(time.Since(start).Seconds())
}

// periodic runs once per tick: the gauge holds the last run.
func periodic(stop <-chan struct{}, collect func()) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			start := time.Now()
			collect()
			lastRequest.Set(time.Since(start).Seconds())
		case <-stop:
			return
		}
	}
}

// sleeper waits between runs.
func sleeper(collect func()) {
	for {
		start := time.Now()
		collect()
		lastRequest.Set(time.Since(start).Seconds())
		time.Sleep(time.Minute)
	}
}

// Look-alikes in a handler that are not measured latencies.
func lookAlikes(w http.ResponseWriter, r *http.Request, cfg struct{ Timeout time.Duration }, lastContact time.Time, expiry time.Time) {
	lastSuccess.Set(float64(time.Now().Unix()))        // a timestamp
	timeout.Set(cfg.Timeout.Seconds())                 // configuration
	lastRequest.Set(time.Since(lastContact).Seconds()) // an age of a time from elsewhere
	lastRequest.Set(time.Until(expiry).Seconds())      // a remaining time
	inFlight.Set(float64(len(r.Header)))               // not a duration
	lastRequest.Set((5 * time.Second).Seconds())       // a constant
	start := time.Now()
	latencyHist.Observe(time.Since(start).Seconds()) // a histogram
}

// sumAndCount is a hand-made average in two counters.
func sumAndCount(w http.ResponseWriter, r *http.Request, h http.Handler) {
	start := time.Now()
	h.ServeHTTP(w, r)
	busySeconds.Add(time.Since(start).Seconds()) // want `duration summed into a counter next to a count of the same events`
	requests.Inc()
}

// busyOnly counts seconds of busy time: a rate of utilization.
func busyOnly(work func()) {
	start := time.Now()
	work()
	busySeconds.Add(time.Since(start).Seconds())
}

// busyAndErrors counts errors on another path only.
func busyAndErrors(work func() error) {
	start := time.Now()
	err := work()
	busySeconds.Add(time.Since(start).Seconds())
	if err != nil {
		errorsTotal.Inc()
	}
}

// Summaries.
var (
	rpcSeconds = prometheus.NewSummary(prometheus.SummaryOpts{ // want `summary with no Objectives observes durations`
		Name: "rpc_duration_seconds",
	})
	rpcByMethod = prometheus.NewSummaryVec(prometheus.SummaryOpts{ // want `summary with no Objectives observes durations`
		Name:       "rpc_method_duration_seconds",
		Objectives: map[float64]float64{},
	}, []string{"method"})
	rpcQuantiles = prometheus.NewSummary(prometheus.SummaryOpts{
		Name:       "rpc_quantile_seconds",
		Objectives: map[float64]float64{0.5: 0.05, 0.99: 0.001},
	})
	payloadBytes = prometheus.NewSummary(prometheus.SummaryOpts{
		Name: "payload_bytes",
	})
	timed = promauto.NewSummary(prometheus.SummaryOpts{Name: "timed_seconds"}) // want `summary with no Objectives observes durations`
)

func observeSummaries(method string, n int, do func()) {
	start := time.Now()
	do()
	rpcSeconds.Observe(time.Since(start).Seconds())
	rpcByMethod.WithLabelValues(method).Observe(time.Since(start).Seconds())
	rpcQuantiles.Observe(time.Since(start).Seconds())
	payloadBytes.Observe(float64(n))
	t := prometheus.NewTimer(timed)
	defer t.ObserveDuration()
}

type metrics struct {
	gcDuration   prometheus.Summary
	sizes        prometheus.Summary
	fromElsewher prometheus.Summary
}

func newMetrics(reg prometheus.Registerer, opts prometheus.SummaryOpts) *metrics {
	return &metrics{
		gcDuration: promauto.With(reg).NewSummary(prometheus.SummaryOpts{ // want `summary with no Objectives observes durations`
			Name: "gc_duration_seconds",
		}),
		sizes:        prometheus.NewSummary(prometheus.SummaryOpts{Name: "sizes"}),
		fromElsewher: prometheus.NewSummary(opts), // options out of view
	}
}

type head struct{ metrics *metrics }

func (h *head) gc(n int) {
	start := time.Now()
	h.metrics.sizes.Observe(float64(n))
	h.metrics.gcDuration.Observe(time.Since(start).Seconds())
	h.metrics.fromElsewher.Observe(time.Since(start).Seconds())
}

var (
	iterationsMissed    = prometheus.NewCounter(prometheus.CounterOpts{Name: "iterations_missed_total"})
	iterationsScheduled = prometheus.NewCounter(prometheus.CounterOpts{Name: "iterations_scheduled_total"})
)

// missedTicks divides a duration by a duration: a count of iterations
// (typed time.Duration), not a duration (prometheus rules/group.go).
func missedTicks(w http.ResponseWriter, r *http.Request, last time.Time, interval time.Duration) {
	missed := (time.Since(last) / interval) - 1
	if missed > 0 {
		iterationsMissed.Add(float64(missed))
		iterationsScheduled.Inc()
	}
	start := time.Now()
	lastRequest.Set(float64(time.Since(start) / interval))
}
