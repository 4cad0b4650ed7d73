package boundary

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// retryOf decides how the call at cur is replayed inside its function:
// by a backoff library it is handed to (backoff), by a loop that tries
// again after a failure (backoff with a growing delay, unsafe with none
// or a fixed one), or not at all (none).
func retryOf(info *types.Info, cur inspector.Cursor) Protection {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			return Protection{None, "sent once in " + n.Name.Name}
		case *ast.FuncLit:
			if lib, ok := retryHelper(info, c); ok {
				return Protection{Backoff, lib}
			}
		case *ast.RangeStmt:
			if t, ok := info.TypeOf(n.X).Underlying().(*types.Basic); !ok || t.Info()&types.IsInteger == 0 {
				continue // once per element
			}
			if p, ok := retryLoop(info, n.Body); ok {
				return p
			}
		case *ast.ForStmt:
			if p, ok := retryLoop(info, n.Body); ok {
				if n.Cond == nil && p.Status == Unsafe {
					p.Evidence += ", no attempt limit"
				}
				return p
			}
		}
	}
	return Protection{None, "sent once"}
}

// retryHelper reports whether the function literal at lit is handed to a
// retry library that backs off by default.
func retryHelper(info *types.Info, lit inspector.Cursor) (string, bool) {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	path := fn.Pkg().Path()
	switch {
	case hasPathPrefix(path, "github.com/cenkalti/backoff") && strings.HasPrefix(fn.Name(), "Retry"):
		return "backoff." + fn.Name(), true
	case hasPathPrefix(path, "github.com/avast/retry-go") && fn.Name() == "Do":
		return "retry.Do (backoff with jitter by default)", true
	case hasPathPrefix(path, "k8s.io/apimachinery/pkg/util/wait") && strings.Contains(fn.Name(), "Backoff"):
		return "wait." + fn.Name(), true
	}
	return "", false
}

// retryLoop reports whether a loop body tries again after a failure: it
// leaves on success (if err == nil { return/break }) or goes round on
// failure (if err != nil { ...; continue }), or sleeps between
// attempts after checking an error. It says how it waits.
func retryLoop(info *types.Info, body *ast.BlockStmt) (Protection, bool) {
	retries := false
	var sleeps []ast.Expr // delays: time.Sleep's argument, time.After's
	growing := map[types.Object]bool{}
	jitter := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if eq, isErr := errCheck(info, n.Cond); isErr {
				if eq && exits(n.Body, token.BREAK) || !eq && exits(n.Body, token.CONTINUE) {
					retries = true
				}
			}
		case *ast.CallExpr:
			fn := match.Callee(info, n)
			switch {
			case match.IsFunc(fn, "time", "Sleep", "After", "NewTimer"):
				sleeps = append(sleeps, argAt(n, 0))
			case fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == "math/rand" || fn.Pkg().Path() == "math/rand/v2"):
				jitter = true
			case fn != nil && fn.Pkg() != nil && hasPathPrefix(fn.Pkg().Path(), "github.com/cenkalti/backoff") && fn.Name() == "NextBackOff":
				jitter = true
				sleeps = append(sleeps, nil)
			}
		case *ast.AssignStmt:
			// d *= 2, d <<= 1, d = d * 2: a delay that grows.
			if len(n.Lhs) == 1 {
				if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok {
					if n.Tok == token.MUL_ASSIGN || n.Tok == token.SHL_ASSIGN || n.Tok == token.ADD_ASSIGN {
						growing[info.ObjectOf(id)] = true
					}
				}
			}
		}
		return true
	})
	if !retries && len(sleeps) == 0 {
		return Protection{}, false
	}
	if !retries {
		return Protection{}, false // a polling loop, not a retry of this call
	}
	if len(sleeps) == 0 {
		return Protection{Unsafe, "retried in a loop with no delay"}, true
	}
	for _, d := range sleeps {
		if d == nil {
			return Protection{Backoff, "backoff.NextBackOff"}, true
		}
		if tv, ok := info.Types[d]; ok && tv.Value != nil {
			continue
		}
		grows := false
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && growing[info.ObjectOf(id)] {
				grows = true
			}
			if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.SHL {
				grows = true
			}
			return true
		})
		if grows || jitter {
			return Protection{Backoff, "retried in a loop with a growing delay"}, true
		}
		return Protection{Unknown, "retried in a loop with a delay out of view"}, true
	}
	return Protection{Unsafe, "retried in a loop with a fixed delay"}, true
}

// errCheck reports whether cond compares an error with nil, and whether
// it tests for equality (err == nil).
func errCheck(info *types.Info, cond ast.Expr) (eq, ok bool) {
	b, isBin := ast.Unparen(cond).(*ast.BinaryExpr)
	if !isBin || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false, false
	}
	isNil := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id.Name == "nil" && info.Types[e].IsNil()
	}
	isErr := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
	}
	if (isErr(b.X) && isNil(b.Y)) || (isErr(b.Y) && isNil(b.X)) {
		return b.Op == token.EQL, true
	}
	return false, false
}

// exits reports whether block leaves the loop iteration: a return, or
// the branch statement tok (break on success, continue on failure).
func exits(block *ast.BlockStmt, tok token.Token) bool {
	for _, s := range block.List {
		switch s := s.(type) {
		case *ast.ReturnStmt:
			return tok == token.BREAK
		case *ast.BranchStmt:
			return s.Tok == tok
		}
	}
	return false
}

func constantInt(tv types.TypeAndValue) (int64, bool) {
	if tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
