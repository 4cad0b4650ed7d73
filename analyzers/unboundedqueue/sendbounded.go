package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// sendBounded reports whether a goroutine that only sends on ch, started
// at cur, is one the code in view bounds, so that parked senders cannot
// pile up from outside input:
//
//   - the spawner drains ch itself right after starting it (a statement
//     after the go statement in the same block receives from ch or ranges
//     over it): it takes an item back for every goroutine it starts, so
//     at most one is in flight (a sentinel sent to mark the end of a
//     queue being emptied);
//   - outside a loop, the value sent is a signal (a constant, nil or an
//     empty struct) rather than an item the function was handed: a
//     notification of the program's own event (a connection made), whose
//     rate nothing in view ties to outside input;
//   - the goroutine re-queues onto a channel field from the consumer's
//     own goroutine: the function that starts it is called (directly or
//     through functions of the package) from the body of a loop that
//     receives from that same field. Each such goroutine puts back an item
//     the consumer took out, so the items queued and parked never exceed
//     what the producers put in; their bound, or its absence, is theirs;
//   - every receive of ch in the package is the waiting point of a loop
//     that never waits on anyone else (consumerNeverWaits): the sender
//     is parked at most one iteration of it.
func (c *checker) sendBounded(cur inspector.Cursor, g *ast.GoStmt, ch ast.Expr, inLoop bool) bool {
	if c.drainedAfter(cur, ch) {
		return true
	}
	if !inLoop && c.signal(g.Call) {
		return true
	}
	return c.requeue(cur, ch) || c.consumerNeverWaits(ch)
}

// drainedAfter reports whether a statement after the one at cur in its
// block receives from ch (a receive expression or a range over it), not
// counting function literals.
func (c *checker) drainedAfter(cur inspector.Cursor, ch ast.Expr) bool {
	path, ok := flow.PathOf(c.info, ch)
	if !ok {
		return false
	}
	same := func(x ast.Expr) bool {
		q, ok := flow.PathOf(c.info, x)
		return ok && q.Equal(path)
	}
	for next, ok := cur.NextSibling(); ok; next, ok = next.NextSibling() {
		found := false
		ast.Inspect(next.Node(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && same(n.X) {
					found = true
				}
			case *ast.RangeStmt:
				if isChan(c.info.TypeOf(n.X)) && same(n.X) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// signal reports whether every value the goroutine sends is a constant,
// nil or an empty struct literal.
func (c *checker) signal(call *ast.CallExpr) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	var values []ast.Expr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok {
			values = append(values, s.Value)
		}
		return true
	})
	for _, v := range values {
		if !c.isSignalValue(v) {
			return false
		}
	}
	return len(values) > 0
}

func (c *checker) isSignalValue(v ast.Expr) bool {
	tv, ok := c.info.Types[v]
	if !ok {
		return false
	}
	if tv.Value != nil || tv.IsNil() {
		return true
	}
	cl, ok := ast.Unparen(v).(*ast.CompositeLit)
	if !ok || len(cl.Elts) != 0 {
		return false
	}
	st, ok := tv.Type.Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// requeue reports whether ch is a channel field that a loop of the
// package receives from, and the function declaring cur is that loop's
// function or one its body calls, up to three calls deep within the
// package.
func (c *checker) requeue(cur inspector.Cursor, ch ast.Expr) bool {
	field := match.SelectedField(c.info, ch)
	if field == nil {
		return false
	}
	var self *types.Func
	for d := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		self, _ = c.info.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func)
		break
	}
	if self == nil {
		return false
	}
	fromField := func(x ast.Expr) bool { return match.SelectedField(c.info, x) == field }
	for lc := range c.insp.Root().Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		var body *ast.BlockStmt
		switch l := lc.Node().(type) {
		case *ast.ForStmt:
			body = l.Body
		case *ast.RangeStmt:
			body = l.Body
			if isChan(c.info.TypeOf(l.X)) && fromField(l.X) && c.reaches(body, self, 3, map[*types.Func]bool{}) {
				return true
			}
			continue
		}
		receives := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && fromField(n.X) {
					receives = true
				}
			}
			return !receives
		})
		if receives && c.reaches(body, self, 3, map[*types.Func]bool{}) {
			return true
		}
	}
	return false
}

// reaches reports whether node calls target, directly or through
// functions of the package, within depth calls; seen holds the functions
// already walked.
func (c *checker) reaches(node ast.Node, target *types.Func, depth int, seen map[*types.Func]bool) bool {
	if depth == 0 || node == nil {
		return false
	}
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := match.Callee(c.info, call)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return true
		}
		fn = fn.Origin()
		if fn == target {
			found = true
			return false
		}
		if seen[fn] {
			return true
		}
		seen[fn] = true
		if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil && decl.Body != nil && c.reaches(decl.Body, target, depth-1, seen) {
			found = true
		}
		return !found
	})
	return found
}
