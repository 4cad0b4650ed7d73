package retrystorm

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// skipsMarked reports whether the loop is a failover through a picker
// that skips the backends marked failed: each attempt is made with a
// backend the loop takes from a call of a function of this package
// whose body walks a slice of backends and skips (`continue`) those
// whose field, read directly or through a method of the backend, says
// so (if b.isBroken() { continue }); after the attempt the loop writes
// that field of the backend it was given (b.brokenDeadline.Store(t),
// b.down = true, directly or through a function of the package), and
// its condition bounds the attempts by the slice's length (for range
// len(dbs.backends)). The backend that failed is not picked again, and
// the loop stops once each was tried: VictoriaMetrics'
// loadbalancerTransport.RoundTrip. A loop that does not mark the backend
// it tried, marks a field the picker does not skip on, picks once before
// the loop, or is bounded otherwise or not at all is still reported.
func (c *checker) skipsMarked(l *retry.Loop, a retry.Attempt, cur inspector.Cursor) bool {
	type pick struct {
		list  *types.Var
		marks map[*types.Var]bool
	}
	picks := make(map[*types.Var]pick)
	c.assignedCalls(l, func(v *types.Var, call *ast.CallExpr) {
		if list, marks := c.picker(call); list != nil {
			picks[v] = pick{list, marks}
		}
	})
	body := funcBody(cur)
	if len(picks) == 0 || body == nil {
		return false
	}
	found := false
	ast.Inspect(a.Call, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if p, isPick := picks[v]; ok && isPick && c.marksAfter(l, a, v, p.marks) && c.boundByLen(l, body, p.list) {
			found = true
		}
		return true
	})
	return found
}

// localVar returns the variable that e names, or nil.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// picker returns the slice that call's function picks a backend from,
// and the fields of a backend on which it skips one, when it is a
// function of this package whose result is an element of the slice and
// whose body, in a loop that ranges over or indexes the slice, skips an
// element by a test of its fields: if b.broken { continue }, or a method
// of the element whose body reads them (if b.isBroken() { continue }).
func (c *checker) picker(call *ast.CallExpr) (*types.Var, map[*types.Var]bool) {
	fn := match.Callee(c.info, call)
	body := c.localBody(fn)
	if body == nil {
		return nil, nil
	}
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return nil, nil
	}
	var list *types.Var
	marks := make(map[*types.Var]bool)
	// elem reports whether e is an element of the list found so far.
	elem := func(e ast.Expr) bool {
		t := c.info.TypeOf(e)
		return t != nil && list != nil && types.Identical(match.Deref(t), match.Deref(list.Type().Underlying().(*types.Slice).Elem()))
	}
	var walk func(n ast.Node, inLoop bool) bool
	walk = func(n ast.Node, inLoop bool) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			if rs, ok := n.(*ast.RangeStmt); ok && list == nil {
				list = c.listOf(rs.X) // for _, b := range lb.backends
			}
			if !inLoop {
				ast.Inspect(n, func(m ast.Node) bool { return m == n || walk(m, true) })
				return false
			}
		case *ast.IndexExpr:
			if s := c.listOf(n.X); s != nil && inLoop && (list == nil || list == s) {
				list = s
			}
		case *ast.IfStmt:
			if inLoop && skips(n.Body) {
				// The index is usually taken before the test.
				ast.Inspect(n.Cond, func(m ast.Node) bool {
					switch m := m.(type) {
					case *ast.SelectorExpr:
						if f := match.SelectedField(c.info, m); f != nil && elem(m.X) {
							marks[f] = true
						}
					case *ast.CallExpr:
						sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr)
						if ok && elem(sel.X) {
							for f := range c.receiverFieldsRead(match.Callee(c.info, m)) {
								marks[f] = true
							}
						}
					}
					return true
				})
			}
		}
		return true
	}
	ast.Inspect(body, func(n ast.Node) bool { return walk(n, false) })
	if list == nil || len(marks) == 0 || !types.Identical(res.At(0).Type(), list.Type().Underlying().(*types.Slice).Elem()) {
		return nil, nil
	}
	return list, marks
}

// skips reports whether an if statement's body ends by going to the next
// iteration of the loop.
func skips(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	br, ok := body.List[len(body.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE
}

// receiverFieldsRead returns the fields of its receiver that the body of
// fn, a method of this package, selects.
func (c *checker) receiverFieldsRead(fn *types.Func) map[*types.Var]bool {
	recv, body := c.localParam(fn, -1)
	if recv == nil {
		return nil
	}
	fields := make(map[*types.Var]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if f := match.SelectedField(c.info, sel); f != nil && c.localVar(sel.X) == recv {
				fields[f] = true
			}
		}
		return true
	})
	return fields
}

// localParam returns the parameter i of fn, a function of this package
// (its receiver for i < 0), and fn's body; nil when there is none.
func (c *checker) localParam(fn *types.Func, i int) (*types.Var, *ast.BlockStmt) {
	body := c.localBody(fn)
	if body == nil {
		return nil, nil
	}
	sig := fn.Origin().Signature()
	var v *types.Var
	switch {
	case i < 0:
		v = sig.Recv()
	case i < sig.Params().Len() && (!sig.Variadic() || i < sig.Params().Len()-1):
		v = sig.Params().At(i)
	}
	if v == nil || v.Name() == "" || v.Name() == "_" {
		return nil, nil
	}
	return v, body
}

// marksAfter reports whether the loop, after the attempt, writes one of
// the marks fields of the backend v: directly, or through a method of v
// or a function given v, of this package.
func (c *checker) marksAfter(l *retry.Loop, a retry.Attempt, v *types.Var, marks map[*types.Var]bool) bool {
	marked := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		if n == nil || marked {
			return !marked
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n.Pos() < a.Call.End() {
			return true
		}
		if c.writesField(n, v, marks) {
			marked = true
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := match.Callee(c.info, call)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.localVar(sel.X) == v {
			if recv, body := c.localParam(fn, -1); recv != nil && c.writesIn(body, recv, marks) {
				marked = true
			}
		}
		for i, arg := range call.Args {
			if c.localVar(arg) != v {
				continue
			}
			if p, body := c.localParam(fn, i); p != nil && c.writesIn(body, p, marks) {
				marked = true
			}
		}
		return !marked
	})
	return marked
}

// writesIn reports whether body writes one of the fields of v.
func (c *checker) writesIn(body *ast.BlockStmt, v *types.Var, fields map[*types.Var]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		found = found || c.writesField(n, v, fields)
		return !found
	})
	return found
}

// writesField reports whether n writes one of the fields of v: assigns
// or increments v.f, or stores to it atomically (v.f.Store(x),
// atomic.StoreInt64(&v.f, x)).
func (c *checker) writesField(n ast.Node, v *types.Var, fields map[*types.Var]bool) bool {
	field := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		f := match.SelectedField(c.info, sel)
		return f != nil && fields[f] && c.localVar(sel.X) == v
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if field(lhs) {
				return true
			}
		}
	case *ast.IncDecStmt:
		return field(n.X)
	case *ast.CallExpr:
		fn := match.Callee(c.info, n)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
			return false
		}
		name := fn.Name()
		if !strings.HasPrefix(name, "Store") && !strings.HasPrefix(name, "Add") &&
			!strings.HasPrefix(name, "Swap") && !strings.HasPrefix(name, "CompareAndSwap") {
			return false
		}
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && field(sel.X) {
			return true // v.f.Store(x)
		}
		if len(n.Args) > 0 {
			if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				return field(u.X) // atomic.StoreInt64(&v.f, x)
			}
		}
	}
	return false
}
