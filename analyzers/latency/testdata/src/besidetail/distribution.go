package besidetail

import (
	"log"
	"net/http"
	"sort"
	"time"
)

// Dist is a distribution that keeps the tail: its mean is one statistic
// beside the quantiles its Query method answers.
type Dist struct {
	Count   int64
	Sum     time.Duration
	samples []time.Duration
}

func (d *Dist) Insert(v time.Duration) {
	d.Sum += v
	d.Count++
	d.samples = append(d.samples, v)
}

func (d *Dist) FullAverage() time.Duration {
	if d.Count > 0 {
		return d.Sum / time.Duration(d.Count)
	}
	return 0
}

func (d *Dist) Query(quantile float64) time.Duration {
	if len(d.samples) == 0 {
		return 0
	}
	sort.Slice(d.samples, func(i, j int) bool { return d.samples[i] < d.samples[j] })
	return d.samples[int(quantile*float64(len(d.samples)-1))]
}

// Look-alikes: a type whose Query takes a SQL string, and one with no
// quantile method, keep no tail.

type queryStats struct {
	Count int64
	Sum   time.Duration
}

func (q *queryStats) Observe(r *http.Request, v time.Duration) {
	q.Sum += v
	q.Count++
}

func (q *queryStats) Average() time.Duration {
	return q.Sum / time.Duration(q.Count) // want `average latency computed by hand`
}

func (q *queryStats) Query(sql string) int { return len(sql) }

type plainStats struct {
	Count int64
	Sum   time.Duration
}

func (p *plainStats) Observe(v time.Duration) {
	p.Sum += v
	p.Count++
}

func (p *plainStats) Average() time.Duration {
	return p.Sum / time.Duration(p.Count) // want `average latency computed by hand`
}

// A method of the distribution that logs the mean itself shows no tail.
func (d *Dist) Report() {
	log.Printf("mean %v", d.Sum/time.Duration(d.Count)) // want `average latency computed by hand`
}

// A function literal in the distribution's method is not the method:
// the mean it returns is handed out on its own.
func (d *Dist) AverageFunc() func() time.Duration {
	return func() time.Duration {
		return d.Sum / time.Duration(d.Count) // want `average latency computed by hand`
	}
}
