package latency

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// inBenchmark reports whether cur is in a function, or a function
// literal within one, that takes a *testing.B. A benchmark measures in a
// lab, and go test reports its result as a mean per operation by design
// (ns/op, b.ReportMetric's per-op values): its mean is the benchmark
// format, not a service's latency record (tune3: go-redis's HSET
// benchmarks, 3 of 3 false). A mean in a test or in production code is
// still reported.
func (c *checker) inBenchmark(cur inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := match.FuncParts(f.Node())
		for _, field := range ft.Params.List {
			if t, ok := c.info.TypeOf(field.Type).(*types.Pointer); ok && match.IsType(t.Elem(), "testing.B") {
				return true
			}
		}
	}
	return false
}
