package latency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/internal/report"
)

// With -tests, a benchmark's mean per operation is silent; the same mean
// in a test or in production code is reported (in strict mode: the
// test's durations are of local work).
func TestBenchmarkMean(t *testing.T) {
	policy := &report.Policy{Tests: true}
	analysistest.Run(t, analysistest.TestData(), strict(t, latency.Config{Policy: policy}), "benchmean")
}
