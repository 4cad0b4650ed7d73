package idempotency

// A retry helper that retries only answers the server gave: its loop
// leaves on every error that is not of a type carrying a status code
// (googleapi.Error's Code, an API error's StatusCode), so a request
// whose response was lost (a transport error) is never sent again, and
// a retried request is one the server answered with a failure (429,
// 5xx): it did not perform the write, or said so.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// retriesOnlyAnswers reports whether fn, a function of the package,
// calls its parameters again only after an error that is an answer of
// the server: every loop in its body that calls a function parameter
// leaves, right in its body, when the error is not of a type with a
// status code field (if !ok || ... { return }, with ok from a type
// assertion; if !errors.As(err, &e) || ... { return }).
func (c *checker) retriesOnlyAnswers(fn *types.Func) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn.Origin())
	if decl == nil || decl.Body == nil {
		return false
	}
	loops := 0
	gated := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		default:
			return true
		}
		if !c.callsParam(body, fn) {
			return true
		}
		loops++
		gated = gated && c.leavesUnlessAnswer(body)
		return true
	})
	return loops > 0 && gated
}

// callsParam reports whether body calls a parameter of fn.
func (c *checker) callsParam(body *ast.BlockStmt, fn *types.Func) bool {
	params := fn.Signature().Params()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok {
					for i := range params.Len() {
						found = found || params.At(i) == v
					}
				}
			}
		}
		return !found
	})
	return found
}

// leavesUnlessAnswer reports whether a statement of the loop body is
// if COND { ... return } (or break) where one operand of COND's
// top-level || says the error is not a server's answer.
func (c *checker) leavesUnlessAnswer(body *ast.BlockStmt) bool {
	oks := make(map[types.Object]bool) // ok results of assertions to answer types
	for _, st := range body.List {
		c.answerOK(st, oks)
		is, ok := st.(*ast.IfStmt)
		if !ok || !leaves(is.Body) {
			continue
		}
		c.answerOK(is.Init, oks)
		for _, op := range orOperands(is.Cond) {
			not, ok := ast.Unparen(op).(*ast.UnaryExpr)
			if !ok || not.Op != token.NOT {
				continue
			}
			switch x := ast.Unparen(not.X).(type) {
			case *ast.Ident:
				if oks[c.info.ObjectOf(x)] {
					return true
				}
			case *ast.CallExpr:
				if match.IsFunc(match.Callee(c.info, x), "errors", "As") && len(x.Args) == 2 {
					if ptr, ok := c.info.TypeOf(x.Args[1]).(*types.Pointer); ok && answerType(ptr.Elem()) {
						return true
					}
				}
			}
		}
	}
	return false
}

// answerOK notes in oks the ok variable of st when st is
// x, ok := err.(T) with T an answer type.
func (c *checker) answerOK(st ast.Stmt, oks map[types.Object]bool) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return
	}
	if ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr); ok && ta.Type != nil && answerType(c.info.TypeOf(ta.Type)) {
		if id, ok := as.Lhs[1].(*ast.Ident); ok {
			oks[c.info.ObjectOf(id)] = true
		}
	}
}

// orOperands returns the operands of the top-level || chain of e.
func orOperands(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return append(orOperands(b.X), orOperands(b.Y)...)
	}
	return []ast.Expr{e}
}

// leaves reports whether block ends in a return or a break.
func leaves(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch st := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return st.Tok == token.BREAK && st.Label == nil
	}
	return false
}

// answerType reports whether t (or what it points to) is a struct with
// an integer field named for a status code: an error a server's answer
// makes.
func answerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		switch f.Name() {
		case "Code", "StatusCode", "HTTPStatusCode", "HTTPCode", "Status":
			if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				return true
			}
		}
	}
	return false
}
