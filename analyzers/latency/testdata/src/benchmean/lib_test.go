package benchmean

import (
	"testing"
	"time"
)

// A benchmark reports a mean per operation: that is go test's format.
func BenchmarkSet(b *testing.B) {
	var totalTimes []time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		totalTimes = append(totalTimes, time.Since(start))
	}
	sumTime := time.Duration(0)
	for _, t := range totalTimes {
		sumTime += t
	}
	avg := sumTime.Milliseconds() / int64(len(totalTimes))
	b.ReportMetric(float64(avg), "ms")
	b.Run("sub", func(b *testing.B) {
		var total time.Duration
		for i := 0; i < b.N; i++ {
			total += time.Since(time.Now())
		}
		b.ReportMetric(float64(total.Nanoseconds()/int64(b.N)), "ns/call")
	})
}

// A test that computes a mean latency is reported as elsewhere.
func TestMean(t *testing.T) {
	var total time.Duration
	var n int
	for i := 0; i < 10; i++ {
		total += time.Since(time.Now())
		n++
	}
	t.Log(total / time.Duration(n)) // want `average latency computed by hand`
}
