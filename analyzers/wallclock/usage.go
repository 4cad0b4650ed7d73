package wallclock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
)

// mapKey reports a wall-clock reading, turned into an integer or a
// string, used as the key of a map entry (m[ts] = v) whatever the
// variable holding it is called: the key is the value's identity, and
// two events within the clock's resolution (or from two machines) share
// it, so the later silently replaces the earlier.
func (c *checker) mapKey(cur inspector.Cursor, lhs ast.Expr) {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return
	}
	t := c.info.TypeOf(ix.X)
	if t == nil {
		return
	}
	if _, isMap := t.Underlying().(*types.Map); !isMap || !c.isIntOrString(ix.Index) {
		return
	}
	scope, inFunc := flow.EnclosingFunc(cur)
	if !c.clockValue(ix.Index, scope, inFunc, 0) {
		return
	}
	if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok {
		if _, named := identityName(id.Name, c.identNames); named {
			return // reported where the variable got the clock
		}
		if p, ok := flow.PathOf(c.info, id); ok && inFunc && (c.clamped(scope, p) || c.counted(scope, p)) {
			return
		}
	}
	c.rep.Reportf(ix.Index, "identity",
		"wall-clock time used as a map key: two events within the clock's resolution, or from two machines, get the same key and the later replaces the earlier; key by a random ID (UUID) or a counter")
}

// counted reports whether scope increments location p (p++, p += n):
// a variable seeded once from the clock and then incremented is a
// counter, whose values are distinct and ordered.
func (c *checker) counted(scope inspector.Cursor, p flow.Path) bool {
	is := func(e ast.Expr) bool {
		q, ok := flow.PathOf(c.info, e)
		return ok && q.Equal(p)
	}
	if len(p.Fields) > 0 {
		if c.writers.incremented[p.Fields[len(p.Fields)-1].Origin()] {
			return true
		}
	}
	for n := range scope.Preorder((*ast.IncDecStmt)(nil), (*ast.AssignStmt)(nil)) {
		switch s := n.Node().(type) {
		case *ast.IncDecStmt:
			if s.Tok == token.INC && is(s.X) {
				return true
			}
		case *ast.AssignStmt:
			if s.Tok == token.ADD_ASSIGN && is(s.Lhs[0]) {
				return true
			}
		}
	}
	return false
}
