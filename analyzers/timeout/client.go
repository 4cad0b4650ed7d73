package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// stubTransport reports whether the client literal's Transport is a
// value of a type declared in this package whose RoundTrip cannot reach
// the network: it calls nothing but package errors and fmt and builtins
// (Prometheus's failingRoundTripper: a client that fails every request
// at once has nothing to wait for).
func (c *checker) stubTransport(lit *ast.CompositeLit, t types.Type) bool {
	transport := fieldValue(lit, t, "Transport")
	if transport == nil {
		return false
	}
	tt := c.info.TypeOf(transport)
	if tt == nil {
		return false
	}
	if _, isIface := tt.Underlying().(*types.Interface); isIface {
		return false // the dynamic type is out of view
	}
	obj, _, _ := types.LookupFieldOrMethod(tt, true, c.pass.Pkg, "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	stub := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !stub {
			return stub
		}
		if tv, ok := c.info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true // conversion or builtin
		}
		callee := match.Callee(c.info, call)
		if callee == nil || callee.Pkg() == nil || (callee.Pkg().Path() != "errors" && callee.Pkg().Path() != "fmt") {
			stub = false
		}
		return stub
	})
	return stub
}

// client reports an http.Client value with no Timeout made at cur, when
// it can see harm: the client sends a request that carries no context
// (Get, Head, Post, PostForm, or Do with a request from http.NewRequest),
// so nothing bounds the wait, or the client escapes to where its
// requests cannot be seen (returned, handed to a function with no
// context, stored in another package's struct or in an exported
// location nothing here sends through). Requests that carry a context
// are left to that context: a parameter's deadline is the caller's to
// set, and a context without one is ctxdeadline's finding.
func (c *checker) client(cur inspector.Cursor, rng analysis.Range, explicitZero bool) {
	if c.setLater(cur, rng.End(), "Timeout") || c.mayHoldOther(cur) {
		return
	}
	why, ok := c.clientEvidence(cur)
	if !ok {
		return
	}
	const remedy = "set Timeout (for example 30 * time.Second) or send every request with a context deadline; for large downloads, which a whole-request Timeout would cut off, bound the wait for the response with Transport.ResponseHeaderTimeout"
	if explicitZero {
		c.rep.Reportf(rng, "client", "http.Client Timeout is 0, which means no timeout, and %s: %s; %s", why, msgHang, remedy)
		return
	}
	c.rep.Reportf(rng, "client", "http.Client has no Timeout and %s: %s; %s", why, msgHang, remedy)
}

// setLater reports whether one of fields is assigned a non-zero value,
// after pos in the enclosing function, on the location that the value
// made at cur is stored into.
func (c *checker) setLater(cur inspector.Cursor, pos token.Pos, fields ...string) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	return ok && (flow.FieldSet(c.info, body, pos, path, fields...) || c.setByCall(body, pos, path, fields...))
}

// setByCall reports whether, after pos in scope, the location path (or
// a value holding it) is handed to a function that sets one of fields on
// it (a setter method, a configure helper), by the SetsTimeouts facts.
func (c *checker) setByCall(scope inspector.Cursor, pos token.Pos, path flow.Path, fields ...string) bool {
	for cur := range scope.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() < pos {
			continue
		}
		fn := match.Callee(c.info, call)
		if fn == nil {
			continue
		}
		for _, a := range callArgs(c.info, call) {
			p, ok := flow.PathOf(c.info, a.expr)
			if !ok || p.Root != path.Root || len(p.Fields) > len(path.Fields) || !p.Equal(flow.Path{Root: path.Root, Fields: path.Fields[:len(p.Fields)]}) {
				continue
			}
			rest := fieldPath(path.Fields[len(p.Fields):])
			for _, f := range fields {
				full := f
				if rest != "" {
					full = rest + "." + f
				}
				if set, _ := c.setsOn(fn, a.index, full); set {
					return true
				}
			}
		}
	}
	return false
}

// target is flow.Target, extended to a declared name (var c http.Client).
func (c *checker) target(cur inspector.Cursor) (flow.Path, bool) {
	if id, ok := cur.Node().(*ast.Ident); ok && cur.ParentEdgeKind() == edge.ValueSpec_Names {
		return flow.PathOf(c.info, id)
	}
	return flow.Target(c.info, cur)
}

// mayHoldOther reports whether the local variable the client made at cur
// is stored in is also given a client from elsewhere (`clone :=
// http.Client{}; if client != nil { clone = *client }`): the zero client
// is a default, and the variable's requests may go through the caller's
// client, with its Timeout (tune corpus: zitadel's key-binding client).
func (c *checker) mayHoldOther(cur inspector.Cursor) bool {
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	// The assignments to the variable (flow.Defs gives up where its
	// address is taken, which a returned &clone does).
	var values []ast.Expr
	for ac := range body.Preorder((*ast.AssignStmt)(nil)) {
		as := ac.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && c.info.ObjectOf(id) == path.Root {
				if len(as.Lhs) != len(as.Rhs) {
					return true // from a call with several results
				}
				values = append(values, as.Rhs[i])
			}
		}
	}
	for _, v := range values {
		e := ast.Unparen(v)
		if u, isAddr := e.(*ast.UnaryExpr); isAddr && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		switch e := e.(type) {
		case *ast.CompositeLit:
			continue
		case *ast.CallExpr:
			if match.IsBuiltin(c.info, e, "new") {
				continue
			}
		case *ast.SelectorExpr:
			if match.IsPkgVar(c.info.Uses[e.Sel], netHTTP, "DefaultClient") {
				continue // no Timeout either
			}
		}
		return true
	}
	return false
}
