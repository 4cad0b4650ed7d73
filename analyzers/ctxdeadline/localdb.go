package ctxdeadline

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// maxDBHops bounds how far inProcessDB follows a database handle
// through the package's functions and fields.
const maxDBHops = 4

// inProcessDB reports whether the database handle recv (a *sql.DB, or a
// value taken from one) is visibly opened by sql.OpenDB on a connector
// of this package whose Connect does not reach the network: a driver's
// scratch database that serves rows it already holds (fresh tune
// corpus: go-hdb hands a stored procedure's table output to the caller
// through a process-wide sql.DB over its own in-memory driver). Nothing
// there can stall, so no context deadline is needed. Every origin must
// be in view: the handle followed through local variables, the results
// of the package's functions and the values given to an unexported
// field of the package; anything else (a parameter, another package's
// function, sql.Open with a driver name, a connector that dials) is a
// database like any other.
func (c *checker) inProcessDB(scope inspector.Cursor, recv ast.Expr, hops int) bool {
	if hops > maxDBHops {
		return false
	}
	origins, ok := flow.Origins(c.info, scope, recv)
	if !ok || len(origins) == 0 {
		return false
	}
	for _, o := range origins {
		if !c.inProcessOrigin(scope, o, hops) {
			return false
		}
	}
	return true
}

// inProcessOrigin is inProcessDB for one origin expression o, seen in
// scope.
func (c *checker) inProcessOrigin(scope inspector.Cursor, o ast.Expr, hops int) bool {
	switch o := ast.Unparen(o).(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, o)
		if match.IsFunc(fn, "database/sql", "OpenDB") && len(o.Args) == 1 {
			return c.localConnector(c.info.TypeOf(o.Args[0]))
		}
		if fn == nil || fn.Pkg() != c.pass.Pkg || fn.Signature().Results().Len() != 1 {
			return false
		}
		decl := match.FuncDecl(c.pass.Files, c.info, fn)
		if decl == nil || decl.Body == nil {
			return false
		}
		body, ok := match.CursorOf(c.insp.Root(), decl.Body)
		if !ok {
			return false
		}
		returns := 0
		for rc := range body.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
			ret, isRet := rc.Node().(*ast.ReturnStmt)
			if !isRet {
				continue
			}
			if fb, ok := flow.EnclosingFunc(rc); !ok || fb.Node() != decl.Body {
				continue // a function literal's return
			}
			if len(ret.Results) != 1 || !c.inProcessDB(body, ret.Results[0], hops+1) {
				return false
			}
			returns++
		}
		return returns > 0
	case *ast.SelectorExpr:
		f, ok := c.info.Uses[o.Sel].(*types.Var)
		if !ok || !f.IsField() || f.Pkg() != c.pass.Pkg || f.Exported() {
			return false
		}
		return c.fieldInProcess(f, hops)
	}
	return false
}

// fieldInProcess reports whether every value the package gives the
// unexported field f (assignments and keyed literals) is an in-process
// database, and there is at least one; nil, which resets the field, is
// none.
func (c *checker) fieldInProcess(f *types.Var, hops int) bool {
	values := 0
	for cur := range c.insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		var value ast.Expr
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok || c.info.Uses[sel.Sel] != f {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					return false
				}
				value = n.Rhs[i]
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && c.info.Uses[id] == f {
				value = n.Value
			}
		}
		if value == nil || c.info.Types[value].IsNil() {
			continue // a reset (c.db = nil) opens nothing
		}
		scope, ok := flow.EnclosingFunc(cur)
		if !ok || !c.inProcessDB(scope, value, hops+1) {
			return false
		}
		values++
	}
	return values > 0
}

// localConnector reports whether t is a connector type of this package
// (a database/sql/driver.Connector) whose Connect method does not reach
// the network: it serves what the process holds.
func (c *checker) localConnector(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, c.pass.Pkg, "Connect")
	connect, ok := obj.(*types.Func)
	if !ok || connect.Pkg() != c.pass.Pkg || match.FuncDecl(c.pass.Files, c.info, connect) == nil {
		return false
	}
	_, reaches := c.net.Reaches(connect)
	return !reaches
}
