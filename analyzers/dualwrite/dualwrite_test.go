package dualwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/dualwrite"
	"github.com/distlint/distlint/internal/testmod"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), dualwrite.New(dualwrite.Config{}),
		"afterwrite",   // a database write, then a publish
		"beforecommit", // a publish before the write or its commit
		"outbox",       // outbox inserts and relays
		"cache",        // cache writes, invalidations, locks
		"paths",        // exclusive branches, loops, goroutines
		"generics",     // helpers of generic types
		"helpers",      // helpers of helpers, a Begin of another package
	)
}

// The real client libraries, whose interface methods come from export data.
func TestRealLibraries(t *testing.T) {
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, dualwrite.New(dualwrite.Config{}), "./...")
}
