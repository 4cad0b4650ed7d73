package unboundedqueue_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/unboundedqueue"
	"github.com/distlint/distlint/internal/testmod"
)

// strict returns an instance with -unboundedqueue.strict: every shape
// the analyzer reports, with or without a network call in view.
func strict(t *testing.T) *analysis.Analyzer {
	a := unboundedqueue.New(unboundedqueue.Config{})
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

// The shapes, in strict mode (the behaviour before the evidence
// standard: recall does not fall).
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strict(t),
		"sendgoroutine", // a goroutine per send
		"pump",          // the infinite-channel pump
		"buffers",       // huge constant buffers
		"peritem",       // a goroutine per received item
		"slicequeue",    // slices used as queues
		"spawncall",     // a goroutine per call of a function called per item
		"spawncall/dispatch",
	)
}

// By default a goroutine per item, a slice queue, a goroutine started
// only to send and a huge buffer are reported only when the consumer
// waits on the network (HTTP, database/sql, a gRPC stub, Redis; directly,
// through helpers, through another package's facts); the same shapes
// doing local work, calling a function value, or with no consumer in
// view, are not.
func TestEvidence(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unboundedqueue.New(unboundedqueue.Config{}), "evidence", "evidence/remote")
}

// The threshold is an option: -unboundedqueue.maxbuffer.
func TestMaxBufferOption(t *testing.T) {
	a := strict(t)
	if err := a.Flags.Set("maxbuffer", "100"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "smallthreshold")
	// Another instance keeps the default: flags are per instance.
	if got := unboundedqueue.New(unboundedqueue.Config{}).Flags.Lookup("maxbuffer").Value.String(); got != "10000" {
		t.Errorf("a new instance has maxbuffer %s, want the default 10000", got)
	}
}

// The real golang.org/x/sync (semaphore, errgroup) and golang.org/x/time
// (rate): limits recognised by their types.
func TestRealModules(t *testing.T) {
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, strict(t), "./...")
}
