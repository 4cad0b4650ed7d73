// Package evidence sums durations into real Prometheus and OpenTelemetry
// counters next to a count: reported when the durations are requests'
// latencies, left alone when they are of local work.
package evidence

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/metric"
)

var (
	secondsTotal = prometheus.NewCounter(prometheus.CounterOpts{Name: "upstream_seconds_total"})
	callsTotal   = prometheus.NewCounter(prometheus.CounterOpts{Name: "upstream_calls_total"})
)

// Around an HTTP call.
func fetch(c *http.Client, req *http.Request) error {
	start := time.Now()
	resp, err := c.Do(req)
	secondsTotal.Add(time.Since(start).Seconds()) // want `duration summed into a counter next to a count`
	callsTotal.Inc()
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// In a handler.
func serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.WriteHeader(http.StatusNoContent)
	secondsTotal.Add(time.Since(start).Seconds()) // want `duration summed into a counter next to a count`
	callsTotal.Inc()
}

type selfTimed struct{ gauge prometheus.Gauge }

func (s *selfTimed) Describe(c chan<- *prometheus.Desc) { s.gauge.Describe(c) }

// A Collector timing its own Collect, once per scrape: no request's
// latency.
func (s *selfTimed) Collect(c chan<- prometheus.Metric) {
	t0 := time.Now()
	defer func() {
		secondsTotal.Add(time.Since(t0).Seconds())
		callsTotal.Inc()
	}()
	c <- s.gauge
}

// Local work, with OpenTelemetry counters.
func encodeAll(ctx context.Context, busy metric.Float64Counter, count metric.Int64Counter, items [][]byte) {
	for _, item := range items {
		start := time.Now()
		_ = append([]byte(nil), item...)
		busy.Add(ctx, time.Since(start).Seconds())
		count.Add(ctx, 1)
	}
}

// The same counters around a request.
func post(ctx context.Context, busy metric.Float64Counter, count metric.Int64Counter, c *http.Client, req *http.Request) {
	start := time.Now()
	if resp, err := c.Do(req.WithContext(ctx)); err == nil {
		resp.Body.Close()
	}
	busy.Add(ctx, time.Since(start).Seconds()) // want `duration summed into a counter next to a count`
	count.Add(ctx, 1)
}
