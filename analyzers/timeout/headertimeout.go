package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// headerBounded reports whether the client literal's Transport is an
// http.Transport built in view whose ResponseHeaderTimeout is set: a
// literal that sets it, or a local variable (a literal, a Clone of
// http.DefaultTransport) given one in the function, directly or by a
// helper that sets it (jaeger-client-go's sampler: Clone, then
// `t.ResponseHeaderTimeout = 10 * time.Second`). Dial, TLS handshake and
// the wait for the response are then bounded, which is the remedy the
// message gives for a request with no context; a server that stalls in
// the middle of the body is out of this analyzer's scope.
func (c *checker) headerBounded(cur inspector.Cursor, lit *ast.CompositeLit, t types.Type) bool {
	tr := fieldValue(lit, t, "Transport")
	if tr == nil {
		return false
	}
	if c.transportLitBounded(tr) {
		return true
	}
	id, ok := ast.Unparen(tr).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	defs, ok := flow.Defs(c.info, body, v)
	if !ok || len(defs) == 0 {
		return false
	}
	everyLit := true
	start := token.NoPos
	for _, d := range defs {
		if d.Expr == nil {
			return false
		}
		if !start.IsValid() || d.Expr.Pos() < start {
			start = d.Expr.Pos()
		}
		if !c.transportLitBounded(d.Expr) {
			everyLit = false
		}
	}
	if everyLit {
		return true
	}
	path := flow.Path{Root: v}
	return flow.FieldSet(c.info, body, start, path, "ResponseHeaderTimeout") || c.setByCall(body, start, path, "ResponseHeaderTimeout")
}

// transportLitBounded reports whether e is an http.Transport literal (or
// its address) that sets ResponseHeaderTimeout to a non-zero value.
func (c *checker) transportLitBounded(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	t := c.info.TypeOf(lit)
	if !match.IsType(t, "net/http.Transport") {
		return false
	}
	set, zero := litField(c.info, lit, t, "ResponseHeaderTimeout")
	return set && !zero
}
