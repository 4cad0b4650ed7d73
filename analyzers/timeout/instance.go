package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A request sent with no context through a struct's client field, in a
// method, is evidence against the clients kept in the values that
// method can be called on, not against every client the field is given
// (services8: go-containerregistry's remote.writer, whose cancelUpload
// sends a Delete from http.NewRequest only on the writer
// CheckPushPermission builds; the writers makeWriter builds send every
// request with a context). Where a value can come from is followed by
// flow.SiteFinder, through local variables, function results,
// unexported fields and the callers of unexported methods; where that
// cannot be seen (a parameter, an exported method, an interface), every
// client the field is given is judged by the send, as before.

// A keeper is the struct value that the client being judged is kept in:
// the field, and (computed on the first send through that field) where
// the value is made.
type keeper struct {
	cur   inspector.Cursor // the struct literal, or the client expression assigned
	lit   bool             // cur is the struct literal
	field *types.Var       // the generic origin of the field
	made  *flow.Sites
}

// keep makes the struct value that the client expression at cur is
// stored into (a field of a literal, or `x.f = client`) the keeper of
// the walk, unless the walk has one already; the returned function
// restores the walk's keeper.
func (c *checker) keep(cur inspector.Cursor) func() {
	if c.keeper != nil {
		if k := c.keeperOf(cur); k != nil && k.field == c.keeper.field {
			// The client goes from one value's field to another's
			// (`w2.client = w.getClient()`): which values it is kept in
			// is not followed.
			return c.unkept()
		}
		return func() {}
	}
	k := c.keeperOf(cur)
	if k == nil {
		return func() {}
	}
	c.keeper = k
	return func() { c.keeper = nil }
}

// keeperOf returns the keeper of the client expression at cur: the
// struct literal or the field assignment it is stored by.
func (c *checker) keeperOf(cur inspector.Cursor) *keeper {
	cur = match.OuterParens(cur)
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = match.OuterParens(cur.Parent())
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.CompositeLit, *ast.KeyValueExpr:
		f, ok := c.literalField(cur)
		if !ok {
			return nil
		}
		lit := cur.Parent()
		if _, isKV := p.(*ast.KeyValueExpr); isKV {
			lit = lit.Parent()
		}
		return &keeper{cur: lit, lit: true, field: f.Origin()}
	case *ast.AssignStmt:
		if cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		lhs, ok := ast.Unparen(p.Lhs[cur.ParentEdgeIndex()]).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := c.info.Selections[lhs]
		if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
			return nil
		}
		return &keeper{cur: cur, field: s.Obj().(*types.Var).Origin()}
	}
	return nil
}

// instancesOf returns where the value of k is made.
func (c *checker) instancesOf(k *keeper) flow.Sites {
	if k.made != nil {
		return *k.made
	}
	made := flow.AllSites
	if k.lit {
		made = flow.SiteAt(k.cur.Node().Pos())
	} else if as, ok := k.cur.Parent().Node().(*ast.AssignStmt); ok {
		lhs := ast.Unparen(as.Lhs[k.cur.ParentEdgeIndex()]).(*ast.SelectorExpr)
		if body, ok := flow.EnclosingFunc(k.cur); ok {
			made = c.sites.Of(body, lhs.X)
		}
	}
	k.made = &made
	return made
}

// otherInstance reports whether the client expression at cur, through
// which a request with no context is sent, is the keeper's field of a
// value that cannot be the keeper's: `x.f` or a getter `x.client()` that
// returns it, where x is made only where the keeper's value is not.
func (c *checker) otherInstance(cur inspector.Cursor) bool {
	k := c.keeper
	if k == nil {
		return false
	}
	var x ast.Expr
	switch e := ast.Unparen(cur.Node().(ast.Expr)).(type) {
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 || s.Obj().(*types.Var).Origin() != k.field {
			return false
		}
		x = e.X
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return false
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || !c.sites.Getter(s.Obj().(*types.Func), k.field) {
			return false
		}
		x = sel.X
	default:
		return false
	}
	mine := c.instancesOf(k)
	if mine.All {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	return !c.sites.Of(body, x).Meets(mine)
}

// unkept clears the walk's keeper, for a result that is cached and
// belongs to no one client; the returned function restores it.
func (c *checker) unkept() func() {
	k := c.keeper
	c.keeper = nil
	return func() { c.keeper = k }
}
