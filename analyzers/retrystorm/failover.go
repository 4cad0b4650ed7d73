package retrystorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// failsOver reports whether the loop tries each backend of a collection
// once rather than retrying one: it takes an element of a slice or map
// and shrinks that collection in the loop (backends = backends[1:],
// append(s[:i], s[i+1:]...), slices.Delete, delete(m, k)), or it marks
// what it tried in a map that it checks before trying (tried[b] = true
// with `if tried[b] { continue }`). Such a loop ends when the list is
// exhausted, and each attempt goes to another server: failover.
func (c *checker) failsOver(l *retry.Loop) bool {
	var indexed, shrunk, marked, checked []flow.Path
	collection := func(e ast.Expr) (flow.Path, bool) {
		t := c.info.TypeOf(e)
		if t == nil {
			return flow.Path{}, false
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Map:
			return flow.PathOf(c.info, e)
		}
		return flow.Path{}, false
	}
	isMap := func(e ast.Expr) bool {
		t := c.info.TypeOf(e)
		if t == nil {
			return false
		}
		_, ok := t.Underlying().(*types.Map)
		return ok
	}
	// shrinks reports whether rhs is a smaller copy of p.
	shrinks := func(p flow.Path, rhs ast.Expr) bool {
		switch r := ast.Unparen(rhs).(type) {
		case *ast.SliceExpr:
			q, ok := flow.PathOf(c.info, r.X)
			return ok && q.Equal(p) && (r.Low != nil || r.High != nil)
		case *ast.CallExpr:
			if len(r.Args) == 0 {
				return false
			}
			q, ok := flow.PathOf(c.info, r.Args[0])
			if !ok {
				if s, isSlice := ast.Unparen(r.Args[0]).(*ast.SliceExpr); isSlice {
					q, ok = flow.PathOf(c.info, s.X)
				}
			}
			if !ok || !q.Equal(p) {
				return false
			}
			fn := match.Callee(c.info, r)
			return (match.IsBuiltin(c.info, r, "append") && r.Ellipsis.IsValid()) ||
				match.IsFunc(fn, "slices", "Delete", "DeleteFunc")
		}
		return false
	}
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			if p, ok := collection(n.X); ok {
				indexed = append(indexed, p)
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if p, ok := collection(lhs); ok && shrinks(p, n.Rhs[i]) {
						shrunk = append(shrunk, p)
					}
				}
			}
			for _, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isMap(ix.X) {
					if p, ok := flow.PathOf(c.info, ix.X); ok {
						marked = append(marked, p)
					}
				}
			}
		case *ast.IfStmt:
			ast.Inspect(n.Cond, func(m ast.Node) bool {
				if ix, ok := m.(*ast.IndexExpr); ok && isMap(ix.X) {
					if p, ok := flow.PathOf(c.info, ix.X); ok {
						checked = append(checked, p)
					}
				}
				return true
			})
		case *ast.CallExpr:
			if match.IsBuiltin(c.info, n, "delete") && len(n.Args) == 2 {
				if p, ok := flow.PathOf(c.info, n.Args[0]); ok {
					shrunk = append(shrunk, p)
				}
			}
		}
		return true
	})
	// The map checked is indexed in its condition: the check counts as
	// the element taken.
	indexed = append(indexed, checked...)
	return overlap(indexed, shrunk) || overlap(checked, marked)
}

func overlap(a, b []flow.Path) bool {
	for _, p := range a {
		for _, q := range b {
			if p.Equal(q) {
				return true
			}
		}
	}
	return false
}
