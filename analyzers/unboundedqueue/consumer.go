package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// A goroutine parked on a send and a huge channel buffer are both queue
// slots; they fill only behind a slow consumer. By default (without
// -unboundedqueue.strict) they are reported only when the channel's
// consumer is in view and waits on the network, the standard the
// goroutine-per-item and slice-queue rules already use. The consumer of
// a channel is the code that receives from it: the body of a range over
// it, the loop around a receive (a select case included), or, outside
// any loop, the function that receives. A channel the package only
// hands to code out of view, or receives from only in code that does
// local work, shows no slow consumer.

// chanConsumers indexes, once per package, the consumers of each channel
// variable (a local, a parameter, a package variable or a struct field)
// and the parameters each is passed to (consume(s.ch) in view: its
// consumers are those of the parameter too).
type chanConsumers struct {
	bodies map[*types.Var][]ast.Node
	passed map[*types.Var][]*types.Var
}

func (c *checker) consumers() *chanConsumers {
	if c.chanCons != nil {
		return c.chanCons
	}
	cc := &chanConsumers{bodies: make(map[*types.Var][]ast.Node), passed: make(map[*types.Var][]*types.Var)}
	c.chanCons = cc
	for cur := range c.insp.Root().Preorder((*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.RangeStmt:
			if v := match.VarOf(c.info, n.X); v != nil && isChan(c.info.TypeOf(n.X)) {
				cc.bodies[v] = append(cc.bodies[v], n.Body)
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				continue
			}
			v := match.VarOf(c.info, n.X)
			if v == nil {
				continue
			}
			if body := receiverBody(cur); body != nil {
				cc.bodies[v] = append(cc.bodies[v], body)
			}
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			if fn == nil || fn.Pkg() != c.pass.Pkg {
				continue
			}
			sig := fn.Signature()
			for i, arg := range n.Args {
				if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 || !isChan(c.info.TypeOf(arg)) {
					continue
				}
				if v := match.VarOf(c.info, arg); v != nil {
					cc.passed[v] = append(cc.passed[v], sig.Params().At(i))
				}
			}
		}
	}
	return cc
}

// receiverBody returns the code that consumes what the receive at cur
// takes: the innermost loop around it, or the function it is in.
func receiverBody(cur inspector.Cursor) ast.Node {
	if loop, ok := retry.Innermost(cur); ok {
		return loopBody(loop)
	}
	if f, ok := match.InnermostFunc(cur); ok {
		_, body := match.FuncParts(f.Node())
		if body != nil {
			return body
		}
	}
	return nil
}

// chanConsumerNet returns the network call that a consumer of the
// channel variable v makes: a receiving loop or function of the package
// whose work reaches the network, directly or through the functions it
// calls. ok is false when no consumer is in view, or none waits on the
// network.
func (c *checker) chanConsumerNet(v *types.Var) (via string, ok bool) {
	if v == nil {
		return "", false
	}
	cc := c.consumers()
	vars := append([]*types.Var{v}, cc.passed[v]...)
	for _, v := range vars {
		for _, body := range cc.bodies[v] {
			if via, ok := c.bodyNet(body); ok {
				return via, true
			}
		}
	}
	return "", false
}
