// Package otherlibs records durations with go-metrics and go-kit.
package otherlibs

import (
	"net/http"
	"time"

	armon "github.com/armon/go-metrics"
	kit "github.com/go-kit/kit/metrics"
	hashi "github.com/hashicorp/go-metrics"
	rcrowley "github.com/rcrowley/go-metrics"
)

var (
	g   = rcrowley.NewGauge()
	gf  = rcrowley.NewGaugeFloat64()
	cnt = rcrowley.NewCounter()
	tmr = rcrowley.NewTimer()
)

type api struct {
	m       *armon.Metrics
	latency kit.Gauge
	busy    kit.Counter
	count   kit.Counter
	hist    kit.Histogram
}

func (a *api) handle(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	armon.SetGauge([]string{"api", "latency"}, float32(time.Since(start).Milliseconds()))           // want `latency measured per request recorded into a gauge`
	hashi.SetGaugeWithLabels([]string{"api", "latency"}, float32(time.Since(start).Seconds()), nil) // want `latency measured per request recorded into a gauge`
	hashi.SetPrecisionGauge([]string{"api", "latency"}, time.Since(start).Seconds())                // want `latency measured per request recorded into a gauge`
	a.m.SetGauge([]string{"api", "latency"}, float32(time.Since(start).Seconds()))                  // want `latency measured per request recorded into a gauge`
	g.Update(time.Since(start).Milliseconds())                                                      // want `latency measured per request recorded into a gauge`
	gf.Update(time.Since(start).Seconds())                                                          // want `latency measured per request recorded into a gauge`
	a.latency.With("path", r.URL.Path).Set(time.Since(start).Seconds())                             // want `latency measured per request recorded into a gauge`
	a.busy.Add(time.Since(start).Seconds())                                                         // want `duration summed into a counter`
	a.count.Add(1)
	a.hist.Observe(time.Since(start).Seconds())
	armon.MeasureSince([]string{"api", "latency"}, start)
	armon.AddSample([]string{"api", "latency"}, float32(time.Since(start).Seconds()))
	tmr.UpdateSince(start)
}

func (a *api) counted(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	armon.IncrCounter([]string{"api", "ms"}, float32(time.Since(start).Milliseconds())) // want `duration summed into a counter`
	armon.IncrCounter([]string{"api", "requests"}, 1)
	cnt.Inc(time.Since(start).Milliseconds()) // want `duration summed into a counter`
	cnt.Inc(1)
}

// restore is rare: a gauge of its last duration, next to the sample.
func restore(do func()) {
	start := time.Now()
	do()
	armon.MeasureSince([]string{"raft", "restore"}, start)
	armon.SetGauge([]string{"raft", "lastRestoreDuration"}, float32(time.Since(start).Milliseconds()))
}
