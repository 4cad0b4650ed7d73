package timeout

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/ast/inspector"
)

// unboundedDialer reports whether the net.Dialer expression visibly has
// neither Timeout nor Deadline: a literal without them, or a local
// variable whose every value is such a literal, new(net.Dialer) or the
// zero value, with neither field assigned in the function.
func (c *checker) unboundedDialer(cur inspector.Cursor, expr ast.Expr) bool {
	expr = ast.Unparen(expr)
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = ast.Unparen(u.X)
	}
	switch e := expr.(type) {
	case *ast.CompositeLit:
		return !c.dialerLitBounded(e)
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		body, inFunc := flow.EnclosingFunc(cur)
		if !ok || !inFunc {
			return false
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if !c.unboundedDialerValue(d.Expr) {
				return false
			}
		}
		return !flow.FieldSet(c.info, body, body.Node().Pos(), flow.Path{Root: v}, "Timeout", "Deadline")
	}
	return false
}

// unboundedDialerValue reports whether a value given to a dialer
// variable is visibly unbounded (nil stands for the zero value).
func (c *checker) unboundedDialerValue(expr ast.Expr) bool {
	if expr == nil {
		return true
	}
	expr = ast.Unparen(expr)
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = ast.Unparen(u.X)
	}
	switch e := expr.(type) {
	case *ast.CompositeLit:
		return match.IsType(c.info.TypeOf(e), "net.Dialer") && !c.dialerLitBounded(e)
	case *ast.CallExpr:
		return match.IsBuiltin(c.info, e, "new") && match.IsTypeOrPointer(c.info.TypeOf(e), "net.Dialer")
	}
	return false
}

func (c *checker) dialerLitBounded(lit *ast.CompositeLit) bool {
	t := c.info.TypeOf(lit)
	timeout, _ := litField(c.info, lit, t, "Timeout")
	deadline, _ := litField(c.info, lit, t, "Deadline")
	return timeout || deadline
}

// isTCP reports whether the network argument of a dial is a constant
// naming a TCP network. Other networks do not wait on a remote peer
// (udp, unix), and a non-constant one is out of view.
func isTCP(info *types.Info, network ast.Expr) bool {
	tv, ok := info.Types[network]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(tv.Value) {
	case "tcp", "tcp4", "tcp6":
		return true
	}
	return false
}

// ownListener reports whether the address expression addr reads a
// location that the package listens on (listened), directly or through
// local variables: a dial to it cannot wait on an unreachable host. The
// address of a listener the function opened itself is loopbackDial's.
func (c *checker) ownListener(cur inspector.Cursor, addr ast.Expr, depth int) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok || depth > 3 {
		return false
	}
	if c.listened(addr) {
		return true
	}
	found := false
	ast.Inspect(addr, func(n ast.Node) bool {
		if e, ok := n.(*ast.Ident); ok {
			v, ok := c.info.Uses[e].(*types.Var)
			if !ok || !match.IsType(v.Type(), "string") {
				return true
			}
			defs, ok := flow.Defs(c.info, body, v)
			if !ok {
				return true
			}
			all := true
			for _, d := range defs {
				if d.Expr == nil || d.Index != 0 || !c.ownListener(cur, d.Expr, depth+1) {
					all = false
				}
			}
			found = found || all
		}
		return !found
	})
	return found
}
