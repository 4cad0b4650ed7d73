package requestmean

import (
	"log"
	"log/slog"
	"net/http"
	"time"
)

// Means of requests' latencies that the program uses rather than shows:
// a control input, no one's latency report.

type result struct {
	RTT time.Duration
	Err error
}

type peers struct{ ewma map[string]time.Duration }

func (p *peers) fold(peer string, rtt time.Duration) {
	p.ewma[peer] = (p.ewma[peer]*7 + rtt) / 8
}

// The mean of a few concurrent probes of one peer, returned as the
// probe's result and folded into a ranking of peers.
func (p *peers) probe(c *http.Client, peer string, urls []string) result {
	var res result
	n := 0
	for _, u := range urls {
		start := time.Now()
		if _, err := c.Head(u); err != nil {
			continue
		}
		res.RTT += time.Since(start)
		n++
	}
	res.RTT = res.RTT / time.Duration(n)
	p.fold(peer, res.RTT)
	return res
}

// A mean compared with a limit to pick a mirror.
func fastEnough(c *http.Client, url string, limit time.Duration) bool {
	var total time.Duration
	for range 3 {
		start := time.Now()
		c.Get(url)
		total += time.Since(start)
	}
	return total/3 < limit
}

// A mean handed to a function that sizes a pool from it.
func resize(c *http.Client, url string, rounds int, apply func(time.Duration)) {
	var total time.Duration
	for range rounds {
		start := time.Now()
		c.Get(url)
		total += time.Since(start)
	}
	apply(total / time.Duration(rounds))
}

// Look-alikes that stay reported: the mean reaches a reader.

type Stats struct {
	Latency time.Duration
}

type tracker struct {
	total time.Duration
	n     int
	last  Stats
}

func (t *tracker) send(c *http.Client, url string) {
	start := time.Now()
	c.Get(url)
	t.total += time.Since(start)
	t.n++
}

// Stored in a field of a type that says report.
func (t *tracker) snapshotInto() {
	t.last.Latency = t.total / time.Duration(t.n) // want `average latency computed by hand`
}

// Logged through a local variable.
func (t *tracker) logMean() {
	avg := t.total / time.Duration(t.n) // want `average latency computed by hand`
	slog.Info("upstream latency", "avg", avg)
}

// Returned by a method of a report type.
func (s Stats) Of(t *tracker) time.Duration {
	return t.total / time.Duration(t.n) // want `average latency computed by hand`
}

type status struct {
	AvgRTT time.Duration
	Peers  int
}

type wire struct {
	Latency float64 `json:"latency_ms"`
}

// Stored in a field that says average, and one on the wire.
func (t *tracker) status() (status, wire) {
	s := status{AvgRTT: t.total / time.Duration(t.n)}                  // want `average latency computed by hand`
	w := wire{Latency: float64(t.total.Milliseconds()) / float64(t.n)} // want `average latency computed by hand`
	log.Printf("mean %s", (t.total / time.Duration(t.n)).String())     // want `average latency computed by hand`
	return s, w
}
