package timeout

import (
	"go/ast"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/local"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

// inTestCode reports whether cur is in test code: a _test.go file, a
// file that imports a test library (report.IsTestFile), or a test
// double (report.IsTestDouble). Such code runs only under go test,
// whose -timeout bounds every wait.
func (c *checker) inTestCode(cur inspector.Cursor) bool {
	if cur.Inspector() == nil {
		return false // no node
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.File)(nil)) {
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			if report.IsTestDouble(n) {
				return true
			}
		case *ast.File:
			return report.IsTestCode(c.pass.Fset, n)
		}
	}
	return false
}

// fixtureDial reports whether a dial at cur to addr is a test dialing a
// fixture: in test code, to an address that names no remote host. Tests
// dial the servers they started (server.lis.Addr().String(), a helper's
// server.addr(), "localhost:"+port, a dialer's address parameter); such
// a peer cannot be an unreachable host (tune3: grpc's transport and
// credentials tests, 12 of 12 false). A test that dials a constant
// remote host ("db.example.com:5432") can wait on it and is reported.
func (c *checker) fixtureDial(cur inspector.Cursor, addr ast.Expr) bool {
	if !c.inTestCode(cur) {
		return false
	}
	host, ok := local.LeadingConst(c.info, addr)
	if !ok {
		return true // the address is computed: a fixture's, in a test
	}
	return isLoopbackHost(host)
}

// isLoopbackHost reports whether the address, or address prefix, s
// names this machine: empty or a wildcard host, localhost, or a loopback
// IP.
func isLoopbackHost(s string) bool {
	host := s
	if h, _, err := net.SplitHostPort(s); err == nil {
		host = h
	} else if i := strings.LastIndex(s, ":"); i >= 0 && !strings.Contains(s[:i], ":") {
		host = s[:i] // "localhost:" + port
	}
	return local.IsLocalHost(host)
}

// testServer reports whether the server at cur is a test's fixture: in
// test code, in a function that opens the listener it serves on
// (net.Listen, net.ListenTCP, tls.Listen, ListenConfig.Listen). Its only
// clients are the test's own, so slow or idle clients cannot exhaust it
// (tune3: go-retryablehttp's and nats.go's tests, 3 of 3 false). The
// same server outside test code is reported.
func (c *checker) testServer(cur inspector.Cursor) bool {
	if !c.inTestCode(cur) {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	for call := range body.Preorder((*ast.CallExpr)(nil)) {
		fn := match.Callee(c.info, call.Node().(*ast.CallExpr))
		if match.IsFunc(fn, "net", "Listen", "ListenTCP") || match.IsFunc(fn, "crypto/tls", "Listen") || match.IsMethod(fn, "net", "ListenConfig", "Listen") {
			return true
		}
	}
	return false
}
