package latency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/internal/report"
)

// With -tests, a benchmark's mean per operation is silent; the same mean
// in a test or in production code is reported.
func TestBenchmarkMean(t *testing.T) {
	policy := &report.Policy{Tests: true}
	analysistest.Run(t, analysistest.TestData(), latency.New(latency.Config{Policy: policy}), "benchmean")
}
