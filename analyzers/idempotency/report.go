package idempotency

import (
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// A send is a call that sends a request.
type send struct {
	call    *ast.CallExpr
	cur     inspector.Cursor
	cls     *class
	method  string // the method, when the send names it (resty's Post)
	retrier string // what retries the send, if known from the callee
}

// A post is a call that makes a POST request that cannot carry a header.
type post struct {
	call    *ast.CallExpr
	name    string
	retrier string
}

// report reports the unkeyed writes the function sends.
func (f *funcFlow) report() {
	c := f.c
	fd := f.decl.Node().(*ast.FuncDecl)
	if path := c.pass.Pkg.Path(); path == httpPkg || path == retryPkg || slices.Contains(restyPkgs, path) {
		return // the clients' own Post and PostForm: their callers are reported
	}
	if c.isReadName(fd.Name.Name) || isTokenRequest(fd.Name.Name) || c.isTestHelper(f.fn) {
		// A function named as a read sends a read over POST (OCSP, STS
		// token requests, remote read, search); one named for a token
		// makes a credential grant (OAuth2), which a retry repeats
		// harmlessly and whose endpoints take no key; a function that
		// takes a *testing.T is test code wherever it lives.
		return
	}
	for _, p := range f.posts {
		if p.retrier != "" {
			c.rep.Reportf(p.call, "retried-post",
				"%s retries a POST that cannot carry an %s header: if a response is lost, the retry repeats the write (the double charge); build the request with retryablehttp.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
				p.name, c.headerName())
			continue
		}
		c.rep.Reportf(p.call, "post",
			"%s sends a POST that cannot carry an %s header: if the response is lost, a retry repeats the write; build the request with http.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
			p.name, c.headerName())
	}
	for _, sd := range f.sends {
		method, ok := f.unkeyedWrite(sd)
		if !ok {
			continue
		}
		retrier := sd.retrier
		if retrier == "" {
			retrier = f.retryLoop(sd.cur, sd.call)
		}
		if retrier != "" {
			c.rep.Reportf(sd.call, "retried-write",
				"%s request retried by %s without an %s header: if a response is lost, the retry repeats the write (the double charge); derive a stable key from the operation (e.g. order ID) and set it before the first attempt",
				method, retrier, c.headerName())
			continue
		}
		c.rep.Reportf(sd.call, "write",
			"%s request sent without an %s header: if the response is lost, a retry repeats the write; derive a stable key from the operation (e.g. order ID)",
			method, c.headerName())
	}
}

// unkeyedWrite returns the method of a send that is a write made in view
// with no idempotency key.
func (f *funcFlow) unkeyedWrite(sd send) (string, bool) {
	r := find(sd.cls)
	if r.keyed || r.maybe || r.opaque || len(r.params) > 0 || r.methodUnknown {
		return "", false
	}
	if sd.method != "" {
		return sd.method, isWrite(sd.method)
	}
	if len(r.assigned) > 0 {
		// The Method field is assigned: only when every assignment makes
		// a write is the method certain.
		for _, m := range r.assigned {
			if !isWrite(m) {
				return "", false
			}
		}
		return r.assigned[0], true
	}
	for _, o := range r.origins {
		if o.known && o.param < 0 && isWrite(o.method) {
			return o.method, true
		}
	}
	return "", false
}

// isTokenRequest reports whether a function's name says it requests a
// credential: it has the word Token (ExchangeOAuth2Token, refreshToken,
// tokenSource).
func isTokenRequest(name string) bool {
	return strings.Contains(name, "Token") || strings.HasPrefix(name, "token")
}
