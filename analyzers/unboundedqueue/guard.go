package unboundedqueue

// A length check one call away: the push asks a method of the queue
// whether it is full (if m.full() { return false }), and that method
// compares the slice's length with a capacity.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// helperGuarded reports whether the append statement at push runs only
// behind a length check made by a helper: a statement before it, in its
// block or an enclosing one of the method, is an if whose branch stops
// (returns, or panics) or a for that waits (sync.Cond's Wait, a receive)
// while its condition holds, and the condition is decided by a call of a
// function or method of the package, given the receiver or the slice
// (alone, negated or one operand of ||: no && that could skip it), whose
// body compares the length of the same slice with a limit (m.full()
// returning len(m.batches) == cap(m.batches)). The helper is followed
// one call deep, no further. A helper that does not look at the length,
// or a branch that goes on to the append, bounds nothing.
func (c *checker) helperGuarded(push inspector.Cursor, f, recv *types.Var) bool {
	child := push
	for cur := push.Parent(); ; cur = cur.Parent() {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, nil:
			return false
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			for _, st := range stmtList(n) {
				if st.Pos() >= child.Node().Pos() {
					break
				}
				if c.guardStmt(st, f, recv) {
					return true
				}
			}
		}
		child = cur
	}
}

// stmtList returns the statements of a block or a case.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// guardStmt reports whether st stops or waits while a helper's length
// check holds: see helperGuarded.
func (c *checker) guardStmt(st ast.Stmt, f, recv *types.Var) bool {
	switch s := st.(type) {
	case *ast.IfStmt:
		return match.EndsFunction(c.info, s.Body.List) && c.helperCond(s.Cond, f, recv)
	case *ast.ForStmt:
		return s.Cond != nil && s.Init == nil && c.waits(s.Body) && c.helperCond(s.Cond, f, recv)
	}
	return false
}

// waits reports whether the loop body waits: sync.Cond's Wait, or a
// receive.
func (c *checker) waits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.CallExpr:
			found = found || match.IsMethod(match.Callee(c.info, n), "sync", "Cond", "Wait")
		}
		return !found
	})
	return found
}

// helperCond reports whether cond, through parentheses, ! and ||, has an
// operand that is a call of a length-checking helper of the package.
func (c *checker) helperCond(cond ast.Expr, f, recv *types.Var) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.NOT && c.helperCond(e.X, f, recv)
	case *ast.BinaryExpr:
		return e.Op == token.LOR && (c.helperCond(e.X, f, recv) || c.helperCond(e.Y, f, recv))
	case *ast.CallExpr:
		return c.helperChecksLen(e, f, recv)
	}
	return false
}

// helperChecksLen reports whether call is of a function or method of
// the package that is given the receiver recv or its slice recv.f (as
// its receiver or an argument) and whose body compares the length of
// that slice with a limit.
func (c *checker) helperChecksLen(call *ast.CallExpr, f, recv *types.Var) bool {
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn.Origin())
	if decl == nil || decl.Body == nil || decl.Type.Params == nil {
		return false
	}
	holders := make(map[*types.Var]bool) // the helper's names for recv
	ofSlice := make(map[*types.Var]bool) // and for recv.f
	isRecv := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.info.Uses[id] == recv
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && decl.Recv != nil && isRecv(sel.X) {
		for _, fld := range decl.Recv.List {
			for _, name := range fld.Names {
				if v, ok := c.info.Defs[name].(*types.Var); ok {
					holders[v] = true
				}
			}
		}
	}
	i := 0
	for _, fld := range decl.Type.Params.List {
		for _, name := range fld.Names {
			if i < len(call.Args) {
				v, _ := c.info.Defs[name].(*types.Var)
				switch {
				case v == nil:
				case isRecv(call.Args[i]):
					holders[v] = true
				case c.recvSliceField(call.Args[i], recv) == f:
					ofSlice[v] = true
				}
			}
			i++
		}
		if len(fld.Names) == 0 {
			i++
		}
	}
	return c.lenCompared(decl.Body, func(e ast.Expr) bool {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := c.info.Uses[id].(*types.Var)
			return ofSlice[v]
		}
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && holders[c.varOf(id)] && match.SelectedField(c.info, sel) == f
	})
}
