package latency

// A ranking: means computed per entry of a collection only to order the
// entries (the top queries by average duration) are a profiling view,
// not a latency instrument.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// ranking reports whether the mean at d ranks entries rather than
// measures the service: it is compared with another entry's mean of the
// same total inside a sort comparator, or it is computed in a loop over
// a collection and stored per entry in a field that the package sorts
// by and never exports to a metric or compares with anything but that
// same field of another entry. A running mean updated per event, a mean
// sorted by something else (a time window, a name), or a ranked mean
// also set into a gauge or checked against a threshold is not one.
func (c *checker) ranking(d division) bool {
	v := c.valueOf(d.cur)
	if other, ok := c.comparedWith(v); ok {
		return c.inComparator(v) && c.meanOf(other, d.total)
	}
	if _, ok := retry.Innermost(d.cur); !ok {
		return false
	}
	fields, ok := c.meanFields(v, 0)
	if !ok || len(fields) == 0 {
		return false
	}
	for _, f := range fields {
		if !c.rankKey(v.Inspector().Root(), f) {
			return false
		}
	}
	return true
}

// valueOf returns the outermost expression around cur that carries the
// same quantity: parentheses, conversions and unit methods (d.Seconds()).
func (c *checker) valueOf(cur inspector.Cursor) inspector.Cursor {
	for range maxDepth {
		cur = match.OuterParens(cur)
		switch p := cur.Parent().Node().(type) {
		case *ast.CallExpr:
			if tv, ok := c.info.Types[p.Fun]; ok && tv.IsType() && len(p.Args) == 1 {
				cur = cur.Parent()
				continue
			}
		case *ast.SelectorExpr:
			call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
			if ok && call.Fun == p && len(call.Args) == 0 && match.IsMethod(match.Callee(c.info, call), "time", "Duration", durationMethods...) {
				cur = cur.Parent().Parent()
				continue
			}
		}
		break
	}
	return cur
}

// comparedWith returns the other operand when the value at v is ordered
// against something: an operand of <, <=, >, >=, or an argument of
// cmp.Compare or cmp.Less.
func (c *checker) comparedWith(v inspector.Cursor) (ast.Expr, bool) {
	e := v.Node().(ast.Expr)
	switch p := v.Parent().Node().(type) {
	case *ast.BinaryExpr:
		switch p.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if p.X == e {
				return p.Y, true
			}
			return p.X, true
		}
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(c.info, p), "cmp", "Compare", "Less") && len(p.Args) == 2 && p.Fun != e {
			if p.Args[0] == e {
				return p.Args[1], true
			}
			return p.Args[0], true
		}
	}
	return nil, false
}

// inComparator reports whether cur is in the comparison function of a
// sort (a function literal given to sort.Slice, sort.SliceStable,
// slices.SortFunc, slices.SortStableFunc, slices.MinFunc or
// slices.MaxFunc) or in a Less method (sort.Sort, container/heap).
func (c *checker) inComparator(cur inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			return n.Recv != nil && n.Name.Name == "Less"
		case *ast.FuncLit:
			call, ok := match.OuterParens(f).Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun == n {
				return false
			}
			fn := match.Callee(c.info, call)
			return match.IsFunc(fn, "sort", "Slice", "SliceStable") ||
				match.IsFunc(fn, "slices", "SortFunc", "SortStableFunc", "MinFunc", "MaxFunc")
		}
	}
	return false
}

// meanOf reports whether e is a mean of total: total divided by a count,
// through conversions and unit methods.
func (c *checker) meanOf(e ast.Expr, total types.Object) bool {
	e, ok := c.quantity(e)
	if !ok {
		return false
	}
	bin, ok := e.(*ast.BinaryExpr)
	return ok && bin.Op == token.QUO && c.totalOf(bin.X) == total
}

// meanFields returns the struct fields that the value at v is stored in:
// a keyed composite literal's field, an assignment to a field, or a
// local variable every use of which is stored so. ok is false when the
// value goes anywhere else.
func (c *checker) meanFields(v inspector.Cursor, depth int) (fields []*types.Var, ok bool) {
	e := v.Node().(ast.Expr)
	switch p := v.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		id, isIdent := p.Key.(*ast.Ident)
		if !isIdent || p.Value != e {
			return nil, false
		}
		f, isVar := c.info.ObjectOf(id).(*types.Var)
		if !isVar || !f.IsField() {
			return nil, false
		}
		return []*types.Var{f.Origin()}, true
	case *ast.AssignStmt:
		i := slices.Index(p.Rhs, e)
		if i < 0 || len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN && p.Tok != token.DEFINE {
			return nil, false
		}
		if f := match.SelectedField(c.info, p.Lhs[i]); f != nil {
			return []*types.Var{f.Origin()}, true
		}
		id, isIdent := ast.Unparen(p.Lhs[i]).(*ast.Ident)
		if !isIdent || depth > 0 {
			return nil, false
		}
		local, isVar := c.info.ObjectOf(id).(*types.Var)
		scope, inFunc := flow.EnclosingFunc(v)
		if !isVar || !inFunc || local.Pos() < scope.Node().Pos() || local.Pos() >= scope.Node().End() {
			return nil, false
		}
		for _, use := range flow.Uses(c.info, scope, local) {
			fs, ok := c.meanFields(c.valueOf(use), depth+1)
			if !ok {
				return nil, false
			}
			fields = append(fields, fs...)
		}
		return fields, true
	}
	return nil, false
}

// rankKey reports whether the package sorts by field f and reads it for
// nothing a latency instrument does: no read of f is compared with
// anything but f of another entry, or compared outside a sort's
// comparator, and none is recorded into a metric.
func (c *checker) rankKey(root inspector.Cursor, f *types.Var) bool {
	if ranked, ok := c.rankKeys[f]; ok {
		return ranked
	}
	sorted := false
	for cur := range root.Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal || s.Obj().(*types.Var).Origin() != f {
			continue
		}
		v := c.valueOf(cur)
		if other, ok := c.comparedWith(v); ok {
			if !c.inComparator(v) || !c.readsField(other, f) {
				sorted = false
				break
			}
			sorted = true
			continue
		}
		if c.recorded(v) {
			sorted = false
			break
		}
	}
	c.rankKeys[f] = sorted
	return sorted
}

// readsField reports whether e reads field f, through conversions and
// unit methods.
func (c *checker) readsField(e ast.Expr, f *types.Var) bool {
	e, ok := c.quantity(e)
	if !ok {
		return false
	}
	sf := match.SelectedField(c.info, e)
	return sf != nil && sf.Origin() == f
}

// recorded reports whether the expression at cur is part of the value
// a metric records: an argument of a gauge, counter or observer call.
func (c *checker) recorded(cur inspector.Cursor) bool {
	for e := range cur.Enclosing() {
		switch n := e.Node().(type) {
		case ast.Stmt, *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if metricCall(match.Callee(c.info, n)) {
				return true
			}
		}
	}
	return false
}
