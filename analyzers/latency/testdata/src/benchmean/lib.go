// Package benchmean computes means in benchmarks and elsewhere.
package benchmean

import "time"

// Mean in production code is still reported.
func Mean(totalTimes []time.Duration) int64 {
	sumTime := time.Duration(0)
	for _, t := range totalTimes {
		sumTime += t
	}
	return sumTime.Milliseconds() / int64(len(totalTimes)) // want `average latency computed by hand`
}
