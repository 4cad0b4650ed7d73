package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// retryPkgs are backoff libraries whose functions call a function again
// when it fails.
var retryLibs = []string{
	"github.com/cenkalti/backoff",
	"github.com/avast/retry-go",
	"k8s.io/client-go/util/retry",
	"k8s.io/apimachinery/pkg/util/wait",
}

// retryLoop returns what resends the request of a send after an error
// ("this retry loop", "backoff.Retry"), or "" if nothing in view does.
func (f *funcFlow) retryLoop(cur inspector.Cursor, call *ast.CallExpr) string {
	// A send in a function literal handed to a backoff library.
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := e.Node().(*ast.FuncLit); !ok {
			break
		}
		if e.ParentEdgeKind() == edge.CallExpr_Args {
			if fn := match.Callee(f.c.info, e.Parent().Node().(*ast.CallExpr)); fn != nil && fn.Pkg() != nil && isRetryLib(fn.Pkg().Path()) {
				return fn.Pkg().Name() + "." + fn.Name()
			}
		}
		break
	}
	errVar := f.errResult(cur)
	if errVar == nil {
		return ""
	}
	loop, ok := innermostLoop(cur)
	if !ok || !f.retryShaped(loop.Node()) {
		return ""
	}
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.IfStmt:
			switch f.errTest(n.Cond, errVar) {
			case token.NEQ: // if err != nil { ...; continue } or falls through
				found = !f.terminates(n.Body)
			case token.EQL: // if err == nil { return / break }
				found = f.terminates(n.Body)
			}
		}
		return true
	})
	if found {
		return "this retry loop"
	}
	return ""
}

func isRetryLib(path string) bool {
	for _, p := range retryLibs {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// errResult returns the variable that receives the error result of the
// call at cur.
func (f *funcFlow) errResult(cur inspector.Cursor) *types.Var {
	at := cur
	for {
		if _, ok := at.Parent().Node().(*ast.ParenExpr); ok {
			at = at.Parent()
			continue
		}
		break
	}
	var lhs []ast.Expr
	switch p := at.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				lhs = append(lhs, n)
			}
		}
	}
	if len(lhs) == 0 {
		return nil
	}
	id, ok := ast.Unparen(lhs[len(lhs)-1]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.c.info.ObjectOf(id).(*types.Var)
	if !ok || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// innermostLoop returns the innermost loop around cur in its function.
func innermostLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
}

// retryShaped reports whether a loop counts attempts or runs until it is
// left: for {}, for i := 0; i < n; i++, for range n. Loops over a
// collection or an input (for _, x := range xs, for sc.Scan()) send one
// request per item, not one request again.
func (f *funcFlow) retryShaped(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Cond == nil {
			return true
		}
		if f.indexesWithCounter(l) {
			return false // for i := 0; i < len(xs); i++ { ... xs[i] ... }
		}
		b, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
			return isInteger(f.c.info.TypeOf(b.X)) && isInteger(f.c.info.TypeOf(b.Y))
		}
	case *ast.RangeStmt:
		return isInteger(f.c.info.TypeOf(l.X))
	}
	return false
}

// indexesWithCounter reports whether the loop's counter, declared in its
// init statement, indexes something in its body: the loop walks a
// collection, one item per iteration.
func (f *funcFlow) indexesWithCounter(l *ast.ForStmt) bool {
	init, ok := l.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 {
		return false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	counter := f.c.info.Defs[id]
	if counter == nil {
		return false
	}
	found := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && !found {
			if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && f.c.info.Uses[id] == counter {
				found = true
			}
		}
		return !found
	})
	return found
}

func isInteger(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// errTest returns the operator (!= or ==) of a condition that compares
// errVar with nil, alone or as one operand of && or ||.
func (f *funcFlow) errTest(cond ast.Expr, errVar *types.Var) token.Token {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return token.ILLEGAL
	}
	switch b.Op {
	case token.NEQ, token.EQL:
		x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
		if f.isNil(x) {
			x, y = y, x
		}
		if id, ok := x.(*ast.Ident); ok && f.c.info.Uses[id] == errVar && f.isNil(y) {
			return b.Op
		}
	case token.LOR:
		// if err != nil || resp.StatusCode >= 500 { retry }
		if op := f.errTest(b.X, errVar); op == token.NEQ {
			return op
		}
	}
	return token.ILLEGAL
}

func (f *funcFlow) isNil(e ast.Expr) bool {
	tv, ok := f.c.info.Types[e]
	return ok && tv.IsNil()
}

// terminates reports whether a block ends by leaving the loop or the
// function: return, break, goto, panic, or a call that does not return
// (os.Exit, log.Fatal and friends, runtime.Goexit).
func (f *funcFlow) terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.GOTO
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return match.NoReturn(f.c.info, call)
		}
	}
	return false
}
