package retrystorm

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/netreach"
)

// dialsThisMachine reports whether call is a dial whose address visibly
// names this machine (internal/local: a loopback, localhost or
// unspecified host, the address of a listener the program opened, or an
// unexported field written only with such addresses), or a call of a
// function of this package whose every network call is such a dial. The
// peer is a process on the same host, often a child the program started
// (a debugger's stub, a database it runs for itself): one client, not a
// fleet, waits for it, and a bounded retry of it cannot bring waves of
// clients onto a server that is down. An address from a parameter or a
// config field keeps the finding.
func (c *checker) dialsThisMachine(call *ast.CallExpr) bool {
	return c.localDial(call, 0)
}

func (c *checker) localDial(call *ast.CallExpr, depth int) bool {
	return c.sameHostCall(call, depth, func(nc netreach.Call) bool {
		return nc.Kind == netreach.Dial && c.localAddress(call, nc.Func)
	}, c.localDial)
}

// localAddress reports whether the dial call (of fn, a net or crypto/tls
// dial) has an argument for the parameter named address or addr that
// names this machine.
func (c *checker) localAddress(call *ast.CallExpr, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := range sig.Params().Len() {
		if name := sig.Params().At(i).Name(); (name != "address" && name != "addr") || i >= len(call.Args) {
			continue
		}
		cur, ok := c.root.FindNode(call.Args[i])
		return ok && c.local.Addr(cur, call.Args[i])
	}
	return false
}
