// Package mean computes averages of durations by hand.
package mean

import (
	"fmt"
	"time"
)

type stats struct {
	total time.Duration
	n     int
	busy  time.Duration
	since time.Time
}

func (s *stats) observe(d time.Duration) {
	s.total += d
	s.n++
}

func (s *stats) mean() time.Duration {
	if s.n == 0 {
		return 0
	}
	return s.total / time.Duration(s.n) // want `average latency computed by hand`
}

func loadTest(calls []func()) {
	var total time.Duration
	for _, call := range calls {
		start := time.Now()
		call()
		total += time.Since(start)
	}
	fmt.Println("avg", total.Seconds()/float64(len(calls))) // want `average latency computed by hand`
}

func floatTotal(calls []func()) float64 {
	var ms float64
	for _, call := range calls {
		start := time.Now()
		call()
		ms = ms + float64(time.Since(start).Milliseconds())
	}
	return ms / float64(len(calls)) // want `average latency computed by hand`
}

// utilization is a ratio of two durations, not a mean.
func (s *stats) utilization(work func()) float64 {
	start := time.Now()
	work()
	s.busy += time.Since(start)
	return float64(s.busy) / float64(time.Since(s.since))
}

// inMillis changes units: a constant divisor.
func (s *stats) inMillis() float64 {
	return float64(s.busy) / float64(time.Millisecond)
}

// half is not a count either.
func (s *stats) half() time.Duration {
	return s.busy / 2
}

// sizes are not durations.
func sizes(xs [][]byte) int {
	total := 0
	for _, x := range xs {
		total += len(x)
	}
	return total / len(xs)
}

// logged durations per request are fine.
func logged(call func()) {
	start := time.Now()
	call()
	fmt.Println("took", time.Since(start))
}
