package unboundedqueue

// A goroutine that only releases the item it was handed: go c.Close()
// closes a connection in the background because Close can wait. It does
// no work with the item and waits on no consumer; it ends when the
// release does.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// releaseMethods release what their receiver holds.
var releaseMethods = []string{"Close", "CloseWithError", "CloseNow", "Release", "Stop", "Cancel"}

// releasesItem reports whether the goroutine that spawn starts only
// releases an item: go c.Close(), or a function literal whose whole body
// is that call (c.Close(), _ = c.Close(), return c.Close()), optionally
// with its error logged (if err := c.Close(); err != nil { log... }).
// The call is one of releaseMethods on the item or a field of it, with
// arguments that do nothing (constants, variables: no call, no
// receive). A goroutine that does anything else with the item (handles
// it, writes to it, passes it to a function) is work, and is reported.
func (c *checker) releasesItem(spawn *ast.CallExpr, items []*types.Var) bool {
	fun := c.goroutineFunc(spawn)
	if fun == ast.Unparen(spawn.Fun) && c.releaseCall(spawn, items) {
		return true // go c.Close()
	}
	lit, ok := fun.(*ast.FuncLit)
	if !ok {
		return false
	}
	bound := append([]*types.Var(nil), items...)
	if lit == ast.Unparen(spawn.Fun) {
		sig, _ := c.info.TypeOf(lit).(*types.Signature)
		for i, arg := range spawn.Args {
			if sig != nil && i < sig.Params().Len() && c.refersTo(arg, items) {
				bound = append(bound, sig.Params().At(i)) // go func(c Conn) { c.Close() }(c)
			}
		}
	}
	return c.releaseBody(lit.Body.List, bound)
}

// releaseBody reports whether stmts are one release call of an item,
// with at most a log of its error: see releasesItem.
func (c *checker) releaseBody(stmts []ast.Stmt, items []*types.Var) bool {
	// The release's error, if it is kept: err := c.Close().
	var errVar *types.Var
	released := func(st ast.Stmt) bool {
		switch s := st.(type) {
		case *ast.ExprStmt:
			call, ok := ast.Unparen(s.X).(*ast.CallExpr)
			return ok && c.releaseCall(call, items)
		case *ast.ReturnStmt:
			if len(s.Results) != 1 {
				return false
			}
			call, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr)
			return ok && c.releaseCall(call, items)
		case *ast.AssignStmt:
			if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
				return false
			}
			call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
			if !ok || !c.releaseCall(call, items) {
				return false
			}
			if !isBlank(s.Lhs[0]) {
				errVar = c.varOf(s.Lhs[0])
				return errVar != nil
			}
			return true
		}
		return false
	}
	switch len(stmts) {
	case 1:
		if ifs, ok := stmts[0].(*ast.IfStmt); ok {
			return ifs.Init != nil && released(ifs.Init) && c.logsError(ifs, errVar)
		}
		return released(stmts[0])
	case 2:
		ifs, ok := stmts[1].(*ast.IfStmt)
		return ok && ifs.Init == nil && released(stmts[0]) && c.logsError(ifs, errVar)
	}
	return false
}

// logsError reports whether the if statement tests the error err (with
// no call but errors.Is) and only logs it, with no else branch.
func (c *checker) logsError(ifs *ast.IfStmt, err *types.Var) bool {
	if err == nil || ifs.Else != nil || !c.refersTo(ifs.Cond, []*types.Var{err}) {
		return false
	}
	ok := true
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if call, isCall := n.(*ast.CallExpr); isCall && !match.IsFunc(match.Callee(c.info, call), "errors", "Is") {
			ok = false
		}
		return ok
	})
	for _, st := range ifs.Body.List {
		switch s := st.(type) {
		case *ast.ExprStmt:
			call, isCall := ast.Unparen(s.X).(*ast.CallExpr)
			ok = ok && isCall && logCall(match.Callee(c.info, call))
		case *ast.ReturnStmt:
			ok = ok && len(s.Results) == 0
		default:
			ok = false
		}
	}
	return ok
}

// releaseCall reports whether call is a release method (releaseMethods)
// called on an item or a field of it, with arguments that do nothing: no
// call but a conversion, no receive, no function literal.
func (c *checker) releaseCall(call *ast.CallExpr, items []*types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn := match.Callee(c.info, call); !ok || fn == nil || fn.Signature().Recv() == nil || !slices.Contains(releaseMethods, fn.Name()) {
		return false
	}
	p, ok := flow.PathOf(c.info, sel.X)
	if !ok || !slices.Contains(items, p.Root) {
		return false
	}
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if tv := c.info.Types[n.Fun]; !tv.IsType() {
					ok = false
				}
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					ok = false
				}
			case *ast.FuncLit:
				ok = false
			}
			return ok
		})
	}
	return ok
}
