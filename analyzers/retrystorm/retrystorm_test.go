package retrystorm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/retrystorm"
	"github.com/distlint/distlint/internal/testmod"
)

// Each analysistest run loads net/http and its dependencies from source
// (the analyzer uses facts), so the scenarios share runs.

// strict returns an instance with -retrystorm.strict, set as a user
// sets it: every fixed-delay loop is reported, however it is capped (the
// behaviour before the evidence standard; the shapes' tests run in it).
func strict(t *testing.T) *analysis.Analyzer {
	a := retrystorm.New(retrystorm.Config{})
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strict(t),
		"nodelay",       // retries with no delay, bounded or not
		"fixeddelay",    // fixed delays; growing and jittered delays; no limit
		"backofflib",    // loops using backoff libraries are left alone
		"customlib",     // an unknown retry package is not exempt by default
		"distinct",      // ranges over inputs, pagination, polling
		"facts",         // helpers in this package and, by facts, in another
		"facts/netutil", // the other package, and the facts it exports
		"grpcstub",      // gRPC ClientConn.Invoke and generated clients
		"noimport",      // packages that reach no network are left at once
		"notfound",      // waits that go on only after a not-found answer
		"statepoll",     // waits for a state, polled on success as on failure
	)
}

// -retrystorm.backoffpkgs adds retry libraries.
func TestBackoffPkgsOption(t *testing.T) {
	a := retrystorm.New(retrystorm.Config{})
	if err := a.Flags.Set("backoffpkgs", "example.com/myretry, example.com/other"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "customopt")
	// A YAML list in the golangci-lint settings arrives as "[a b]".
	if err := a.Flags.Set("backoffpkgs", "[example.com/myretry example.com/other]"); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("backoffpkgs").Value.String(); got != "example.com/myretry,example.com/other" {
		t.Errorf("backoffpkgs from a YAML list = %q", got)
	}
	// Another instance keeps the default: flags are per instance.
	if got := retrystorm.New(retrystorm.Config{}).Flags.Lookup("backoffpkgs").Value.String(); got != "" {
		t.Errorf("a new instance has backoffpkgs %q, want none", got)
	}
}

// The real google.golang.org/grpc (a generated client, ClientConn.Invoke)
// and github.com/cenkalti/backoff/v4.
func TestRealModules(t *testing.T) {
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, strict(t), "./...")
}

// By default a fixed-delay retry is reported only when nothing but
// cancellation caps it, or when it may make more than ten attempts; one
// capped by a few attempts, by a count from a parameter or a field, or by
// a clock deadline is left alone. Loops with no delay, and growing
// delays with no cap, are reported as in strict mode.
func TestCapped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{}), "capped")
}
