package retrystorm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/retrystorm"
	"github.com/distlint/distlint/internal/report"
)

// With -tests, a test's retry loops against its fixtures are silent; the
// same loops outside test code are reported.
func TestTestCode(t *testing.T) {
	policy := &report.Policy{Tests: true}
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{Policy: policy, Strict: true}), "intests")
}
