package retrystorm

import (
	"go/ast"

	"github.com/distlint/distlint/internal/report"
)

// testCode reports whether f is test code, analyzed with -tests: a
// _test.go file, a file that imports a test library, or a file of a test
// helper package. A retry storm is a fleet's: many clients that failed
// together retrying together against a server that is down. A test is
// one client against a fixture it started, and go test -timeout bounds
// it; its loops count injected failures (pgx's pool test), repeat a call
// that must keep failing (grpc's resolver test), wait for the fixture to
// come up (go-redis's cluster test) or demonstrate a pattern (go-redis's
// WATCH doctest) (tune3: 4 of 4 false). The same loop outside test code
// is reported.
func (c *checker) testCode(f *ast.File) bool {
	return report.IsTestPackage(c.pass.Pkg.Path()) || report.IsTestCode(c.pass.Fset, f)
}
