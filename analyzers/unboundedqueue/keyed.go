package unboundedqueue

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// keyGuarded reports whether the loop starts its goroutines once per
// distinct key: it checks a map for the key (a comma-ok index, an index
// compared in a condition, sync.Map's Load or LoadOrStore) and records
// the key in the same map (an index assignment, or LoadOrStore, which
// does both). One goroutine per key is bounded by the set of keys (the
// partitions, tenants or peers), not by the rate of messages. A map of
// times is no key set: v, ok := m[k] whose v the loop compares as a
// time (v.Before(now), now.After(v.next)) is a back-off that lets the
// key through again later (see keyThrottled).
func (c *checker) keyGuarded(loop inspector.Cursor) bool {
	body := loopBody(loop)
	var checked, stored []flow.Path
	mapIndex := func(e ast.Expr) (flow.Path, bool) {
		ck, ok := c.indexCheck(e) // keyedsend.go: m[k] for a map m
		return ck.m, ok
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if p, ok := mapIndex(lhs); ok {
					stored = append(stored, p)
				}
			}
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				if p, ok := mapIndex(n.Rhs[0]); ok && !c.timeCompared(body, c.varOf(n.Lhs[0])) {
					checked = append(checked, p) // v, ok := m[k]
				}
			}
		case *ast.IfStmt:
			ast.Inspect(n.Cond, func(m ast.Node) bool {
				if e, ok := m.(ast.Expr); ok {
					if p, ok := mapIndex(e); ok {
						checked = append(checked, p)
					}
				}
				return true
			})
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !isSel || !match.IsMethod(fn, "sync", "Map", "Load", "LoadOrStore", "Store", "Swap") {
				return true
			}
			p, ok := flow.PathOf(c.info, sel.X)
			if !ok {
				return true
			}
			switch fn.Name() {
			case "Load":
				checked = append(checked, p)
			case "Store", "Swap":
				stored = append(stored, p)
			case "LoadOrStore":
				checked, stored = append(checked, p), append(stored, p)
			}
		}
		return true
	})
	for _, ch := range checked {
		for _, st := range stored {
			if ch.Equal(st) {
				return true
			}
		}
	}
	return false
}

// timeCompared reports whether body compares v, or a field of it, as a
// time (time.Time's Before or After).
func (c *checker) timeCompared(body ast.Node, v *types.Var) bool {
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 || !match.IsMethod(match.Callee(c.info, call), "time", "Time", "Before", "After") {
			return !found
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel {
			return true
		}
		for _, e := range []ast.Expr{sel.X, call.Args[0]} {
			if p, ok := flow.PathOf(c.info, e); ok && p.Root == v {
				found = true
			}
		}
		return !found
	})
	return found
}
