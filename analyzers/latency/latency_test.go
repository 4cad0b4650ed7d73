package latency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/internal/testmod"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), latency.New(latency.Config{}),
		"expvarmetrics", // expvar gauges and counters
		"mean",          // hand-made averages, ratios and unit changes
		"otherlibs",     // go-metrics (armon, hashicorp), rcrowley, go-kit
		"grpcclient",    // a gRPC call between the readings
		"helpercall",    // a network call one function away, and look-alikes
		"noimport",      // a package that cannot matter
		"onejob",        // a command that runs once
		"besidetail",    // means beside percentiles, sums beside per-run exports
	)
}

// TestRealLibraries runs against the real Prometheus client and
// OpenTelemetry metric API.
func TestRealLibraries(t *testing.T) {
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, latency.New(latency.Config{}), "./...")
}
