package prom

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// dispatchMetrics has a registered set and a no-op set, used when no
// Registerer is given: the no-op summary has no Name, so it cannot be
// registered and nothing exports its average.
type dispatchMetrics struct {
	processing prometheus.Summary
}

func newNoopDispatchMetrics() *dispatchMetrics {
	return &dispatchMetrics{
		processing: prometheus.NewSummary(prometheus.SummaryOpts{}),
	}
}

func newDispatchMetrics(r prometheus.Registerer) *dispatchMetrics {
	if r == nil {
		return newNoopDispatchMetrics()
	}
	return &dispatchMetrics{
		processing: promauto.With(r).NewSummary(prometheus.SummaryOpts{ // want `summary with no Objectives observes durations`
			Name: "alert_processing_duration_seconds",
		}),
	}
}

func (m *dispatchMetrics) route(alert func()) {
	start := time.Now()
	alert()
	m.processing.Observe(time.Since(start).Seconds())
}

// Only a no-op summary, observed per alert: nothing is exported.
var noopOnly = prometheus.NewSummary(prometheus.SummaryOpts{Namespace: "ns", Help: "discarded"})

func routeNoop(alert func()) {
	start := time.Now()
	alert()
	noopOnly.Observe(time.Since(start).Seconds())
}

// A Name that is not a constant may be anything: reported.
func newNamed(name string) prometheus.Summary {
	s := prometheus.NewSummary(prometheus.SummaryOpts{Name: name}) // want `summary with no Objectives observes durations`
	start := time.Now()
	s.Observe(time.Since(start).Seconds())
	return s
}
