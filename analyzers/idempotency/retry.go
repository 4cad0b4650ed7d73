package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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

func (f *funcFlow) retryLoop(cur inspector.Cursor, call *ast.CallExpr) string {
	return f.c.retryLoop(cur, call)
}

// retryLoop returns what calls call again after an error ("this retry
// loop", "backoff.Retry", a retry helper of the program), or "" if
// nothing in view does.
func (c *checker) retryLoop(cur inspector.Cursor, call *ast.CallExpr) string {
	// A call in a function literal handed to a backoff library or to a
	// retry helper.
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := e.Node().(*ast.FuncLit); !ok {
			break
		}
		if k, i := e.ParentEdge(); k == edge.CallExpr_Args {
			outer := e.Parent().Node().(*ast.CallExpr)
			if fn := match.Callee(c.info, outer); fn != nil && fn.Pkg() != nil {
				if isRetryLib(fn.Pkg().Path()) {
					return fn.Pkg().Name() + "." + fn.Name()
				}
				if slices.Contains(c.retriedParams(fn), i) && !isMethodExpr(c.info, outer) {
					return funcName(fn)
				}
			}
		}
		break
	}
	errVar := c.errResult(cur)
	if errVar == nil {
		return ""
	}
	loop, ok := innermostLoop(cur)
	if !ok || !c.retryShaped(loop.Node()) {
		return ""
	}
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	// A retry loop goes round again after a failure and leaves after a
	// success; a loop that sends again after a success too (a periodic
	// renewal, a heartbeat) repeats by design, not because an outcome
	// was lost.
	again, leaves := false, c.terminates(body)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.IfStmt:
			switch c.errTest(n.Cond, errVar) {
			case token.NEQ: // if err != nil { ...; continue } or falls through
				again = again || !c.terminates(n.Body)
			case token.EQL: // if err == nil { return / break }
				if c.terminates(n.Body) {
					again, leaves = true, true
				}
			}
		}
		return true
	})
	if again && leaves {
		return "this retry loop"
	}
	return ""
}

// retriedParams returns the func parameters that fn, a retry helper of
// the package or of an analyzed dependency, calls again after a failure.
func (c *checker) retriedParams(fn *types.Func) []int {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.retries[fn]
	}
	var f RetriesFunc
	if c.pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
}

// retryHelpers finds the package's retry helpers, functions that call a
// func parameter again after it fails (in a retry loop, through a backoff
// library or another retry helper), and exports them as facts.
func (c *checker) retryHelpers() {
	c.retries = make(map[*types.Func][]int)
	type helper struct {
		fn     *types.Func
		decl   inspector.Cursor
		params map[*types.Var]int
	}
	var cands []helper
	for file := range c.insp.Root().Children() {
		for d := range file.Children() {
			fd, ok := d.Node().(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := make(map[*types.Var]int)
			for i := range fn.Signature().Params().Len() {
				p := fn.Signature().Params().At(i)
				if _, ok := p.Type().Underlying().(*types.Signature); ok {
					params[p] = i
				}
			}
			if len(params) > 0 {
				cands = append(cands, helper{fn, d, params})
			}
		}
	}
	// Helpers may call helpers: repeat until nothing changes (each round
	// adds a parameter, so the rounds are bounded by their number).
	for changed := true; changed; {
		changed = false
		for _, h := range cands {
			for cur := range h.decl.Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				var retried []*types.Var
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						if _, isParam := h.params[v]; isParam && c.retryLoop(cur, call) != "" {
							retried = append(retried, v)
						}
					}
				}
				if fn := match.Callee(c.info, call); fn != nil && !isMethodExpr(c.info, call) {
					for _, i := range c.retriedParams(fn) {
						if i < len(call.Args) {
							if id, ok := ast.Unparen(call.Args[i]).(*ast.Ident); ok {
								if v, ok := c.info.Uses[id].(*types.Var); ok {
									retried = append(retried, v)
								}
							}
						}
					}
				}
				for _, v := range retried {
					if i, ok := h.params[v]; ok && !slices.Contains(c.retries[h.fn], i) {
						c.retries[h.fn] = append(c.retries[h.fn], i)
						slices.Sort(c.retries[h.fn])
						changed = true
					}
				}
			}
		}
	}
	for fn, ps := range c.retries {
		c.pass.ExportObjectFact(fn, &RetriesFunc{Params: ps})
	}
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
func (c *checker) errResult(cur inspector.Cursor) *types.Var {
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
	v, ok := c.info.ObjectOf(id).(*types.Var)
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
func (c *checker) retryShaped(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Cond == nil {
			return true
		}
		if c.indexesWithCounter(l) {
			return false // for i := 0; i < len(xs); i++ { ... xs[i] ... }
		}
		b, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
			return isInteger(c.info.TypeOf(b.X)) && isInteger(c.info.TypeOf(b.Y))
		}
	case *ast.RangeStmt:
		return isInteger(c.info.TypeOf(l.X))
	}
	return false
}

// indexesWithCounter reports whether the loop's counter, declared in its
// init statement, indexes something in its body: the loop walks a
// collection, one item per iteration.
func (c *checker) indexesWithCounter(l *ast.ForStmt) bool {
	init, ok := l.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 {
		return false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	counter := c.info.Defs[id]
	if counter == nil {
		return false
	}
	found := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && !found {
			if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && c.info.Uses[id] == counter {
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
func (c *checker) errTest(cond ast.Expr, errVar *types.Var) token.Token {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return token.ILLEGAL
	}
	switch b.Op {
	case token.NEQ, token.EQL:
		x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
		if c.isNil(x) {
			x, y = y, x
		}
		if id, ok := x.(*ast.Ident); ok && c.info.Uses[id] == errVar && c.isNil(y) {
			return b.Op
		}
	case token.LOR:
		// if err != nil || resp.StatusCode >= 500 { retry }
		if op := c.errTest(b.X, errVar); op == token.NEQ {
			return op
		}
	case token.LAND:
		// if err == nil && done { return }
		for _, e := range []ast.Expr{b.X, b.Y} {
			if op := c.errTest(e, errVar); op == token.EQL {
				return op
			}
		}
	}
	return token.ILLEGAL
}

func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}

// terminates reports whether a block ends by leaving the loop or the
// function: return, break, goto, panic, or a call that does not return
// (os.Exit, log.Fatal and friends, runtime.Goexit).
func (c *checker) terminates(b *ast.BlockStmt) bool {
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
			return match.NoReturn(c.info, call)
		}
	}
	return false
}
