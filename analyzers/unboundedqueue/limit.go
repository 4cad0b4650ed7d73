package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// limited reports whether the loop body, outside the goroutines it
// starts, limits concurrency. Limits are recognised by what they do and
// by their types, not by the spelling of a method: a send or a
// discarded receive (a buffered channel of tokens), a call of a function
// of this package that does one, a semaphore of golang.org/x/sync, a
// WaitGroup or errgroup waited on, a rate limiter, or any acquire-release
// pair (a method whose name acquires a permit, a slot or a semaphore,
// whatever its letter case, on a type that also has a release method).
func (c *checker) limited(loop inspector.Cursor) bool {
	body := loopBody(loop)
	return c.blocksOnToken(body, true)
}

// blocksOnToken reports whether body, outside function literals and
// select cases, sends, receives without using the value, or calls an
// acquisition. With follow, calls of this package's functions are
// looked into once (a helper that takes a token).
func (c *checker) blocksOnToken(body ast.Node, follow bool) bool {
	if body == nil {
		return false
	}
	comms := make(map[ast.Stmt]bool) // select cases' communications are not acquisitions
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.CommClause:
			if n.Comm != nil {
				comms[n.Comm] = true
			}
		case *ast.SendStmt:
			if !comms[n] {
				found = true
			}
		case *ast.ExprStmt:
			if u, ok := ast.Unparen(n.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && !comms[n] {
				found = true
			}
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			if c.acquires(fn) {
				found = true
			} else if follow && fn != nil && fn.Pkg() == c.pass.Pkg {
				if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil && decl.Body != nil && c.blocksOnToken(decl.Body, false) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// acquires reports whether calling fn takes a unit of concurrency that
// something must give back, or waits for running work to finish.
func (c *checker) acquires(fn *types.Func) bool {
	switch {
	case fn == nil:
		return false
	case match.IsMethod(fn, "golang.org/x/sync/semaphore", "Weighted", "Acquire", "TryAcquire"),
		match.IsMethod(fn, "golang.org/x/time/rate", "Limiter", "Wait", "WaitN"),
		match.IsMethod(fn, "sync", "WaitGroup", "Wait"),
		match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Wait"):
		return true
	}
	return acquireReleasePair(fn)
}

// acquireWords start a permit's lifetime; releaseWords end it.
var (
	acquireWords = map[string]bool{"acquire": true, "take": true, "reserve": true, "obtain": true, "claim": true, "grab": true, "wait": true, "get": true, "enter": true, "lock": true}
	releaseWords = map[string]bool{"release": true, "give": true, "put": true, "free": true, "return": true, "leave": true, "done": true, "unlock": true}
	// limitWords name what a pair counts: a method called Get or Wait
	// acquires only on a type (or with a name) that says so.
	limitWords = map[string]bool{"sem": true, "sema": true, "semaphore": true, "permit": true, "permits": true, "slot": true, "slots": true, "token": true, "tokens": true, "limiter": true, "limit": true, "ticket": true, "tickets": true, "concurrency": true, "inflight": true}
)

// acquireReleasePair reports whether fn acquires (its name says acquire,
// or says take, get or wait and it or its receiver type names a
// semaphore, permit or slot) and its receiver type, or for a function
// its package, has a matching release (Release, release, PutSlot,
// GiveBack...).
func acquireReleasePair(fn *types.Func) bool {
	ws := names.Words(fn.Name())
	if len(ws) == 0 || !acquireWords[ws[0]] {
		return false
	}
	sig := fn.Signature()
	scopeNames := func() []string {
		if sig.Recv() == nil {
			if fn.Pkg() == nil {
				return nil
			}
			return fn.Pkg().Scope().Names()
		}
		var out []string
		ms := types.NewMethodSet(sig.Recv().Type())
		if _, isPtr := sig.Recv().Type().(*types.Pointer); !isPtr && !types.IsInterface(sig.Recv().Type()) {
			ms = types.NewMethodSet(types.NewPointer(sig.Recv().Type()))
		}
		for sel := range ms.Methods() {
			out = append(out, sel.Obj().Name())
		}
		return out
	}
	if ws[0] != "acquire" {
		typeName := ""
		if sig.Recv() != nil {
			if n, ok := match.Deref(sig.Recv().Type()).(*types.Named); ok {
				typeName = n.Obj().Name()
			}
		}
		if !names.HasWord(fn.Name(), func(w string) bool { return limitWords[w] }) && !names.HasWord(typeName, func(w string) bool { return limitWords[w] }) {
			return false
		}
	}
	for _, name := range scopeNames() {
		if rws := names.Words(name); len(rws) > 0 && releaseWords[rws[0]] {
			return true
		}
	}
	return false
}
