package unboundedqueue

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// The harm of a goroutine per item and of a slice queue is pile-up
// behind a slow consumer, and the slow party this suite is about is the
// network. Their shape alone does not show a slow consumer: by default
// (without -unboundedqueue.strict) they are reported only when the
// consumer is seen to wait on the network, as internal/netreach tells
// it (directly, through the package's functions, or through another
// package's by its facts). A consumer that calls a function value, or an
// interface method netreach does not know, is not seen: silent.

// goroutineNet returns the network call that the goroutine started by
// spawn (a go statement's call, or the call of a WaitGroup's or an
// errgroup's Go) makes, directly or through the functions it calls.
func (c *checker) goroutineNet(spawn *ast.CallExpr) (via string, ok bool) {
	fn := match.Callee(c.info, spawn)
	if (match.IsMethod(fn, "sync", "WaitGroup", "Go") || match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go", "TryGo")) && len(spawn.Args) == 1 {
		return c.funcValueNet(spawn.Args[0])
	}
	if lit, ok := ast.Unparen(spawn.Fun).(*ast.FuncLit); ok {
		return c.bodyNet(lit.Body)
	}
	return c.funcNet(fn)
}

// funcValueNet returns the network call that the function e names (a
// function literal, a function or a method value) reaches.
func (c *checker) funcValueNet(e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return c.bodyNet(e.Body)
	case *ast.Ident:
		fn, _ := c.info.Uses[e].(*types.Func)
		return c.funcNet(fn)
	case *ast.SelectorExpr:
		fn, _ := c.info.Uses[e.Sel].(*types.Func)
		return c.funcNet(fn)
	}
	return "", false
}

// funcNet returns the network call fn reaches.
func (c *checker) funcNet(fn *types.Func) (string, bool) {
	if fn == nil {
		return "", false
	}
	f, ok := c.net.Reaches(fn)
	return f.Via, ok
}

// bodyNet returns the first network call that a function body makes,
// directly or through the functions it calls (its function literals
// included: the goroutines and callbacks it starts work for it).
func (c *checker) bodyNet(body ast.Node) (via string, ok bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if ok || !isCall {
			return !ok
		}
		if nc, direct, reaches := c.net.Call(call); reaches {
			via, ok = nc.Op, true
			if direct {
				via = nc.Name()
			}
		}
		return !ok
	})
	return via, ok
}

// consumerNet returns the network call that the consumer of a slice
// queue makes: a drain method other than the pushing one, or a function
// of the package that calls such a drain and uses what it returns.
func (c *checker) consumerNet(q *queueField, pushing string) (string, bool) {
	drains := make(map[*types.Func]bool)
	for m, fn := range q.drains {
		if m == pushing || fn == nil {
			continue
		}
		if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil {
			if via, ok := c.bodyNet(decl.Body); ok {
				return via, true
			}
		}
		drains[fn] = true
	}
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		fn := match.Callee(c.info, cur.Node().(*ast.CallExpr))
		if fn == nil || !drains[fn.Origin()] {
			continue
		}
		if _, discarded := cur.Parent().Node().(*ast.ExprStmt); discarded {
			continue // q.flush(): nothing drained is used here
		}
		if f, ok := match.InnermostFunc(cur); ok {
			if _, body := match.FuncParts(f.Node()); body != nil {
				if via, ok := c.bodyNet(body); ok {
					return via, true
				}
			}
		}
	}
	return "", false
}
