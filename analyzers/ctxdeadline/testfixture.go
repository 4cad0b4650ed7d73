package ctxdeadline

import "github.com/distlint/distlint/internal/report"

// testDatabase reports whether s is a database call in test code (a
// _test.go file, or a file that imports a test library), analyzed with
// -tests. A test's database is a fixture the test set up (a local or
// containerized server named by the environment), and go test -timeout
// stops a test that stalls on it, with every goroutine's stack: a
// deadline per statement adds nothing a senior engineer would keep
// (tune3: pgx's stdlib tests, 18 of 18 false). HTTP requests, dials and
// RPCs in tests are still reported, and so is the same database call
// outside test code.
func (c *checker) testDatabase(s *site) bool {
	if s.direct == nil || s.direct.kind != "sql" {
		return false
	}
	return report.IsTestCode(c.pass.Fset, s.file)
}
