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
	body, ok := flow.EnclosingFunc(cur)
	return ok && c.transportBounded(body, tr, 0)
}

// transportBounded reports whether every value of the transport
// expression e, in the function whose body is body, is an http.Transport
// built in view with ResponseHeaderTimeout set: a literal that sets it,
// a local variable given such values or given one by an assignment or a
// helper after it is made, or a call of a function of the package that
// returns only such transports (obs's getInternalTransport()).
func (c *checker) transportBounded(body inspector.Cursor, e ast.Expr, depth int) bool {
	if c.transportLitBounded(e) {
		return true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return c.returnsBoundedTransport(match.Callee(c.info, call), depth)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
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
		if !c.transportLitBounded(d.Expr) && (d.Index != 0 || !c.transportBounded(body, d.Expr, depth+1)) {
			everyLit = false
		}
	}
	if everyLit {
		return true
	}
	path := flow.Path{Root: v}
	return flow.FieldSet(c.info, body, start, path, "ResponseHeaderTimeout") || c.setByCall(body, start, path, "ResponseHeaderTimeout")
}

// returnsBoundedTransport reports whether fn, a function of this package,
// returns a bounded transport (see transportBounded) from every return
// statement of its body.
func (c *checker) returnsBoundedTransport(fn *types.Func, depth int) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg || depth > 3 {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn)
	if decl == nil || decl.Body == nil || decl.Type.Results == nil || decl.Type.Results.NumFields() != 1 {
		return false
	}
	body, ok := c.root.FindNode(decl.Body)
	if !ok {
		return false
	}
	returns, bounded := 0, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a literal's returns are its own
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != 1 || !c.transportBounded(body, n.Results[0], depth+1) {
				bounded = false
			}
		}
		return bounded
	})
	if !bounded {
		return false
	}
	return returns > 0
}

// transportLitBounded reports whether e is an http.Transport literal (or
// its address) that sets ResponseHeaderTimeout to a non-zero value.
func (c *checker) transportLitBounded(e ast.Expr) bool {
	lit := match.CompositeLit(e)
	if lit == nil {
		return false
	}
	t := c.info.TypeOf(lit)
	if !match.IsType(t, "net/http.Transport") {
		return false
	}
	set, zero := litField(c.info, lit, t, "ResponseHeaderTimeout")
	return set && !zero
}
