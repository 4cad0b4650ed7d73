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
	analysistest.Run(t, analysistest.TestData(), retrystorm.New(retrystorm.Config{}), "unixsocket")
}
