package timeout_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/ctxdeadline"
	"github.com/distlint/distlint/analyzers/timeout"
)

// quiet collects what analysistest would report as unexpected: here the
// diagnostics are compared, not matched against want comments.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// One mistake, one finding: timeout and ctxdeadline never report the same
// call (issue #14). A request that carries a context is ctxdeadline's; a
// client or dial with nothing to bound it is timeout's.
func TestNoOverlapWithCtxdeadline(t *testing.T) {
	dir := analysistest.TestData()
	seen := make(map[string]string)
	count := 0
	for _, a := range []struct {
		name string
		run  func() []*analysistest.Result
	}{
		{"timeout", func() []*analysistest.Result {
			return analysistest.Run(quiet{}, dir, timeout.New(timeout.Config{}), "overlap")
		}},
		{"ctxdeadline", func() []*analysistest.Result {
			return analysistest.Run(quiet{}, dir, ctxdeadline.New(ctxdeadline.Config{}), "overlap")
		}},
	} {
		for _, r := range a.run() {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			for _, d := range r.Diagnostics {
				pos := r.Pass.Fset.Position(d.Pos)
				line := fmt.Sprintf("%s:%d", pos.Filename, pos.Line)
				count++
				if other, ok := seen[line]; ok && other != a.name {
					t.Errorf("%s: reported by %s and %s: %s", line, other, a.name, d.Message)
				}
				seen[line] = a.name
			}
		}
	}
	// The shapes are findings for one of the two: the test compares
	// something.
	if count < 4 {
		t.Errorf("%d findings in overlap, want at least 4", count)
	}
}
