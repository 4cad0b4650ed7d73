package prom

import (
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	collectSecondsLast  = prometheus.NewGauge(prometheus.GaugeOpts{Name: "collect_seconds_last"})
	collectSecondsTotal = prometheus.NewCounter(prometheus.CounterOpts{Name: "collect_seconds_total"})
	collectsTotal       = prometheus.NewCounter(prometheus.CounterOpts{Name: "collects_total"})
)

// selfTimed is a prometheus.Collector that times its own Collect, once
// per scrape: the gauge exports every run's duration, the pair beside it
// busy time and cadence.
type selfTimed struct {
	mu    sync.Mutex
	gauge prometheus.Gauge
}

func (s *selfTimed) Describe(c chan<- *prometheus.Desc) { s.gauge.Describe(c) }

func (s *selfTimed) Collect(c chan<- prometheus.Metric) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t0 := time.Now()
	defer func() {
		dur := time.Since(t0).Seconds()
		collectSecondsLast.Set(dur)
		collectSecondsTotal.Add(dur)
		collectsTotal.Inc()
	}()
	c <- s.gauge
}

// pairOnly is the same Collector without the gauge: sum and count only.
type pairOnly struct{ gauge prometheus.Gauge }

func (s *pairOnly) Describe(c chan<- *prometheus.Desc) { s.gauge.Describe(c) }

func (s *pairOnly) Collect(c chan<- prometheus.Metric) {
	t0 := time.Now()
	defer func() {
		dur := time.Since(t0).Seconds()
		collectSecondsTotal.Add(dur) // want `duration summed into a counter next to a count`
		collectsTotal.Inc()
	}()
	c <- s.gauge
}

// observedToo observes each request's duration in a histogram beside
// the pair: the tail is exported.
func observedToo(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	http.NotFound(w, r)
	dur := time.Since(start).Seconds()
	latencyHist.Observe(dur)
	busySeconds.Add(dur)
	requests.Inc()
}
