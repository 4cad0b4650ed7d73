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
		if c.writers.incremented(p.Fields[len(p.Fields)-1]) {
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

// clockFields tells, per integer struct field, whether the package
// gives it a value (flow.Writes) and every value is a wall-clock
// reading. A field set only from the clock holds a timestamp, whatever
// its name (Mark, Stamp, V): comparing two of them orders by the clock.
type clockFields struct {
	writes *flow.Writes // nil when the package does not import time
	only   map[*types.Var]bool
}

// onlyClock reports whether the package sets f, and only from the
// clock; an increment, or one of several results, is another value.
func (c *checker) onlyClock(f *types.Var) bool {
	cf := c.clockFields
	if cf.writes == nil {
		return false
	}
	f = f.Origin()
	only, ok := cf.only[f]
	if ok {
		return only
	}
	clock := false
	for _, w := range cf.writes.Of(f) {
		switch w.Kind {
		case flow.WriteAddress, flow.WriteRange:
			continue
		}
		scope, inFunc := flow.EnclosingFunc(w.Cursor)
		if w.Value == nil || !c.clockValue(w.Value, scope, inFunc, 0) {
			clock = false
			break
		}
		clock = true
	}
	cf.only[f] = clock
	return clock
}
