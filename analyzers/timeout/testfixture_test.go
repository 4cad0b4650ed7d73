package timeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/timeout"
	"github.com/distlint/distlint/internal/report"
)

// With -tests, a test's dial to a fixture it started is silent; a dial
// to a remote host, in a test or not, is reported.
func TestFixtureDial(t *testing.T) {
	policy := &report.Policy{Tests: true}
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{Policy: policy}), "testfixture")
}
