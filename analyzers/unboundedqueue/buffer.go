package unboundedqueue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// makeChan reports make(chan T, n) with a huge constant n, or with n an
// option or configuration field whose visible default is huge and that
// nothing clamps.
func (c *checker) makeChan(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 || !match.IsBuiltin(c.info, call, "make") || !isChan(c.info.TypeOf(call.Args[0])) {
		return
	}
	if connElem(c.info.TypeOf(call.Args[0])) || c.signalChan(cur, c.info.TypeOf(call.Args[0])) {
		return
	}
	tv := c.info.Types[call.Args[1]]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		c.configuredChan(cur, call)
		return
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < int64(c.cfg.MaxBuffer) || !c.slowConsumer(cur) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; use a small buffer and apply backpressure, or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", n, msgGrow, c.cfg.MaxBuffer)
}

// signalChan reports whether the channel made at cur, of type ch, holds
// signals: its elements have size zero (chan struct{}), so its buffer
// holds no memory, and no send to where it is kept runs once per item
// (gf's server keeps a 10000-slot chan struct{} for its shutdown
// signal). A producer that outruns such a consumer leaves its backlog
// elsewhere, where the queue that holds the items is judged. A token
// semaphore, sent to in a loop before each goroutine, is still a
// buffer: one that large bounds nothing.
func (c *checker) signalChan(cur inspector.Cursor, ch types.Type) bool {
	t, ok := ch.Underlying().(*types.Chan)
	if !ok || !zeroSize(t.Elem(), 0) {
		return false
	}
	v := match.StoredIn(c.info, cur)
	if v == nil {
		return true // its sends cannot be seen: no evidence of a semaphore
	}
	for send := range c.insp.Root().Preorder((*ast.SendStmt)(nil)) {
		if match.VarOf(c.info, send.Node().(*ast.SendStmt).Chan) != v {
			continue
		}
		if _, ok := retry.Innermost(send); ok {
			return false
		}
	}
	return true
}

// zeroSize reports whether values of t take no memory: an empty struct,
// an array of none, or a struct or array of such (a type parameter may
// be anything: no).
func zeroSize(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for f := range u.Fields() {
			if !zeroSize(f.Type(), depth+1) {
				return false
			}
		}
		return true
	case *types.Array:
		return u.Len() == 0 || zeroSize(u.Elem(), depth+1)
	}
	return false
}

// configuredChan reports make(chan T, o.F) where the package gives the
// field F a default at or above the threshold (in a composite literal or
// an assignment of a constant) and never compares F with a limit or
// passes it through min: users who keep the default get the huge buffer.
// A buffer whose every send is in view and sheds load is left alone
// (shedsWhenFull).
func (c *checker) configuredChan(cur inspector.Cursor, call *ast.CallExpr) {
	arg := ast.Unparen(call.Args[1])
	if conv, ok := arg.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.info.Types[conv.Fun]; ok && tv.IsType() {
			arg = ast.Unparen(conv.Args[0])
		}
	}
	f := match.SelectedField(c.info, arg)
	if f == nil {
		return
	}
	n, ok := c.fieldDefault(f)
	if !ok || n < int64(c.cfg.MaxBuffer) || c.clampedFields()[f] || c.shedsWhenFull(cur) || !c.slowConsumer(cur) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %s, whose default is %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; default to a small buffer, clamp the option, and apply backpressure or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", f.Name(), n, msgGrow, c.cfg.MaxBuffer)
}

// slowConsumer reports whether the channel made at cur has a consumer in
// view that waits on the network (always, with -unboundedqueue.strict):
// a buffer fills only behind a slow consumer.
func (c *checker) slowConsumer(cur inspector.Cursor) bool {
	if c.cfg.Strict {
		return true
	}
	_, waits := c.chanConsumerNet(match.StoredIn(c.info, cur))
	return waits
}

// fieldDefault returns the constant default the package gives the
// field f in a literal or an assignment (flow.Writes): the largest, if
// it gives several.
func (c *checker) fieldDefault(f *types.Var) (n int64, ok bool) {
	if c.writes == nil {
		c.writes = flow.NewWrites(c.pass.Pkg, c.info, c.insp.Root())
	}
	for _, w := range c.writes.Of(f) {
		tv := c.info.Types[w.Value]
		if w.Value == nil || tv.Value == nil || tv.Value.Kind() != constant.Int {
			continue
		}
		if v, exact := constant.Int64Val(tv.Value); exact && (v > n || n == 0) {
			n, ok = v, true
		}
	}
	return n, ok
}

// clampedFields returns the fields the package compares with a limit
// or passes through min, computed once.
func (c *checker) clampedFields() map[*types.Var]bool {
	if c.clamped != nil {
		return c.clamped
	}
	c.clamped = make(map[*types.Var]bool)
	for cur := range c.insp.Root().Preorder((*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				for _, side := range []ast.Expr{n.X, n.Y} {
					if f := match.SelectedField(c.info, side); f != nil {
						c.clamped[f] = true
					}
				}
			}
		case *ast.CallExpr:
			if match.IsBuiltin(c.info, n, "min") {
				for _, a := range n.Args {
					if f := match.SelectedField(c.info, a); f != nil {
						c.clamped[f] = true
					}
				}
			}
		}
	}
	return c.clamped
}
