package retrystorm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/retrystorm"
)

// A bounded retry of a dial to this machine is left alone; the same loop
// to an address out of view, or without a bound, is reported.
func TestLocalDial(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{Strict: true}), "localdial")
}
