package retrystorm

// A loop that goes on after a failure only when the server answered
// "not found" waits for a resource to appear (an instance just created,
// eventually consistent): the server is up and answering, and every
// failure an outage brings (a refused connection, a timeout, a 5xx)
// leaves the loop at once. No wave of retries can form against a server
// that is down.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/retry"
)

// retriesOnlyNotFound reports whether the failure branch of the attempt
// a, the first `if err != nil` in the loop's body after it, leaves the
// loop unless the failure is a not-found answer: its body starts with
// (or holds, before anything that continues) `if e.Code != "NotFound" &&
// ... { return err }` or `if !isNotFound(err) { return err }`, or it is
// `if isNotFound(err) { ...; continue }; return err`.
func (c *checker) retriesOnlyNotFound(l *retry.Loop, a retry.Attempt) bool {
	var branch *ast.BlockStmt
	for _, s := range l.Body.List {
		is, ok := s.(*ast.IfStmt)
		if ok && is.Pos() >= a.Call.End() && c.find.Disjunct(is.Cond, a.Err, token.NEQ) {
			branch = is.Body
			break
		}
	}
	if branch == nil {
		return false
	}
	for i, s := range branch.List {
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Init != nil {
			continue
		}
		// if not-not-found { return err }: every other failure leaves.
		if is.Else == nil && match.EndsFunction(c.info, is.Body.List) && c.notNotFound(is.Cond) {
			return true
		}
		// if not-found { ...; continue }; return err
		if is.Else == nil && c.notFoundTest(is.Cond) && match.EndsFunction(c.info, branch.List[i+1:]) {
			return true
		}
		return false // the first test of the failure decides
	}
	return false
}

// notNotFound reports whether cond holds for every failure but a
// not-found answer: a conjunction of `x != K` with K naming not found,
// or the negation of a not-found test.
func (c *checker) notNotFound(cond ast.Expr) bool {
	cond = ast.Unparen(cond)
	switch e := cond.(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return c.notNotFound(e.X) && c.notNotFound(e.Y)
		case token.LOR:
			return c.notNotFound(e.X) || c.notNotFound(e.Y) // the other side only adds exits
		case token.NEQ:
			return c.namesNotFound(e.X) || c.namesNotFound(e.Y)
		}
	case *ast.UnaryExpr:
		return e.Op == token.NOT && c.notFoundTest(e.X)
	}
	return false
}

// notFoundTest reports whether cond holds only for a not-found answer: a
// disjunction of `x == K` with K naming not found, a call of a function
// whose name says not found (IsNotFound, isNotExist), or errors.Is with
// a sentinel whose name does.
func (c *checker) notFoundTest(cond ast.Expr) bool {
	cond = ast.Unparen(cond)
	switch e := cond.(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return c.notFoundTest(e.X) && c.notFoundTest(e.Y)
		case token.EQL:
			return c.namesNotFound(e.X) || c.namesNotFound(e.Y)
		}
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		if fn == nil {
			return false
		}
		if match.IsFunc(fn, "errors", "Is") && len(e.Args) == 2 {
			return c.namesNotFound(e.Args[1])
		}
		return notFoundName(fn.Name())
	}
	return false
}

// namesNotFound reports whether e is a constant or a named value whose
// text or name says not found: "InvalidInstanceId.NotFound", 404,
// http.StatusNotFound, codes.NotFound, os.ErrNotExist, "NoSuchKey".
func (c *checker) namesNotFound(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			if notFoundName(constant.StringVal(tv.Value)) {
				return true
			}
		case constant.Int:
			if v, exact := constant.Int64Val(tv.Value); exact && v == 404 {
				return true
			}
		}
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id == nil {
		return false
	}
	switch c.info.Uses[id].(type) {
	case *types.Const, *types.Var:
		return notFoundName(id.Name)
	}
	return false
}

// notFoundName reports whether a name or an error code says not found or
// does not exist: NotFound, InstanceNotFound, ErrNotExist, NoSuchKey,
// not_found.
func notFoundName(s string) bool {
	var ws []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
		ws = append(ws, names.Words(part)...)
	}
	for i, w := range ws {
		switch {
		case w == "notfound" || w == "nosuch" || w == "notexist":
			return true
		case (w == "not" || w == "no") && i+1 < len(ws) && (ws[i+1] == "found" || ws[i+1] == "exist" || ws[i+1] == "such"):
			return true
		}
	}
	return false
}
