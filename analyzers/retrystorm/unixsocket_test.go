package retrystorm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/retrystorm"
)

// A bounded retry of a dial of a Unix-domain socket is left alone; a Unix
// dial retried forever, a TCP dial and a network the analyzer cannot see
// are still reported.
func TestUnixSocket(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{Strict: true}), "unixsocket")
}

// A retry of a readiness probe (a database ping, a GET read only for its
// status) bounded by a constant count of at most ten or a deadline is
// left alone; forever, by a variable count, above the cap, with no delay,
// or of a request that carries work it is still reported.
func TestProbe(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{Strict: true}), "probe")
}
