package mean

import (
	"fmt"
	"time"
)

// A service's stats, as its API reports them: each endpoint's total
// processing time, measured by the service.
type EndpointStats struct {
	Name           string        `json:"name"`
	NumRequests    int           `json:"num_requests"`
	ProcessingTime time.Duration `json:"processing_time"`
}

// Totals a remote service summed, divided here for a summary line: the
// individual durations never reach this code.
func summary(stats []EndpointStats) {
	var runTime time.Duration
	var requests int
	for _, e := range stats {
		runTime += e.ProcessingTime
		requests += e.NumRequests
	}
	fmt.Println("avg", runTime/time.Duration(requests))
}

// A wait derived from the running mean of reply gaps, plus a slack the
// user sets: acted on, not reported.
func nextWait(gaps []time.Duration, slack time.Duration) time.Duration {
	var sum time.Duration
	for _, start := range gaps {
		sum += time.Since(time.Now().Add(-start))
	}
	return sum/time.Duration(len(gaps)) + slack
}

// Look-alikes: in-process records of measured durations, and a mean plus
// a constant (a unit shift), are still means reported by hand.
type localRecord struct {
	took time.Duration
}

func localSummary(rs []localRecord) {
	var total time.Duration
	for _, r := range rs {
		total += r.took
	}
	fmt.Println("avg", total/time.Duration(len(rs))) // want `average latency computed by hand`
}

func shifted(calls []func()) time.Duration {
	var total time.Duration
	for _, call := range calls {
		start := time.Now()
		call()
		total += time.Since(start)
	}
	return total/time.Duration(len(calls)) + time.Millisecond // want `average latency computed by hand`
}

// A field kept off the wire (json:"-") is an in-process measurement.
type timedCall struct {
	Name string        `json:"name"`
	Took time.Duration `json:"-"`
}

func callSummary(cs []timedCall) {
	var total time.Duration
	for _, c := range cs {
		total += c.Took
	}
	fmt.Println("avg", total/time.Duration(len(cs))) // want `average latency computed by hand`
}
