package dualwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/dualwrite"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), dualwrite.New(dualwrite.Config{}),
		"afterwrite",   // a database write, then a publish
		"beforecommit", // a publish before the write or its commit
		"outbox",       // outbox inserts and relays
		"cache",        // cache writes, invalidations, locks
		"paths",        // exclusive branches, loops, goroutines
	)
}
