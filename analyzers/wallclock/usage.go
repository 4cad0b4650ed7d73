package wallclock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
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

// clockFields records, per integer struct field, whether the package
// assigns it a wall-clock reading and whether it assigns it anything
// else. A field set only from the clock holds a timestamp, whatever its
// name (Mark, Stamp, V): comparing two of them orders by the clock.
type clockFields struct {
	clock, other map[*types.Var]bool
}

// only reports whether the package sets f, and only from the clock.
func (cf *clockFields) only(f *types.Var) bool {
	f = f.Origin()
	return cf.clock[f] && !cf.other[f]
}

// noteClockField records the integer field writes at cur.
func (c *checker) noteClockField(cur inspector.Cursor) {
	note := func(f *types.Var, value ast.Expr) {
		if f == nil {
			return
		}
		if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
			return
		}
		scope, inFunc := flow.EnclosingFunc(cur)
		if value != nil && c.clockValue(value, scope, inFunc, 0) {
			c.clockFields.clock[f.Origin()] = true
		} else {
			c.clockFields.other[f.Origin()] = true
		}
	}
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			var value ast.Expr
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				value = n.Rhs[i]
			}
			note(match.SelectedField(c.info, lhs), value)
		}
	case *ast.IncDecStmt:
		note(match.SelectedField(c.info, n.X), nil)
	case *ast.CompositeLit:
		for _, fv := range match.LiteralFields(c.info, n) {
			note(fv.Field, fv.Value)
		}
	}
}
