// Package jobs times periodic maintenance jobs, which run once per tick
// of a clock, next to per-request work that looks the same.
package jobs

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	// Timed only by jobs of a maintenance loop: one run per window.
	compactSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "compaction_duration_seconds"})
	truncSeconds   = prometheus.NewSummary(prometheus.SummaryOpts{Name: "truncate_duration_seconds"})
	sweepSeconds   = prometheus.NewSummary(prometheus.SummaryOpts{Name: "sweep_duration_seconds"})

	// Timed per request, per received item, or per item of a run.
	fetchSeconds  = prometheus.NewSummary(prometheus.SummaryOpts{Name: "fetch_duration_seconds"})   // want `summary with no Objectives observes durations`
	handleSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "handle_duration_seconds"})  // want `summary with no Objectives observes durations`
	scrapeSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "scrape_duration_seconds"})  // want `summary with no Objectives observes durations`
	sharedSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "shared_duration_seconds"})  // want `summary with no Objectives observes durations`
	cleanupSecs   = prometheus.NewSummary(prometheus.SummaryOpts{Name: "cleanup_duration_seconds"}) // want `summary with no Objectives observes durations`

	lastProbe  = prometheus.NewGauge(prometheus.GaugeOpts{Name: "last_probe_seconds"})
	jobSeconds = prometheus.NewCounter(prometheus.CounterOpts{Name: "job_seconds_total"})
	jobRuns    = prometheus.NewCounter(prometheus.CounterOpts{Name: "job_runs_total"})
)

type db struct {
	stop     chan struct{}
	interval time.Duration
	client   *http.Client
}

// run is the maintenance loop: it waits on the clock between runs.
func (d *db) run() {
	for {
		select {
		case <-d.stop:
			return
		case <-time.After(d.interval):
			d.compact()
		}
	}
}

// compact is one run; the truncation it calls is timed one call away.
func (d *db) compact() {
	start := time.Now()
	d.truncate()
	compactSeconds.Observe(time.Since(start).Seconds())
}

func (d *db) truncate() {
	start := time.Now()
	time.Sleep(time.Millisecond) // the work
	truncSeconds.Observe(time.Since(start).Seconds())
	jobSeconds.Add(time.Since(start).Seconds())
	jobRuns.Inc()
}

// sweeper runs a job after each sleep.
func (d *db) sweeper() {
	for {
		d.sweep()
		time.Sleep(d.interval)
	}
}

func (d *db) sweep() {
	start := time.Now()
	sweepSeconds.Observe(time.Since(start).Seconds())
}

// probe times a request, once per tick of a ticker in its caller: the
// gauge holds the last probe, which is what it is for.
func (d *db) probe(url string) {
	start := time.Now()
	resp, err := d.client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	lastProbe.Set(time.Since(start).Seconds())
}

func (d *db) prober(url string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for range t.C {
		d.probe(url)
	}
}

// fetch times a request, whoever calls it: reported.
func (d *db) fetch(url string) error {
	start := time.Now()
	resp, err := d.client.Get(url)
	fetchSeconds.Observe(time.Since(start).Seconds())
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Proxy serves a request with fetch.
func (d *db) Proxy(w http.ResponseWriter, r *http.Request) {
	_ = d.fetch(r.URL.String())
}

// fetch is called by a loop that the clock paces, too: the summary
// still holds every request that Proxy serves.
func (d *db) refresher(url string) {
	for range time.Tick(time.Minute) {
		_ = d.fetch(url)
	}
}

// consume is driven by the messages it receives, not by the clock.
func (d *db) consume(msgs <-chan string) {
	for m := range msgs {
		d.handle(m)
	}
}

func (d *db) handle(m string) {
	start := time.Now()
	_ = m
	handleSeconds.Observe(time.Since(start).Seconds())
}

// scrapeAll times each target of a periodic run: a distribution of many
// targets' durations, with a tail.
func (d *db) scrapeAll(targets []string) {
	for {
		for _, t := range targets {
			start := time.Now()
			_ = t
			scrapeSeconds.Observe(time.Since(start).Seconds())
		}
		time.Sleep(d.interval)
	}
}

// shared is timed by a maintenance loop and by a request handler.
func (d *db) shared() {
	start := time.Now()
	sharedSeconds.Observe(time.Since(start).Seconds())
}

func (d *db) sharedLoop() {
	for {
		<-time.After(time.Hour)
		d.shared()
	}
}

func (d *db) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.shared()
}

// cleanup is named like a maintenance job, but no loop is in view:
// the name is not evidence, reported.
func (d *db) cleanup() {
	start := time.Now()
	cleanupSecs.Observe(time.Since(start).Seconds())
}

// ping times a request per message received: the gauge loses all but
// the last one.
func (d *db) ping(url string) {
	start := time.Now()
	resp, err := d.client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	lastProbe.Set(time.Since(start).Seconds()) // want `latency measured around a request recorded into a gauge`
}

func (d *db) pinger(urls <-chan string) {
	for u := range urls {
		d.ping(u)
	}
}

// runs keeps the mean duration of a periodic job's runs: each window
// holds one run.
type runs struct {
	total time.Duration
	n     int
}

func (r *runs) record(job func()) {
	start := time.Now()
	job()
	r.total += time.Since(start)
	r.n++
}

func (r *runs) mean() time.Duration { return r.total / time.Duration(r.n) }

func (r *runs) loop(job func()) {
	for {
		r.record(job)
		time.Sleep(time.Hour)
	}
}
