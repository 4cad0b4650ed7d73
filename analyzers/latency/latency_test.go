package latency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/internal/testmod"
)

// strict returns an instance with -latency.strict, set as a user would:
// every hand-made mean and sum-and-count pair, whether or not the
// durations are seen to be requests' latencies.
func strict(t *testing.T, cfg latency.Config) *analysis.Analyzer {
	a := latency.New(cfg)
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), latency.New(latency.Config{}),
		"expvarmetrics", // expvar gauges and counters
		"otherlibs",     // go-metrics (armon, hashicorp), rcrowley, go-kit
		"grpcclient",    // a gRPC call between the readings
		"helpercall",    // a network call one function away, and look-alikes
		"noimport",      // a package that cannot matter
		"onejob",        // a command that runs once
		"requestmean",   // means and pairs of requests' latencies, and of local work
	)
}

// The means and pairs of durations of local work, timed calls of
// function values and the like, in strict mode (the behaviour before the
// evidence standard: recall does not fall), with the rule's other
// leave-alones.
func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strict(t, latency.Config{}),
		"mean",       // hand-made averages, ratios and unit changes
		"besidetail", // means beside percentiles, sums beside per-run exports
	)
}

// Flags are per instance: -latency.strict on one leaves the default off
// on another.
func TestStrictFlag(t *testing.T) {
	if got := strict(t, latency.Config{}).Flags.Lookup("strict").Value.String(); got != "true" {
		t.Fatalf("strict instance has strict %s", got)
	}
	if got := latency.New(latency.Config{}).Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("a new instance has strict %s, want the default false", got)
	}
	if got := latency.New(latency.Config{Strict: true}).Flags.Lookup("strict").Value.String(); got != "true" {
		t.Errorf("Config{Strict: true} gives strict %s", got)
	}
}

// TestRealLibraries runs against the real Prometheus client and
// OpenTelemetry metric API: the gauge and summary rules, and pairs of
// durations with no request in view, in strict mode; requests' latencies
// and local work by default.
func TestRealLibraries(t *testing.T) {
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, strict(t, latency.Config{}), "./prom/...", "./otelmetric/...", "./jobs/...")
	analysistest.Run(t, dir, latency.New(latency.Config{}), "./evidence/...")
}
