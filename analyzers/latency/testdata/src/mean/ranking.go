package mean

import (
	"cmp"
	"expvar"
	"slices"
	"sort"
	"time"
)

// Means computed per entry of a collection only to rank the entries (the
// slowest queries of a ring of recent ones, by average duration, next to
// their count): a profiling view, not a latency instrument.

type record struct {
	query    string
	duration time.Duration
}

type queryKey struct{ query string }

type countSum struct {
	count int
	sum   time.Duration
}

type byDuration struct {
	query    string
	duration time.Duration
	count    int
}

func group(records []record) map[queryKey]countSum {
	m := make(map[queryKey]countSum)
	for _, r := range records {
		k := queryKey{r.query}
		ks := m[k]
		ks.count++
		ks.sum += r.duration
		m[k] = ks
	}
	return m
}

func topByAvgDuration(records []record, topN int) []byDuration {
	var a []byDuration
	for k, ks := range group(records) {
		a = append(a, byDuration{
			query:    k.query,
			duration: ks.sum / time.Duration(ks.count),
			count:    ks.count,
		})
	}
	sort.Slice(a, func(i, j int) bool {
		return a[i].duration > a[j].duration
	})
	if len(a) > topN {
		a = a[:topN]
	}
	return a
}

type row struct {
	name string
	avg  float64
}

// Through a local variable, ranked with slices.SortFunc and cmp.Compare.
func slowestSeconds(m map[queryKey]countSum) []row {
	var rows []row
	for k, ks := range m {
		avg := ks.sum.Seconds() / float64(ks.count)
		rows = append(rows, row{name: k.query, avg: avg})
	}
	slices.SortFunc(rows, func(x, y row) int { return cmp.Compare(y.avg, x.avg) })
	return rows
}

type endpoint struct {
	name  string
	total time.Duration
	calls int
	mean  time.Duration
}

type byMean []*endpoint

func (s byMean) Len() int           { return len(s) }
func (s byMean) Less(i, j int) bool { return s[i].mean > s[j].mean }
func (s byMean) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// Stored by assignment in one pass, ranked through sort.Sort.
func rankEndpoints(eps []*endpoint, samples map[string][]time.Duration) {
	for _, ep := range eps {
		for _, d := range samples[ep.name] {
			ep.total += d
			ep.calls++
		}
		ep.mean = ep.total / time.Duration(ep.calls)
	}
	sort.Sort(byMean(eps))
}

// Computed inside the comparator itself.
func rankInline(keys []queryKey, m map[queryKey]countSum) {
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := m[keys[i]], m[keys[j]]
		return a.sum/time.Duration(a.count) > b.sum/time.Duration(b.count)
	})
}

// Look-alikes that stay reported: the same per-entry means, but not a
// ranking by them, or a ranking whose key is also a latency instrument.

type window struct {
	start time.Time
	total time.Duration
	n     int
	avg   time.Duration
}

func (w *window) add(start time.Time) {
	w.total += time.Since(start)
	w.n++
}

// A series of means per time window, kept in time order: the average
// latency of the service over time.
func perWindow(ws []*window) {
	for _, w := range ws {
		w.avg = w.total / time.Duration(w.n) // want `average latency computed by hand`
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].start.Before(ws[j].start) })
}

type named struct {
	name string
	avg  time.Duration
	hits int
}

// Sorted by name, not by the mean.
func byName(m map[queryKey]countSum) []named {
	var out []named
	for k, ks := range m {
		out = append(out, named{name: k.query, avg: ks.sum / time.Duration(ks.count)}) // want `average latency computed by hand`
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

type ranked struct {
	name string
	avg  time.Duration
}

var slowest = expvar.NewFloat("slowest_endpoint_avg_seconds")

// Ranked, and the top mean exported as a metric.
func rankedAndExported(m map[queryKey]countSum) {
	var out []ranked
	for k, ks := range m {
		out = append(out, ranked{name: k.query, avg: ks.sum / time.Duration(ks.count)}) // want `average latency computed by hand`
	}
	sort.Slice(out, func(i, j int) bool { return out[i].avg > out[j].avg })
	if len(out) > 0 {
		slowest.Set(out[0].avg.Seconds())
	}
}

type alerting struct {
	name string
	avg  time.Duration
}

// Ranked, and each mean checked against a latency objective.
func rankedAndAlerting(m map[queryKey]countSum, slo time.Duration, alert func(string)) {
	var out []alerting
	for k, ks := range m {
		out = append(out, alerting{name: k.query, avg: ks.sum / time.Duration(ks.count)}) // want `average latency computed by hand`
	}
	sort.Slice(out, func(i, j int) bool { return out[i].avg > out[j].avg })
	for _, e := range out {
		if e.avg > slo {
			alert(e.name)
		}
	}
}

type backend struct {
	total time.Duration
	n     int
	avg   time.Duration
}

// A running mean updated per request, then used to pick backends: the
// service's latency signal, not a report.
func (b *backend) observe(start time.Time) {
	b.total += time.Since(start)
	b.n++
	b.avg = b.total / time.Duration(b.n) // want `average latency computed by hand`
}

func fastest(bs []*backend) *backend {
	sort.Slice(bs, func(i, j int) bool { return bs[i].avg < bs[j].avg })
	return bs[0]
}

// A mean compared with a threshold outside any sort.
func tooSlow(ks countSum, limit time.Duration) bool {
	return ks.sum/time.Duration(ks.count) > limit // want `average latency computed by hand`
}
