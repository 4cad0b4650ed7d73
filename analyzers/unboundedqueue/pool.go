package unboundedqueue

// A pool's free list is not a queue: its items are resources the pool
// made itself, and it makes no more than a maximum of them.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// putBack reports whether every item that the append call adds to
// recv.f is a variable that body assigned from an index of recv.f itself
// (conn := p.idle[len(p.idle)-1]): the append puts back an item taken out
// just before, and the slice grows by nothing.
func (c *checker) putBack(body *ast.BlockStmt, call *ast.CallExpr, f, recv *types.Var) bool {
	if call.Ellipsis.IsValid() || len(call.Args) < 2 {
		return false
	}
	for _, arg := range call.Args[1:] {
		v := c.varOf(ast.Unparen(arg))
		if v == nil || !c.takenFrom(body, v, f, recv) {
			return false
		}
	}
	return true
}

// takenFrom reports whether body assigns v from recv.f[i], and nothing
// else.
func (c *checker) takenFrom(body *ast.BlockStmt, v, f, recv *types.Var) bool {
	taken, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range as.Lhs {
			if c.varOf(ast.Unparen(lhs)) != v {
				continue
			}
			if len(as.Lhs) != len(as.Rhs) {
				other = true
				continue
			}
			if ix, ok := ast.Unparen(as.Rhs[i]).(*ast.IndexExpr); ok && c.recvSliceField(ix.X, recv) == f {
				taken = true
			} else {
				other = true
			}
		}
		return true
	})
	return taken && !other
}

// poolFreeList reports whether the slice field f of recv's struct is the
// free list of a pool that caps what it makes: the struct keeps a
// registry of every item it made (another field, a map or slice of the
// same element type: all open connections beside the idle ones), and
// every function of the package that stores into the registry compares a
// count with a limit (len(p.conns) < p.maxSize, p.size >= p.cfg.PoolSize)
// before it does, or is called only from functions that do. The free
// list holds at most what the registry holds, so its length is bounded
// by the pool's maximum, not by the rate of check-ins.
func (c *checker) poolFreeList(f, recv *types.Var) bool {
	if c.pools == nil {
		c.pools = make(map[*types.Var]bool)
	}
	if v, ok := c.pools[f]; ok {
		return v
	}
	v := c.computePoolFreeList(f, recv)
	c.pools[f] = v
	return v
}

func (c *checker) computePoolFreeList(f, recv *types.Var) bool {
	named := match.NamedStruct(recv.Type())
	sl, ok := f.Type().Underlying().(*types.Slice)
	if named == nil || !ok {
		return false
	}
	st := named.Underlying().(*types.Struct)
	own := make(map[*types.Var]bool) // the struct's fields
	var registries []*types.Var
	for fld := range st.Fields() {
		own[fld.Origin()] = true
		if fld.Origin() == f {
			continue
		}
		var elem types.Type
		switch t := fld.Type().Underlying().(type) {
		case *types.Map:
			elem = t.Elem()
		case *types.Slice:
			elem = t.Elem()
		}
		if elem != nil && types.Identical(elem, sl.Elem()) {
			registries = append(registries, fld.Origin())
		}
	}
	if len(registries) == 0 {
		return false
	}
	storers := make(map[*types.Func]*ast.FuncDecl)
	for fn, decl := range match.FuncDecls(c.pass.Files, c.info) {
		if decl.Body != nil && c.storesInto(decl.Body, registries) {
			storers[fn] = decl
		}
	}
	if len(storers) == 0 {
		return false
	}
	for fn, decl := range storers {
		if !c.comparesLimit(decl.Body, own) && !c.calledOnlyFromCapped(fn, own) {
			return false
		}
	}
	return true
}

// storesInto reports whether body stores an item into one of the
// registry fields: reg[k] = v or reg = append(reg, v).
func (c *checker) storesInto(body *ast.BlockStmt, registries []*types.Var) bool {
	isReg := func(e ast.Expr) bool {
		fld := match.SelectedField(c.info, e)
		for _, r := range registries {
			if fld == r {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isReg(ix.X) {
				found = true
			}
			if isReg(lhs) && len(as.Lhs) == len(as.Rhs) {
				if call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok && match.IsBuiltin(c.info, call, "append") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// comparesLimit reports whether body, function literals included,
// orders an integer that reads one of the struct's fields against
// another integer, neither a constant 0 or 1 nor a duration (a count
// against a maximum, not an emptiness test or an idle timeout).
func (c *checker) comparesLimit(body ast.Node, own map[*types.Var]bool) bool {
	readsOwn := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if fld := match.SelectedField(c.info, asExpr(n)); fld != nil && own[fld] {
				found = true
			}
			return !found
		})
		return found
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || found {
			return !found
		}
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if c.isCount(bin.X) && c.isCount(bin.Y) && !isSmallConst(c.info, bin.X) && !isSmallConst(c.info, bin.Y) && (readsOwn(bin.X) || readsOwn(bin.Y)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// calledOnlyFromCapped reports whether fn is called in the package, and
// only from functions that compare a count of the struct with a limit
// (a loop that tops the pool up to its minimum while it is below its
// maximum).
func (c *checker) calledOnlyFromCapped(fn *types.Func, own map[*types.Var]bool) bool {
	calls := 0
	for _, decl := range match.FuncDecls(c.pass.Files, c.info) {
		if decl.Body == nil {
			continue
		}
		n := 0
		ast.Inspect(decl.Body, func(node ast.Node) bool {
			if call, ok := node.(*ast.CallExpr); ok && match.Callee(c.info, call) == fn {
				n++
			}
			return true
		})
		if n == 0 {
			continue
		}
		if !c.comparesLimit(decl.Body, own) {
			return false
		}
		calls += n
	}
	return calls > 0
}

// isCount reports whether e is an integer that is not a time.Duration.
func (c *checker) isCount(e ast.Expr) bool {
	t := c.info.TypeOf(e)
	if t == nil || match.IsType(t, "time.Duration") {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// asExpr returns n as an expression, or nil.
func asExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}
