package lostcontext

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// sqlForm returns the context-taking form of a database/sql method: the
// method of the same receiver named M+"Context" (ExecContext, StmtContext),
// or BeginTx for Begin. It is "" for methods that have none.
func sqlForm(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil || strings.HasSuffix(fn.Name(), "Context") {
		return ""
	}
	to := fn.Name() + "Context"
	if fn.Name() == "Begin" {
		to = "BeginTx"
	}
	if obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), to); obj != nil {
		if _, ok := obj.(*types.Func); ok {
			return to
		}
	}
	return ""
}

// contextless checks a call that has a context-taking form, made while
// serving an incoming request: http.Get and friends (functions and
// *http.Client methods), net.Dial and DialTimeout, and the database/sql
// methods without Context. The call runs on after the client gave up,
// and its spans and logs no longer belong to the request.
func (c *checker) contextless(f *ast.File, cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	name, form, fix := c.contextForm(call, fn)
	if form == nil {
		return
	}
	s, ok := c.requestScope(f, cur)
	// A goroutine's work may outlive the request by design; failure
	// paths and explained statements are deliberate detachment.
	if !ok || s.goroutine || c.waitsForDone(s, call.Pos()) || c.afterFailure(cur, s) || c.explained(f, cur) {
		return
	}
	d := analysis.Diagnostic{
		Pos:      call.Fun.Pos(),
		End:      call.Fun.End(),
		Category: "contextless",
		Message:  name + " takes no context where " + s.expr + " is in scope: it runs on after the client gave up and drops the request's trace; " + form(s.expr),
	}
	if fix != nil {
		if edits := fix(s.expr); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass " + s.expr, TextEdits: edits}}
		}
	}
	c.emit(s, d, name)
}

// contextForm returns, for a call with a context-taking form, the name of
// the call for messages, the advice, and the fix that uses the form with
// a given context (nil where the form needs more than an edit of the
// call). form is nil for other calls.
func (c *checker) contextForm(call *ast.CallExpr, fn *types.Func) (name string, form func(ctx string) string, fix func(ctx string) []analysis.TextEdit) {
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch {
	case match.IsFunc(fn, "net/http", "Get", "Head", "Post", "PostForm"),
		match.IsMethod(fn, "net/http", "Client", "Get", "Head", "Post", "PostForm"):
		name = "http." + fn.Name()
		if match.RecvName(fn) != "" {
			name = "(*http.Client)." + fn.Name()
		}
		return name, func(ctx string) string {
			return "make the request with http.NewRequestWithContext(" + ctx + ", ...) and send it with Do"
		}, nil
	case match.IsFunc(fn, "net", "Dial", "DialTimeout"):
		name = "net." + fn.Name()
		return name, func(ctx string) string {
			return "use (&net.Dialer{}).DialContext(" + ctx + ", ...)"
		}, func(ctx string) []analysis.TextEdit { return c.dialFix(call, fn, sel, ctx) }
	case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "database/sql":
		to := sqlForm(fn)
		if to == "" || sel == nil {
			return "", nil, nil
		}
		name = "(*sql." + match.RecvName(fn) + ")." + fn.Name()
		return name, func(ctx string) string {
				return "use " + to + "(" + ctx + ", ...)"
			}, func(ctx string) []analysis.TextEdit {
				rename := analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(to)}
				if to == "BeginTx" {
					if len(call.Args) != 0 {
						return nil
					}
					return []analysis.TextEdit{rename, {Pos: call.Lparen + 1, End: call.Rparen, NewText: []byte(ctx + ", nil")}}
				}
				return []analysis.TextEdit{rename, {Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(ctx + ", ")}}
			}
	}
	return "", nil, nil
}

// dialFix rewrites net.Dial(network, addr) as
// (&net.Dialer{}).DialContext(ctx, network, addr), and
// net.DialTimeout(network, addr, d) as
// (&net.Dialer{Timeout: d}).DialContext(ctx, network, addr).
func (c *checker) dialFix(call *ast.CallExpr, fn *types.Func, sel *ast.SelectorExpr, ctx string) []analysis.TextEdit {
	if sel == nil || call.Ellipsis.IsValid() {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	var args []string
	for _, a := range call.Args {
		var buf bytes.Buffer
		if err := format.Node(&buf, c.pass.Fset, a); err != nil {
			return nil
		}
		args = append(args, buf.String())
	}
	dialer := "&" + pkg.Name + ".Dialer{}"
	switch {
	case fn.Name() == "Dial" && len(args) == 2:
	case fn.Name() == "DialTimeout" && len(args) == 3:
		dialer = "&" + pkg.Name + ".Dialer{Timeout: " + args[2] + "}"
		args = args[:2]
	default:
		return nil
	}
	text := "(" + dialer + ").DialContext(" + ctx + ", " + args[0] + ", " + args[1] + ")"
	return []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}}
}
