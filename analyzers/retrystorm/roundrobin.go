package retrystorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// roundRobin reports whether the loop is a failover over a list that a
// round-robin helper walks: each attempt's target comes from a call of
// a function of this package whose body advances an index into a slice
// modulo its length (c.addrs[c.idx%len(c.addrs)] with c.idx++, or an
// atomic add), or pops or rotates that slice (c.addrs = c.addrs[1:],
// append(c.addrs[1:], c.addrs[0])), and the loop's condition bounds the
// attempts by that slice's length (i < len(c.addrs), or a countdown n
// that starts at len(c.addrs) or at 1). Each attempt dials the next
// backend, and the loop stops once every backend was tried: fasthttp's
// HostClient.dialHostHard. A helper that returns the same value every
// time, a bound of attempts unrelated to the list, or no bound at all
// keep the loop reported.
func (c *checker) roundRobin(l *retry.Loop, a retry.Attempt, cur inspector.Cursor) bool {
	// The variables the loop stores a round-robin pick in, by the slice
	// the pick comes from.
	picks := make(map[*types.Var]*types.Var)
	c.assignedCalls(l, func(v *types.Var, call *ast.CallExpr) {
		if list := c.rotates(call); list != nil {
			picks[v] = list
		}
	})
	// The slices whose picks the attempt's call is made with.
	var lists []*types.Var
	for _, arg := range a.Call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := c.info.Uses[n].(*types.Var); ok && picks[v] != nil {
					lists = append(lists, picks[v])
				}
			case *ast.CallExpr:
				if list := c.rotates(n); list != nil {
					lists = append(lists, list)
					return false
				}
			}
			return true
		})
	}
	if len(lists) == 0 {
		return false
	}
	body := funcBody(cur)
	if body == nil {
		return false
	}
	for _, list := range lists {
		if c.boundByLen(l, body, list) {
			return true
		}
	}
	return false
}

// assignedCalls calls f for each assignment, in the loop's body but not
// in a function literal, of the result of a call to a local variable
// (b := pick()).
func (c *checker) assignedCalls(l *retry.Loop, f func(v *types.Var, call *ast.CallExpr)) {
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, rhs := range n.Rhs {
				call, ok := ast.Unparen(rhs).(*ast.CallExpr)
				if !ok {
					continue
				}
				if id, ok := ast.Unparen(n.Lhs[i]).(*ast.Ident); ok {
					if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
						f(v, call)
					}
				}
			}
		}
		return true
	})
}

// funcBody returns the body of the function around cur, or nil.
func funcBody(cur inspector.Cursor) *ast.BlockStmt {
	fc, ok := match.InnermostFunc(cur)
	if !ok {
		return nil
	}
	_, body := match.FuncParts(fc.Node())
	return body
}

// listOf returns the slice that e denotes: the last field of a chain of
// selections (c.addrs), or a package-level variable; nil otherwise.
func (c *checker) listOf(e ast.Expr) *types.Var {
	p, ok := flow.PathOf(c.info, unconvert(c.info, e))
	if !ok {
		return nil
	}
	v := p.Root
	if len(p.Fields) > 0 {
		v = p.Fields[len(p.Fields)-1]
	} else if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Slice); !ok {
		return nil
	}
	return v
}

// lenOf returns the slice whose length e is (len(c.addrs), through
// conversions), or nil.
func (c *checker) lenOf(e ast.Expr) *types.Var {
	call, ok := unconvert(c.info, e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !match.IsBuiltin(c.info, call, "len") {
		return nil
	}
	return c.listOf(call.Args[0])
}

// unconvert strips parentheses and type conversions: uint32(len(s)).
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// rotates returns the slice that the function call calls walks round
// robin, when it is a function of this package whose body indexes a
// slice by a counter it advances, modulo the slice's length, or pops or
// rotates the slice; nil otherwise.
func (c *checker) rotates(call *ast.CallExpr) *types.Var {
	body := c.localBody(match.Callee(c.info, call))
	if body == nil {
		return nil
	}
	// The locations the body advances: p++, p += k, atomic adds.
	var advanced []flow.Path
	// The local variables holding an atomic add's result.
	added := make(map[*types.Var]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if p, ok := flow.PathOf(c.info, n.X); ok && n.Tok == token.INC {
				advanced = append(advanced, p)
			}
		case *ast.AssignStmt:
			if n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 {
				if p, ok := flow.PathOf(c.info, n.Lhs[0]); ok {
					advanced = append(advanced, p)
				}
			}
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && c.atomicAdd(n.Rhs[0]) {
					if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
						added[v] = true
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 1 && len(n.Values) == 1 && c.atomicAdd(n.Values[0]) {
				if v, ok := c.info.Defs[n.Names[0]].(*types.Var); ok {
					added[v] = true
				}
			}
		}
		return true
	})
	advances := func(e ast.Expr) bool {
		e = unconvert(c.info, e)
		if c.atomicAdd(e) {
			return true
		}
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && added[v] {
				return true
			}
		}
		p, ok := flow.PathOf(c.info, e)
		if !ok {
			return false
		}
		for _, q := range advanced {
			if p.Equal(q) {
				return true
			}
		}
		return false
	}
	var list *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if list != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			// s[i % len(s)] with i advanced.
			s := c.listOf(n.X)
			mod, ok := unconvert(c.info, n.Index).(*ast.BinaryExpr)
			if s != nil && ok && mod.Op == token.REM && c.lenOf(mod.Y) == s && advances(mod.X) {
				list = s
			}
		case *ast.AssignStmt:
			// s = s[1:] or s = append(s[1:], s[0]).
			if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				return true
			}
			s := c.listOf(n.Lhs[0])
			if s == nil {
				return true
			}
			rhs := ast.Unparen(n.Rhs[0])
			if call, ok := rhs.(*ast.CallExpr); ok && match.IsBuiltin(c.info, call, "append") && len(call.Args) > 0 {
				rhs = ast.Unparen(call.Args[0])
			}
			if se, ok := rhs.(*ast.SliceExpr); ok && se.Low != nil && c.listOf(se.X) == s {
				if lit, ok := ast.Unparen(se.Low).(*ast.BasicLit); ok && lit.Value == "1" {
					list = s
				}
			}
		}
		return true
	})
	return list
}

// atomicAdd reports whether e is an atomic increment: sync/atomic's
// AddInt32 and the like, or the Add method of its typed integers.
func (c *checker) atomicAdd(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(c.info, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic" && strings.HasPrefix(fn.Name(), "Add")
}

// boundByLen reports whether the loop's condition, or the count it
// ranges over, bounds the attempts by the length of list: it compares a
// counter with len(list) or with a local variable that holds it, or
// counts such a variable down to zero.
func (c *checker) boundByLen(l *retry.Loop, body *ast.BlockStmt, list *types.Var) bool {
	if rs, ok := l.Stmt.(*ast.RangeStmt); ok {
		return c.lengthOf(rs.X, body, list, false)
	}
	cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch cond.Op {
	case token.LSS, token.LEQ, token.NEQ:
		// i < len(list), i < n, with i counted up.
		return c.countsUp(l, cond.X) && c.lengthOf(cond.Y, body, list, false)
	case token.GTR, token.GEQ:
		// len(list) > i.
		if c.countsUp(l, cond.Y) && c.lengthOf(cond.X, body, list, false) {
			return true
		}
	}
	// n > 0, n != 0, n >= 1: a countdown from the length.
	tv, ok := c.info.Types[cond.Y]
	if !ok || tv.Value == nil {
		return false
	}
	zero := cond.Op == token.GTR || cond.Op == token.NEQ
	if v, exact := constant.Int64Val(constant.ToInt(tv.Value)); !exact || (zero && v != 0) || (!zero && (cond.Op != token.GEQ || v != 1)) {
		return false
	}
	return c.lengthOf(cond.X, body, list, true)
}

// lengthOf reports whether e is len(list) or a local variable of the
// function body whose every value is len(list) or a constant no larger
// than 1 (a list that has not been loaded yet still gets one attempt),
// and which is otherwise only counted down, when countdown is set, or
// never changed.
func (c *checker) lengthOf(e ast.Expr, body *ast.BlockStmt, list *types.Var, countdown bool) bool {
	if c.lenOf(e) == list {
		return true
	}
	id, ok := unconvert(c.info, e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	value := func(rhs ast.Expr) bool {
		if c.lenOf(rhs) == list {
			return true
		}
		tv, ok := c.info.Types[rhs]
		if !ok || tv.Value == nil {
			return false
		}
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return exact && n >= 0 && n <= 1
	}
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && c.info.ObjectOf(id) == v
	}
	fromLen, ok := false, true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isV(lhs) {
					continue
				}
				switch {
				case len(n.Lhs) != len(n.Rhs):
					ok = false
				case n.Tok == token.ASSIGN || n.Tok == token.DEFINE:
					ok = ok && value(n.Rhs[i])
					fromLen = fromLen || c.lenOf(n.Rhs[i]) == list
				case n.Tok == token.SUB_ASSIGN && countdown:
				default:
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.info.Defs[name] != v {
					continue
				}
				if i >= len(n.Values) {
					ok = false
					continue
				}
				ok = ok && value(n.Values[i])
				fromLen = fromLen || c.lenOf(n.Values[i]) == list
			}
		case *ast.IncDecStmt:
			if isV(n.X) && (!countdown || n.Tok != token.DEC) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				ok = false // its address escapes
			}
		}
		return ok
	})
	return ok && fromLen
}

// countsUp reports whether e is a variable that the loop increments.
func (c *checker) countsUp(l *retry.Loop, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v := c.info.Uses[id]
	up := false
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Tok == token.INC && c.info.Uses[id] == v {
				up = true
			}
		case *ast.AssignStmt:
			if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok && n.Tok == token.ADD_ASSIGN && c.info.Uses[id] == v {
				up = true
			}
		}
		return !up
	})
	return v != nil && up
}
