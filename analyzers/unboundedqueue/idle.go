package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// consumerNeverWaits reports whether ch is a channel field or package
// variable whose every receive in the package is the waiting point of a
// loop that never waits on anyone else: a case of a select that is the
// body of a for loop (or a range over ch), where nothing else the loop
// does can block (neverBlocks). A goroutine that only sends on such a
// channel is parked at most one iteration of that loop: the goroutines
// cannot pile up behind a slow consumer, as the consumer is never slow
// for long. A channel with no receive in view keeps the finding.
func (c *checker) consumerNeverWaits(ch ast.Expr) bool {
	v := flow.FieldOrGlobal(c.info, ch)
	if v == nil {
		return false
	}
	v = v.Origin()
	receives := 0
	for cur := range c.insp.Root().Preorder((*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.RangeStmt:
			if w := flow.FieldOrGlobal(c.info, n.X); w == nil || w.Origin() != v || !isChan(c.info.TypeOf(n.X)) {
				continue
			}
			if !c.neverBlocks(n.Body, nil, 3, map[*types.Func]bool{}) {
				return false
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				continue
			}
			if w := flow.FieldOrGlobal(c.info, n.X); w == nil || w.Origin() != v {
				continue
			}
			loop, sel, ok := selectLoop(cur)
			if !ok || !c.neverBlocks(loop.Body, sel, 3, map[*types.Func]bool{}) ||
				(loop.Cond != nil && !c.neverBlocks(loop.Cond, nil, 3, map[*types.Func]bool{})) ||
				(loop.Post != nil && !c.neverBlocks(loop.Post, nil, 3, map[*types.Func]bool{})) {
				return false
			}
		}
		receives++
	}
	return receives > 0
}

// selectLoop returns the for loop and the select whose case the receive
// at cur is, when the select is a statement of the loop's body.
func selectLoop(cur inspector.Cursor) (*ast.ForStmt, *ast.SelectStmt, bool) {
	stmt := match.OuterParens(cur).Parent()
	switch stmt.Node().(type) {
	case *ast.ExprStmt, *ast.AssignStmt:
	default:
		return nil, nil, false
	}
	if stmt.ParentEdgeKind() != edge.CommClause_Comm {
		return nil, nil, false
	}
	selCur := stmt.Parent().Parent().Parent()
	sel, ok := selCur.Node().(*ast.SelectStmt)
	if !ok || selCur.ParentEdgeKind() != edge.BlockStmt_List || selCur.Parent().ParentEdgeKind() != edge.ForStmt_Body {
		return nil, nil, false
	}
	loop, ok := selCur.Parent().Parent().Node().(*ast.ForStmt)
	return loop, sel, ok
}

// neverBlocks reports whether running node cannot wait on another
// goroutine, a lock, a timer or the network: every send, receive and
// select in it is a case of a select with a default (wait, the loop's
// own waiting select, may wait in its cases; its case bodies are
// checked), no range over a channel, no go statement (work handed off
// may come back to the channel), and every call is a builtin, a
// conversion, an interface's Error or String method (a value's text), a function of the package
// whose body (up to depth calls down) never blocks either, or a function
// of another package that netreach does not see reach the network,
// that is not in package sync or time.Sleep, and that takes no function
// or channel. A call of a function value or of another interface method
// may do anything: it blocks.
func (c *checker) neverBlocks(node ast.Node, wait *ast.SelectStmt, depth int, seen map[*types.Func]bool) bool {
	if node == nil {
		return true
	}
	ok := true
	// comms are the send and receive statements allowed: cases of a
	// select with a default, or of wait.
	comms := make(map[ast.Node]bool)
	ast.Inspect(node, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // not run here; a call of it is a function value call
		case *ast.GoStmt:
			// Work handed off may come back to the channel (a retry
			// re-queued by its own goroutine): not admitted.
			ok = false
			return false
		case *ast.SelectStmt:
			if n != wait && !hasDefault(n) {
				ok = false
				return false
			}
			for _, cl := range n.Body.List {
				if cc, isCC := cl.(*ast.CommClause); isCC && cc.Comm != nil {
					comms[cc.Comm] = true
					switch s := cc.Comm.(type) {
					case *ast.ExprStmt:
						comms[ast.Unparen(s.X)] = true
					case *ast.AssignStmt:
						if len(s.Rhs) == 1 {
							comms[ast.Unparen(s.Rhs[0])] = true
						}
					}
				}
			}
		case *ast.SendStmt:
			if !comms[n] {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && !comms[n] {
				ok = false
			}
		case *ast.RangeStmt:
			if isChan(c.info.TypeOf(n.X)) {
				ok = false
			}
		case *ast.CallExpr:
			if !c.callNeverBlocks(n, depth, seen) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// callNeverBlocks is neverBlocks for the call itself (its arguments are
// walked by the caller).
func (c *checker) callNeverBlocks(call *ast.CallExpr, depth int, seen map[*types.Func]bool) bool {
	if tv, found := c.info.Types[call.Fun]; found && (tv.IsType() || tv.IsBuiltin()) {
		return true
	}
	fn := match.Callee(c.info, call)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		// An error's Error and a Stringer's String describe a value.
		str := types.Typ[types.String]
		return (fn.Name() == "Error" || fn.Name() == "String") && sig.Params().Len() == 0 &&
			sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), str)
	}
	if fn.Pkg() == c.pass.Pkg {
		if seen[fn] {
			return true
		}
		if depth == 0 {
			return false
		}
		seen[fn] = true
		decl := match.FuncDecl(c.pass.Files, c.info, fn)
		return decl != nil && decl.Body != nil && c.neverBlocks(decl.Body, nil, depth-1, seen)
	}
	if fn.Pkg() == nil || fn.Pkg().Path() == "sync" || (fn.Pkg().Path() == "time" && fn.Name() == "Sleep") {
		return false
	}
	if _, _, net := c.net.Call(call); net {
		return false
	}
	for i := range sig.Params().Len() {
		switch sig.Params().At(i).Type().Underlying().(type) {
		case *types.Signature, *types.Chan:
			return false
		}
	}
	return true
}
