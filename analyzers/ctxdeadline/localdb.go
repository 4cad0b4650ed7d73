package ctxdeadline

import (
	"go/ast"
	"go/constant"
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
		if match.IsFunc(fn, "database/sql", "Open") && len(o.Args) == 2 {
			return c.boundedDriver(scope, o.Args[0], hops)
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
	case *ast.SelectorExpr, *ast.Ident:
		v := c.packageVar(o)
		if v == nil {
			return false
		}
		return c.eachValue(v, func(scope inspector.Cursor, value ast.Expr, index int) bool {
			return index == 0 && c.inProcessDB(scope, value, hops+1)
		})
	}
	return false
}

// packageVar returns the unexported field of this package, or the
// unexported package-level variable of this package, that e names, or
// nil: the variables whose every value the package's own code gives.
func (c *checker) packageVar(e ast.Expr) *types.Var {
	v := flow.FieldOrGlobal(c.info, e)
	if v == nil || v.Pkg() != c.pass.Pkg || v.Exported() {
		return nil // a local or a parameter (flow.Origins follows locals), or written out of view
	}
	return v
}

// boundedDriver reports whether every value the driver name given to
// sql.Open can hold (constants, followed through locals and unexported
// package variables and fields) is one of boundedDrivers: a database
// with no server to stall, or one whose client bounds its own requests.
// A name out of view (a parameter, a configuration field) is not.
func (c *checker) boundedDriver(scope inspector.Cursor, name ast.Expr, hops int) bool {
	if hops > maxDBHops {
		return false
	}
	origins, ok := flow.Origins(c.info, scope, name)
	if !ok || len(origins) == 0 {
		return false
	}
	for _, o := range origins {
		if o == nil {
			return false // a declaration's zero value: no driver
		}
		if tv, ok := c.info.Types[o]; ok && tv.Value != nil {
			if tv.Value.Kind() != constant.String || boundedDrivers[constant.StringVal(tv.Value)] == "" {
				return false
			}
			continue
		}
		v := c.packageVar(o)
		if v == nil || !c.eachValue(v, func(scope inspector.Cursor, value ast.Expr, index int) bool {
			return index == 0 && c.boundedDriver(scope, value, hops+1)
		}) {
			return false
		}
	}
	return true
}

// boundedDrivers are the database/sql driver names whose calls cannot
// be held forever by a server, each with its reason. Any other name
// (postgres, mysql, pgx, ...) talks to a server that can stall.
var boundedDrivers = map[string]string{
	"sqlite":  "embedded: modernc.org/sqlite, glebarez/go-sqlite; the database is a local file, no server",
	"sqlite3": "embedded: mattn/go-sqlite3, ncruces/go-sqlite3; the database is a local file, no server",
	"duckdb":  "embedded: marcboeker/go-duckdb; the database runs in the process, no server",
	"rqlite":  "gorqlite's database/sql driver: every request goes through an http.Client with a 10 s Timeout by default",
}

// eachValue calls f with every value the package gives v (an
// unexported field or package-level variable of this package, see
// flow.Writes): assignments, literals and declarations, with the scope
// to read each in and the value's index among a call's results. It
// reports whether f accepted them all and there was at least one; nil,
// which resets a handle, and a declaration without a value are none. A
// value out of view (v's address taken, a range, an operator
// assignment) is a refusal.
func (c *checker) eachValue(v *types.Var, f func(scope inspector.Cursor, value ast.Expr, index int) bool) bool {
	writes, ok := c.flow.Writes().Values(v)
	if !ok {
		return false
	}
	values := 0
	for _, w := range writes {
		if w.Value == nil || w.Index == 0 && c.info.Types[w.Value].IsNil() {
			continue // a reset (c.db = nil) opens nothing
		}
		scope, ok := flow.EnclosingFunc(w.Cursor)
		if !ok {
			scope = w.Cursor // a package-level declaration
		}
		values++
		if !f(scope, w.Value, w.Index) {
			return false
		}
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
