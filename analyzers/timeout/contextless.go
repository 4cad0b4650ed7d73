package timeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A ContextlessClients is the fact that an exported function sends a
// request with no context through the client it is given as some of its
// parameters (a Get, Head, Post or PostForm, or a Do of a request made
// by http.NewRequest and never given a context), directly or through the
// fields, variables and functions it hands the client to
// (pulsar-client-go's NewTokenRetriever keeps its Doer for requests that
// a helper makes with http.NewRequest). A client with no Timeout handed
// to such a parameter is reported at the call, in whichever package it
// is.
//
// On an exported struct field, it is the fact that the package sends a
// request with no context through the client kept in the field (At has
// one element).
type ContextlessClients struct {
	Params []int    // the indices of the parameters
	At     []string // for each, where the request is sent (file.go:line)
}

// AFact marks ContextlessClients as a fact.
func (*ContextlessClients) AFact() {}

func (f *ContextlessClients) String() string {
	if f.Params == nil {
		return "contextless client field"
	}
	return fmt.Sprintf("contextless clients %v", f.Params)
}

// contextlessParam reports whether fn sends a request with no context
// through the client given as its parameter i, and where: computed for a
// function of this package, read from a ContextlessClients fact for
// another's.
func (c *checker) contextlessParam(fn *types.Func, i, hops int) (string, bool) {
	if fn == nil || fn.Pkg() == nil || i < 0 || hops > maxHops {
		return "", false
	}
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		var f ContextlessClients
		if !c.pass.ImportObjectFact(fn, &f) {
			return "", false
		}
		if k := slices.Index(f.Params, i); k >= 0 && k < len(f.At) {
			return f.At[k], true
		}
		return "", false
	}
	param, body, ok := c.clientParam(fn, i)
	if !ok {
		return "", false
	}
	if at, ok := c.contextless[param]; ok {
		return at, at != ""
	}
	c.contextless[param] = "" // in progress
	defer c.unkept()()
	var ev evidence
	for _, use := range flow.Uses(c.info, body, param) {
		ev.add(c.useEvidence(use, hops+1))
	}
	at := ""
	if ev.contextless != "" {
		at = ev.at
	}
	c.contextless[param] = at
	return at, at != ""
}

// exportContextlessClients exports the ContextlessClients facts of the
// package's exported functions and methods that take a client.
func (c *checker) exportContextlessClients() {
	for fn := range match.FuncDecls(c.pass.Files, c.info) {
		if !fn.Exported() {
			continue
		}
		var f ContextlessClients
		params := fn.Signature().Params()
		for i := range params.Len() {
			if !isClientType(params.At(i).Type()) {
				continue
			}
			if at, ok := c.contextlessParam(fn, i, 0); ok {
				f.Params = append(f.Params, i)
				f.At = append(f.At, at)
			}
		}
		if len(f.Params) > 0 {
			c.pass.ExportObjectFact(fn, &f)
		}
	}
	// The exported client fields of the package's struct types, which
	// other packages give values (a Config whose client a controller
	// sends requests through with http.NewRequest).
	for f := range c.exportedClientFields() {
		if at, ok := c.contextlessField(f); ok {
			c.pass.ExportObjectFact(f, &ContextlessClients{At: []string{at}})
		}
	}
}

// contextlessField reports whether a request with no context is sent
// through the client kept in field f, and where: computed for a field of
// this package, read from a ContextlessClients fact for another's.
func (c *checker) contextlessField(f *types.Var) (string, bool) {
	f = f.Origin()
	if f.Pkg() == nil {
		return "", false
	}
	if f.Pkg() != c.pass.Pkg {
		var fact ContextlessClients
		if c.pass.ImportObjectFact(f, &fact) && len(fact.At) == 1 {
			return fact.At[0], true
		}
		return "", false
	}
	if at, ok := c.contextlessFields[f]; ok {
		return at, at != ""
	}
	c.contextlessFields[f] = "" // in progress
	defer c.unkept()()
	ev, _ := c.packageUses(f, 1)
	at := ""
	if ev.contextless != "" {
		at = ev.at
	}
	c.contextlessFields[f] = at
	return at, at != ""
}

// where is pos as file.go:line, for messages.
func (c *checker) where(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// newRequestHelper reports whether fn, a function of this package,
// returns as its first result only requests made by http.NewRequest and
// never given a context (pulsar-client-go's newRequest helper).
func (c *checker) newRequestHelper(fn *types.Func, depth int) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg || depth > 4 {
		return false
	}
	cur, ok := c.sites.Body(fn)
	if !ok {
		return false
	}
	returns := 0
	for rc := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		ret := rc.Node().(*ast.ReturnStmt)
		if inFuncLit(rc) {
			continue // a function literal's return
		}
		if len(ret.Results) == 0 {
			return false
		}
		first := ret.Results[0]
		if tv, ok := c.info.Types[first]; ok && tv.IsNil() {
			continue // an error return
		}
		if len(ret.Results) == 1 && fn.Signature().Results().Len() > 1 {
			// return f(), of several results
			call, ok := ast.Unparen(first).(*ast.CallExpr)
			if !ok || !c.requestCall(match.Callee(c.info, call), depth+1) {
				return false
			}
		} else if !c.contextlessRequest(cur, first, depth+1) {
			return false
		}
		returns++
	}
	return returns > 0
}

// requestCall reports whether a call of fn makes a request with no
// context: http.NewRequest, or a helper of this package that returns
// one.
func (c *checker) requestCall(fn *types.Func, depth int) bool {
	return match.IsFunc(fn, "net/http", "NewRequest") || c.newRequestHelper(fn, depth)
}

// inFuncLit reports whether cur is inside a function literal.
func inFuncLit(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.FuncLit)(nil)) {
		return true
	}
	return false
}
