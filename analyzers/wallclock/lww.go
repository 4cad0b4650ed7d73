package wallclock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// ifStmt checks last-write-wins: an if whose condition compares two
// wall-clock fields of cross-machine values and that guards overwriting
// state with one of them, in its body or, when its body only leaves
// (`if in.UpdatedAt.Before(cur.UpdatedAt) { return }`), after it.
func (c *checker) ifStmt(cur inspector.Cursor, s *ast.IfStmt) {
	cmp, at, ok := c.condCompare(s.Cond)
	if !ok {
		return
	}
	if cmp.deadline() {
		return // a deadline or expiry check
	}
	rx, ry := c.rootVar(cmp.x.base), c.rootVar(cmp.y.base)
	if rx == nil || ry == nil || rx == ry {
		return // two timestamps of one value: its own history, one writer
	}
	if !c.bound.crosses(cmp.x.owner) && !c.bound.crosses(cmp.y.owner) {
		return
	}
	if c.writers.single(cmp.x.obj) && c.writers.single(cmp.y.obj) {
		return // each timestamp is set once, by the one writer of its value
	}
	guarded := s.Body.List
	if leaves(s.Body) {
		guarded = append(guarded[:len(guarded):len(guarded)], following(cur)...)
	}
	if !c.overwrites(guarded, rx, ry) {
		return
	}
	c.rep.Reportf(at, "lww",
		"last write wins by %s (wall clock) across machines: clock skew lets an older write overwrite a newer one; compare a version or sequence number from one source, or a logical clock", cmp.x.field)
}

// condCompare finds, in an if condition, an ordering comparison of two
// timestamp fields: Before/After/Compare of time.Time, Sub compared
// with a constant, or <, <=, >, >= of integer timestamps.
func (c *checker) condCompare(cond ast.Expr) (timeCmp, ast.Node, bool) {
	var (
		found timeCmp
		at    ast.Node
		ok    bool
	)
	ast.Inspect(cond, func(n ast.Node) bool {
		if ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if cmp, isCmp := c.compareCall(n, false); isCmp {
				found, at, ok = cmp, n, true
			}
		case *ast.BinaryExpr:
			if cmp, isCmp := c.compareBinary(n, true); isCmp {
				found, at, ok = cmp, n, true
				return false
			}
			if isOrdering(n.Op) {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if call, isCall := ast.Unparen(side).(*ast.CallExpr); isCall {
						if cmp, isCmp := c.compareCall(call, true); isCmp {
							found, at, ok = cmp, n, true
							return false
						}
					}
				}
			}
		}
		return true
	})
	return found, at, ok
}

// leaves reports whether a block ends by leaving its enclosing flow:
// return, continue, break or goto.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok != token.FALLTHROUGH
	}
	return false
}

// following returns the statements after the if statement at cur in
// its block.
func following(cur inspector.Cursor) []ast.Stmt {
	var list []ast.Stmt
	switch p := cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return nil
	}
	for i, st := range list {
		if st == cur.Node() {
			return list[i+1:]
		}
	}
	return nil
}

// overwrites reports whether stmts assign (=) state a value that comes
// from one of the compared values, other than its timestamp alone: the
// incoming value replacing the current one. State is a map or slice
// entry, the other compared value (cur = in, *cur = *in, cur.V = in.V),
// or a field; a plain local variable counts only when it takes the
// compared value whole (best = r), not a part of it (i = cur.prev).
func (c *checker) overwrites(stmts []ast.Stmt, rx, ry *types.Var) bool {
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				if n.Tok != token.ASSIGN {
					return true
				}
				for i, rhs := range n.Rhs {
					lhs := n.Lhs[min(i, len(n.Lhs)-1)]
					for _, r := range []*types.Var{rx, ry} {
						if c.overwriteWith(lhs, rhs, r) {
							found = true
							return false
						}
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// overwriteWith reports whether lhs = rhs stores the compared value r
// (or a non-time part of it) into state other than r itself.
func (c *checker) overwriteWith(lhs, rhs ast.Expr, r *types.Var) bool {
	if !c.mentions(rhs, r) || c.rootVar(lhs) == r || c.isTimestampValue(rhs) || c.isTimestampValue(lhs) {
		return false
	}
	switch l := ast.Unparen(lhs).(type) {
	case *ast.IndexExpr, *ast.SelectorExpr, *ast.StarExpr:
		return true
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(l).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return true // a package-level variable is state
		}
		return c.isWhole(rhs, r)
	}
	return false
}

// isWhole reports whether e is r itself, *r or &r.
func (c *checker) isWhole(e ast.Expr, r *types.Var) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.info.Uses[x] == r
	case *ast.StarExpr:
		return c.isWhole(x.X, r)
	case *ast.UnaryExpr:
		return x.Op == token.AND && c.isWhole(x.X, r)
	}
	return false
}

// mentions reports whether expr refers to v.
func (c *checker) mentions(expr ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(expr, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// isTimestampValue reports whether expr is itself a timestamp (a time
// or an integer time field): copying it tracks the newest time seen and
// replaces nothing else.
func (c *checker) isTimestampValue(expr ast.Expr) bool {
	if b, ok := ast.Unparen(expr).(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		return c.isTimestampValue(b.X) || c.isTimestampValue(b.Y)
	}
	t := c.info.TypeOf(expr)
	if t != nil && (isTimeType(t) || isTimestamp(t)) {
		return true
	}
	_, ok := c.intTimeField(expr, true)
	return ok
}
