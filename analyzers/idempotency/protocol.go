package idempotency

// A protocol whose requests carry their own replay protection: a body
// signed together with a single-use nonce (ACME, RFC 8555, signs each
// POST as a JWS whose protected header holds a Replay-Nonce the server
// issued). Such a server rejects a replayed request and defines what a
// repeated operation does (a new pending order, a state transition it
// accepts once); it takes no idempotency header, which would sit outside
// the signature, so the remedy does not apply.

import (
	"go/ast"

	"github.com/distlint/distlint/internal/names"
)

// signsWithNonce reports whether the function obtains a nonce from a
// call (a function or method named for it: GetNonce, newNonce) and signs
// with a call named for signing (signer.Sign, jws.Sign), outside
// function literals: the request it sends is signed with a single-use
// nonce. A nonce kept in a variable the function makes itself (a
// counter, a timestamp) is not one the server issued and checks, and is
// not evidence.
func (f *funcFlow) signsWithNonce() bool {
	nonce, signs := false, false
	ast.Inspect(f.body.Node(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			var name string
			switch fun := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				name = fun.Name
			case *ast.SelectorExpr:
				name = fun.Sel.Name
			}
			nonce = nonce || names.HasWord(name, func(w string) bool { return w == "nonce" })
			signs = signs || names.HasWord(name, func(w string) bool { return w == "sign" })
		}
		return !(nonce && signs)
	})
	return nonce && signs
}
