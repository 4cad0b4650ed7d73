package lostcontext

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// Deliberate detachment. A fresh context inside a request is right where
// the work must not be cancelled with the request: cleanup, and code that
// runs because the request's context already failed. The issue that
// taught this (service modules outside both corpora): "pass ctx" there
// hangs a shutdown on a context that is gone, or breaks its order.

// cleanupWords are the words of the names of calls that release or undo:
// a fresh context for them is deliberate.
var cleanupWords = map[string]bool{
	"close": true, "shutdown": true, "stop": true, "cleanup": true, "clean": true,
	"rollback": true, "release": true, "unlock": true, "abort": true, "cancel": true,
	"drain": true, "teardown": true, "unregister": true, "deregister": true,
	"revert": true, "undo": true, "compensate": true, "unlease": true,
}

// cleanupFunc reports whether the function declaration around cur is
// cleanup by the words of its name (Close, Shutdown, Stop): its work
// must finish whatever happened to the request.
func (c *checker) cleanupFunc(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		name := fc.Node().(*ast.FuncDecl).Name.Name
		return names.HasWord(name, func(w string) bool { return cleanupWords[w] })
	}
	return false
}

// cleanup reports whether one of the calls a fresh context reaches is
// cleanup, by the words of its name (srv.Shutdown, tx.Rollback,
// lock.Release, s.cleanupUpload).
func (c *checker) cleanup(receivers []*ast.CallExpr) bool {
	for _, call := range receivers {
		fn := match.Callee(c.info, call)
		if fn == nil {
			continue
		}
		if names.HasWord(fn.Name(), func(w string) bool { return cleanupWords[w] }) {
			return true
		}
	}
	return false
}

// afterFailure reports whether cur runs only because something failed:
// inside an if (or else) whose condition tests an error against nil, the
// context's Err, or errors.Is with context.Canceled or DeadlineExceeded,
// or in a select case that receives from the request context's Done.
// There the request's context may be gone, and the fresh context is how
// the code finishes its cleanup.
func (c *checker) afterFailure(cur inspector.Cursor, s scope) bool {
	body := s.body.Node()
	for anc := range cur.Enclosing() {
		n := anc.Node()
		if n == body {
			return false
		}
		switch n := n.(type) {
		case *ast.IfStmt:
			if n.Cond.End() <= cur.Node().Pos() && c.failureCond(n.Cond) {
				return true
			}
		case *ast.CommClause:
			if n.Comm != nil && c.receivesDone(anc, n.Comm, s.hypothetical) {
				return true
			}
		}
	}
	return false
}

// failureCond reports whether cond tests for a failure: err != nil,
// ctx.Err() != nil, errors.Is(err, context.Canceled) and the like,
// joined by && or ||.
func (c *checker) failureCond(cond ast.Expr) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return c.failureCond(e.X) || c.failureCond(e.Y)
		case token.NEQ, token.EQL:
			for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				if !match.IsError(c.info.TypeOf(pair[0])) {
					continue
				}
				if e.Op == token.NEQ && c.info.Types[pair[1]].IsNil() {
					return true // err != nil
				}
				if c.isContextErr(pair[1]) {
					return true // err == context.Canceled
				}
			}
		}
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(c.info, e), "errors", "Is") && len(e.Args) == 2 {
			return c.isContextErr(e.Args[1])
		}
	}
	return false
}

// isContextErr reports whether e is context.Canceled or
// context.DeadlineExceeded.
func (c *checker) isContextErr(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := c.info.Uses[sel.Sel]
	return match.IsPkgVar(obj, "context", "Canceled") || match.IsPkgVar(obj, "context", "DeadlineExceeded")
}

// receivesDone reports whether the select communication comm receives
// from the Done channel of the request's context.
func (c *checker) receivesDone(cur inspector.Cursor, comm ast.Stmt, hypothetical bool) bool {
	ch := match.RecvChan(comm)
	if ch == nil {
		return false
	}
	ctx, ok := c.doneOf(ch)
	return ok && c.req.carriesIn(cur, ctx, hypothetical)
}

// explainWords are the beginnings of words that a comment explaining a
// deliberate fresh context uses.
var explainWords = []string{"context", "ctx", "cancel", "detach", "outliv", "background", "deadline", "independ", "timeout", "shutdown", "after"}

// explained reports whether the statement holding cur has a comment on
// the line above that explains the fresh context ("use a
// background context: the write must outlive the request").
func (c *checker) explained(f *ast.File, cur inspector.Cursor) bool {
	var stmt ast.Node
	var prevEnd token.Pos // the end of the statement before, if any
	for anc := range cur.Enclosing() {
		if st, ok := anc.Node().(ast.Stmt); ok {
			stmt = st
			if prev, ok := anc.PrevSibling(); ok {
				prevEnd = prev.Node().End()
			} else {
				prevEnd = anc.Parent().Node().Pos() // the block's brace, or the case
			}
			break
		}
	}
	if stmt == nil {
		return false
	}
	fset := c.pass.Fset
	line := fset.Position(stmt.Pos()).Line
	for _, group := range f.Comments {
		if fset.Position(group.Pos()).Line >= line {
			break
		}
		if fset.Position(group.End()).Line != line-1 {
			continue
		}
		if prevEnd.IsValid() && fset.Position(prevEnd).Line == fset.Position(group.Pos()).Line {
			continue // a trailing comment of the code before
		}
		text := strings.ToLower(group.Text())
		for _, w := range explainWords {
			if strings.Contains(text, w) {
				return true
			}
		}
	}
	return false
}
