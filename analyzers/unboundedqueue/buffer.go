package unboundedqueue

import (
	"go/ast"
	"go/constant"

	"github.com/distlint/distlint/internal/match"
)

// makeChan reports make(chan T, n) with a huge constant n.
func (c *checker) makeChan(call *ast.CallExpr) {
	if len(call.Args) != 2 || !match.IsBuiltin(c.info, call, "make") || !isChan(c.info.TypeOf(call.Args[0])) {
		return
	}
	tv := c.info.Types[call.Args[1]]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return // sized from input or configuration
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < int64(c.cfg.MaxBuffer) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; use a small buffer and apply backpressure, or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", n, msgGrow, c.cfg.MaxBuffer)
}
