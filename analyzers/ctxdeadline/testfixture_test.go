package ctxdeadline_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/ctxdeadline"
	"github.com/distlint/distlint/internal/report"
)

// With -tests, a test's database calls are silent; its HTTP requests and
// the same database call outside tests are reported.
func TestTestDatabase(t *testing.T) {
	policy := &report.Policy{Tests: true}
	analysistest.Run(t, analysistest.TestData(), ctxdeadline.New(ctxdeadline.Config{Policy: policy}), "testfixture")
}
