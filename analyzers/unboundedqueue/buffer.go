package unboundedqueue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// makeChan reports make(chan T, n) with a huge constant n, or with n an
// option or configuration field whose visible default is huge and that
// nothing clamps.
func (c *checker) makeChan(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 || !match.IsBuiltin(c.info, call, "make") || !isChan(c.info.TypeOf(call.Args[0])) {
		return
	}
	if connElem(c.info.TypeOf(call.Args[0])) {
		return
	}
	tv := c.info.Types[call.Args[1]]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		c.configuredChan(cur, call)
		return
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < int64(c.cfg.MaxBuffer) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; use a small buffer and apply backpressure, or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", n, msgGrow, c.cfg.MaxBuffer)
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
	d := c.defaults()
	n, ok := d.value[f]
	if !ok || n < int64(c.cfg.MaxBuffer) || d.clamped[f] || c.shedsWhenFull(cur) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %s, whose default is %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; default to a small buffer, clamp the option, and apply backpressure or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", f.Name(), n, msgGrow, c.cfg.MaxBuffer)
}

// fieldDefaults are the constant values the package gives struct fields
// (the largest one per field), and the fields it compares with a limit.
type fieldDefaults struct {
	value   map[*types.Var]int64
	clamped map[*types.Var]bool
}

// defaults computes the package's field defaults once.
func (c *checker) defaults() *fieldDefaults {
	if c.fieldDefaults != nil {
		return c.fieldDefaults
	}
	d := &fieldDefaults{value: make(map[*types.Var]int64), clamped: make(map[*types.Var]bool)}
	c.fieldDefaults = d
	set := func(f *types.Var, e ast.Expr) {
		tv := c.info.Types[e]
		if f == nil || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return
		}
		if n, exact := constant.Int64Val(tv.Value); exact && (n > d.value[f] || d.value[f] == 0) {
			d.value[f] = n
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			for _, fv := range match.LiteralFields(c.info, n) {
				set(fv.Field, fv.Value)
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					set(match.SelectedField(c.info, lhs), n.Rhs[i])
				}
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				for _, side := range []ast.Expr{n.X, n.Y} {
					if f := match.SelectedField(c.info, side); f != nil {
						d.clamped[f] = true
					}
				}
			}
		case *ast.CallExpr:
			if match.IsBuiltin(c.info, n, "min") {
				for _, a := range n.Args {
					if f := match.SelectedField(c.info, a); f != nil {
						d.clamped[f] = true
					}
				}
			}
		}
	}
	return d
}
