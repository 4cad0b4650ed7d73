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

// pairOnly is the same Collector without the gauge: sum and count only,
// once per scrape. The scrapers' clocks pace Collect, so over any window
// the pair holds one scrape and its ratio is that scrape's duration.
type pairOnly struct{ gauge prometheus.Gauge }

func (s *pairOnly) Describe(c chan<- *prometheus.Desc) { s.gauge.Describe(c) }

func (s *pairOnly) Collect(c chan<- prometheus.Metric) {
	t0 := time.Now()
	defer func() {
		dur := time.Since(t0).Seconds()
		collectSecondsTotal.Add(dur)
		collectsTotal.Inc()
	}()
	c <- s.gauge
}

// A summary observed once per scrape: left alone for the same reason.
var scrapeSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "scrape_duration_seconds"})

type exporter struct {
	targets []string
	client  *http.Client
}

func (e *exporter) Describe(c chan<- *prometheus.Desc) { scrapeSeconds.Describe(c) }

func (e *exporter) Collect(c chan<- prometheus.Metric) {
	start := time.Now()
	e.client.Get(e.targets[0])
	scrapeSeconds.Observe(time.Since(start).Seconds())
	c <- scrapeSeconds
	e.perTarget(c)
}

// Look-alike: a Collect that times each of its targets records many
// durations per scrape, a distribution with a tail.
var targetSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "target_scrape_seconds"}) // want `summary with no Objectives observes durations`

func (e *exporter) perTarget(c chan<- prometheus.Metric) {
	for _, t := range e.targets {
		start := time.Now()
		e.client.Get(t)
		targetSeconds.Observe(time.Since(start).Seconds())
		collectSecondsTotal.Add(time.Since(start).Seconds()) // want `duration summed into a counter next to a count`
		collectsTotal.Inc()
	}
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
