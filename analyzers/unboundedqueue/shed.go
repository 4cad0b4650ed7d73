package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// shedsWhenFull reports whether the channel that the make(chan T, n) at
// cur makes is a bounded queue that sheds load: it is kept in an
// unexported struct field or variable (x.input = make(...),
// T{input: make(...)}, ch := make(...)), so that every use of it is in
// this package, and every use is a send that cannot block (a case of a
// select with a default branch: when the buffer is full the item is
// dropped there, and the caller hears of it), a receive, a range, close,
// len or cap, with at least one send. A blocking send, the channel
// handed out (returned, passed, stored elsewhere, its address taken) or
// kept in an exported field or variable, or another value stored where
// it is kept, leaves the buffer reported: a producer the analyzer cannot
// see may block on it, or queue into it, without limit.
func (c *checker) shedsWhenFull(cur inspector.Cursor) bool {
	mk := match.OuterParens(cur)
	made := cur.Node()
	var kept *types.Var
	switch p := mk.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && mk.ParentEdgeKind() == edge.KeyValueExpr_Value {
			if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
				kept = f
			}
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) && mk.ParentEdgeKind() == edge.AssignStmt_Rhs {
			lhs := p.Lhs[mk.ParentEdgeIndex()]
			if kept = match.SelectedField(c.info, lhs); kept == nil {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					kept, _ = c.info.ObjectOf(id).(*types.Var)
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) && mk.ParentEdgeKind() == edge.ValueSpec_Values {
			kept, _ = c.info.Defs[p.Names[mk.ParentEdgeIndex()]].(*types.Var)
		}
	}
	if kept == nil || kept.Exported() {
		return false
	}
	kept = kept.Origin()
	sends := 0
	for id := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		v, ok := c.info.Uses[id.Node().(*ast.Ident)].(*types.Var)
		if !ok || v.Origin() != kept {
			continue
		}
		use := id
		switch p := id.Parent().Node().(type) {
		case *ast.KeyValueExpr:
			// T{input: make(...)}: only the make itself.
			if id.ParentEdgeKind() == edge.KeyValueExpr_Key {
				if ast.Unparen(p.Value) != made {
					return false
				}
				continue
			}
		case *ast.SelectorExpr:
			if id.ParentEdgeKind() == edge.SelectorExpr_Sel {
				use = id.Parent()
			}
		}
		switch ok, send := c.shedUse(match.OuterParens(use), made); {
		case !ok:
			return false
		case send:
			sends++
		}
	}
	return sends > 0
}

// shedUse classifies the use at cur of the channel made by made: ok is
// false when the use may block a sender or hands the channel out; send
// says that it is a send (that cannot block).
func (c *checker) shedUse(cur inspector.Cursor, made ast.Node) (ok, send bool) {
	kind, i := cur.ParentEdge()
	switch p := cur.Parent().Node().(type) {
	case *ast.SendStmt:
		if kind != edge.SendStmt_Chan {
			return false, false // the channel itself is sent
		}
		return selectWithDefault(cur.Parent()), true
	case *ast.UnaryExpr:
		return p.Op == token.ARROW, false
	case *ast.RangeStmt:
		return kind == edge.RangeStmt_X, false
	case *ast.CallExpr:
		if kind != edge.CallExpr_Args {
			return false, false
		}
		for _, name := range []string{"close", "len", "cap"} {
			if match.IsBuiltin(c.info, p, name) {
				return true, false
			}
		}
	case *ast.AssignStmt:
		// The assignment of the make itself.
		return kind == edge.AssignStmt_Lhs && len(p.Lhs) == len(p.Rhs) && ast.Unparen(p.Rhs[i]) == made, false
	}
	return false, false
}

// selectWithDefault reports whether the send statement at cur is a case of a
// select that has a default branch.
func selectWithDefault(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CommClause_Comm {
		return false
	}
	sel, ok := cur.Parent().Parent().Parent().Node().(*ast.SelectStmt)
	return ok && hasDefault(sel)
}
