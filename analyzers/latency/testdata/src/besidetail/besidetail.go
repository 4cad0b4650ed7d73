// Package besidetail keeps averages of durations next to evidence that
// the tail is shown too: percentiles of the same samples, or each
// duration exported on its own.
package besidetail

import (
	"expvar"
	"net/http"
	"sort"
	"time"
)

// Latencies is a load-test report's latency columns: the mean is one
// column beside the percentiles of the same samples.
type Latencies struct {
	Total   time.Duration
	Mean    time.Duration
	P50     time.Duration
	P99     time.Duration
	Max     time.Duration
	samples []time.Duration
}

func (l *Latencies) Add(d time.Duration) {
	l.Total += d
	l.samples = append(l.samples, d)
	if d > l.Max {
		l.Max = d
	}
}

func (l *Latencies) quantile(q float64) time.Duration {
	if len(l.samples) == 0 {
		return 0
	}
	sort.Slice(l.samples, func(i, j int) bool { return l.samples[i] < l.samples[j] })
	return l.samples[int(q*float64(len(l.samples)-1))]
}

type Report struct {
	Latencies Latencies
	Requests  uint64
}

func (r *Report) Add(d time.Duration) {
	r.Requests++
	r.Latencies.Add(d)
}

func (r *Report) Close() {
	r.Latencies.Mean = time.Duration(float64(r.Latencies.Total) / float64(r.Requests))
	r.Latencies.P50 = r.Latencies.quantile(0.50)
	r.Latencies.P99 = r.Latencies.quantile(0.99)
}

// Summary is filled in one composite literal, mean beside P95.
type Summary struct {
	Mean time.Duration
	P95  time.Duration
}

func summarize(ds []time.Duration) Summary {
	var total time.Duration
	for _, d := range ds {
		total += d
	}
	return Summary{Mean: total / time.Duration(len(ds)), P95: percentile(ds, 0.95)}
}

func percentile(ds []time.Duration, q float64) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[int(q*float64(len(ds)-1))]
}

// Look-alikes: a mean with no percentile beside it.

// meanMax has a mean and a maximum, no percentile.
type meanMax struct {
	total time.Duration
	n     int
	Mean  time.Duration
	Max   time.Duration
}

func (m *meanMax) add(d time.Duration) {
	m.total += d
	m.n++
	m.Mean = m.total / time.Duration(m.n) // want `average latency computed by hand`
	m.Max = max(m.Max, d)
}

// unfilled declares a P99 that nothing fills.
type unfilled struct {
	total time.Duration
	n     int
	Mean  time.Duration
	P99   time.Duration
}

func (u *unfilled) add(d time.Duration) {
	u.total += d
	u.n++
	u.Mean = u.total / time.Duration(u.n) // want `average latency computed by hand`
}

// zeroTail sets the percentile to zero in the literal.
func zeroTail(ds []time.Duration) Summary {
	var total time.Duration
	for _, d := range ds {
		total += d
	}
	return Summary{Mean: total / time.Duration(len(ds)), P95: 0} // want `average latency computed by hand`
}

var (
	collectLast    = expvar.NewFloat("collect_seconds_last")
	collectSeconds = expvar.NewFloat("collect_seconds_total")
	collects       = expvar.NewInt("collects_total")
	otherLast      = expvar.NewFloat("other_seconds_last")
)

type set struct{ work func() }

// Collect times itself: each run's duration is exported in a gauge, the
// sum and count beside it measure busy time and cadence.
func (s *set) Collect() {
	t0 := time.Now()
	defer func() {
		dur := time.Since(t0).Seconds()
		collectLast.Set(dur)
		collectSeconds.Add(dur)
		collects.Add(1)
	}()
	s.work()
}

// Look-alikes: the sum and count with no per-run export of the same
// duration.

// collectNoGauge keeps only the sum and the count.
func (s *set) collectNoGauge() {
	t0 := time.Now()
	defer func() {
		dur := time.Since(t0).Seconds()
		collectSeconds.Add(dur) // want `duration summed into a counter next to a count`
		collects.Add(1)
	}()
	s.work()
}

// collectOther exports another duration in the gauge.
func (s *set) collectOther() {
	t0 := time.Now()
	s.work()
	lock := time.Since(t0).Seconds()
	s.work()
	dur := time.Since(t0).Seconds()
	otherLast.Set(lock)
	collectSeconds.Add(dur) // want `duration summed into a counter next to a count`
	collects.Add(1)
}

// handle sets a gauge per request: the gauge loses requests, so the pair
// beside it is still an average that hides the tail.
func handle(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	serve(w, r)
	dur := time.Since(start).Seconds()
	collectLast.Set(dur)    // want `latency measured per request recorded into a gauge`
	collectSeconds.Add(dur) // want `duration summed into a counter next to a count`
	collects.Add(1)
}

func serve(http.ResponseWriter, *http.Request) {}
