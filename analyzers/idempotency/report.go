package idempotency

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"golang.org/x/tools/go/ast/inspector"
)

// A send is a call that sends a request.
type send struct {
	call       *ast.CallExpr
	cur        inspector.Cursor
	cls        *class
	method     string      // the method, when the send names it (resty's Post)
	retrier    string      // what retries the send, if known from the callee
	sender     *types.Func // the helper that sends it (a SendsRequest fact), or nil
	paths      []string    // constant parts of the URL, when the send names it
	pathParams []int       // parameters that give the URL, when the send names it
	url        ast.Expr    // the URL, when the send names it
}

// A post is a call that makes a POST request that cannot carry a header.
type post struct {
	call       *ast.CallExpr
	cur        inspector.Cursor
	name       string
	retrier    string
	paths      []string
	pathParams []int
	body       *identified // the body, when it identifies itself (identity.go)
}

// A via is a call of a function that sends an unkeyed write it makes
// itself, with no evidence in its own view (a SendsWrite fact).
type via struct {
	call   *ast.CallExpr
	cur    inspector.Cursor
	callee *types.Func
	fact   *SendsWrite
}

// A write is an unkeyed POST or PATCH that the function sends, with the
// evidence that a duplicate does harm.
type write struct {
	call       *ast.CallExpr
	method     string
	post       string // the client function that cannot carry a header (http.Post), or ""
	retrier    string // what replays it: a retry loop, a retrying client, a retry helper
	operation  string // the once-only operation its URL or a name says it performs
	where      string // where the operation word was seen
	pathParams []int  // parameters of the function that give its URL
	identified bool   // its replay is harmless: the body carries its own stable identifier
	setsValue  bool   // a set-to-value write: every body is built from constants alone (identity.go)
}

// constantWrite reports whether every body a write may carry is built
// from constants alone and no parameter gives its URL: a repeat sets the
// same value again.
func constantWrite(bodies []*identified, pathParams []int) bool {
	if len(bodies) == 0 || len(pathParams) > 0 {
		return false
	}
	for _, b := range bodies {
		if b == nil || !b.constant {
			return false
		}
	}
	return true
}

// quiet reports whether the function's writes are left alone whatever
// the evidence: the clients' own packages, functions named as reads or
// credential requests, test helpers, and protocol clients that sign each
// request with a single-use nonce.
func (f *funcFlow) quiet() bool {
	c := f.c
	if path := c.pass.Pkg.Path(); path == httpPkg || path == retryPkg || slices.Contains(restyPkgs, path) {
		return true // the clients' own Post and PostForm: their callers are reported
	}
	name := f.decl.Node().(*ast.FuncDecl).Name.Name
	// A function named as a read sends a read over POST (OCSP, STS token
	// requests, remote read, search); one named for a token makes a
	// credential grant (OAuth2), which a retry repeats harmlessly and
	// whose endpoints take no key; a function that takes a *testing.T is
	// test code wherever it lives.
	// One that signs its request with a single-use nonce speaks a
	// protocol with its own replay protection (protocol.go).
	return c.isReadName(name) || isTokenRequest(name) || c.isTestHelper(f.fn) || f.signsWithNonce()
}

// writes returns the unkeyed writes the function sends, each with its
// evidence.
func (f *funcFlow) writes() []write {
	var out []write
	for _, p := range f.posts {
		if len(p.call.Args) > 0 && f.c.local.URL(p.cur, p.call.Args[0]) {
			continue // to this machine: no network to lose the response (local.go)
		}
		w := write{call: p.call, method: "POST", post: p.name, retrier: p.retrier, pathParams: p.pathParams}
		w.operation, w.where = f.operation(p.paths, nil)
		f.replay(&w, p.cur, []*identified{p.body})
		w.setsValue = w.operation == "" && constantWrite([]*identified{p.body}, w.pathParams)
		f.contentAddressed(&w)
		out = append(out, w)
	}
	for _, sd := range f.sends {
		method, ok := f.unkeyedWrite(sd)
		if !ok {
			continue
		}
		r := find(sd.cls)
		if f.toThisMachine(sd, r) {
			continue
		}
		w := write{call: sd.call, method: method, retrier: sd.retrier}
		bodies := r.bodies
		if r.unidentified {
			bodies = nil
		}
		paths := append(slices.Clip(r.paths), sd.paths...)
		w.pathParams = append(slices.Clip(r.pathParams), sd.pathParams...)
		w.operation, w.where = f.operation(paths, sd.sender)
		f.replay(&w, sd.cur, bodies)
		w.setsValue = w.operation == "" && constantWrite(bodies, w.pathParams)
		f.contentAddressed(&w)
		out = append(out, w)
	}
	return out
}

// replay completes the replay evidence of w, sent at cur: what retries
// it, unless every body it may carry identifies itself with the same
// identifier on every attempt (identity.go), so that the receiver
// recognises a repeat as it would by a key. A once-only operation (a
// payment with its ID in the body) keeps its replay: such APIs take a
// key in the header, not a field of the resource, as the proof.
func (f *funcFlow) replay(w *write, cur inspector.Cursor, bodies []*identified) {
	name, scope := f.c.retryScope(cur, w.call)
	if w.retrier == "" {
		w.retrier = name
	}
	if w.retrier == "" || w.operation != "" || len(bodies) == 0 {
		return
	}
	for _, b := range bodies {
		if !f.stableIdentity(b, scope) {
			return
		}
	}
	w.retrier, w.identified = "", true
}

// contentAddressed clears the replay evidence of w when the function
// addresses its writes by their content (namesContent), unless it names
// a once-only operation.
func (f *funcFlow) contentAddressed(w *write) {
	if w.operation == "" && !w.identified && f.namesContent() {
		w.retrier, w.identified = "", true
	}
}

// operation returns the once-only operation that the constant parts of a
// URL, the name of the function or the name of the helper that sends the
// write say it performs, and where that was seen.
func (f *funcFlow) operation(paths []string, sender *types.Func) (string, string) {
	for _, p := range paths {
		if op := f.c.operationWord(urlPath(p)); op != "" {
			return op, "its URL path " + strconv.Quote(p)
		}
	}
	for _, fn := range []*types.Func{f.fn, sender} {
		if fn == nil {
			continue
		}
		if op := f.c.operationWord(methodName(fn)); op != "" {
			return op, funcName(fn)
		}
	}
	return "", ""
}

// methodName is a function's name, with its receiver type's for a
// method (PaymentClient.Create): both name what it does.
func methodName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if n := match.NamedStruct(recv.Type()); n != nil {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

// report reports the unkeyed writes the function sends that have
// evidence of harm (all of them in strict mode), and the calls of
// functions sending unkeyed writes that the caller retries or names as
// once-only.
func (f *funcFlow) report() {
	c := f.c
	if f.quiet() {
		return
	}
	for _, w := range f.writes() {
		switch {
		case w.retrier != "" && w.post != "":
			c.rep.Reportf(w.call, "retried-post",
				"%s retries a POST that cannot carry an %s header: if a response is lost, the retry repeats the write (the double charge); build the request with retryablehttp.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
				w.post, c.headerName())
		case w.retrier != "":
			c.rep.Reportf(w.call, "retried-write",
				"%s request retried by %s without an %s header: if a response is lost, the retry repeats the write (the double charge); derive a stable key from the operation (e.g. order ID) and set it before the first attempt",
				w.method, w.retrier, c.headerName())
		case w.operation != "" && w.post != "":
			c.rep.Reportf(w.call, "once-only-post",
				"%s sends a POST that cannot carry an %s header, for a once-only operation (%s, in %s): if the response is lost, a retry repeats it; build the request with http.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
				w.post, c.headerName(), w.operation, w.where)
		case w.operation != "":
			c.rep.Reportf(w.call, "once-only-write",
				"%s request sent without an %s header, for a once-only operation (%s, in %s): if the response is lost, a retry repeats it; derive a stable key from the operation (e.g. order ID)",
				w.method, c.headerName(), w.operation, w.where)
		case !c.cfg.Strict:
			// No evidence in view: the function's callers decide
			// (summary exports a SendsWrite fact).
		case w.post != "":
			c.rep.Reportf(w.call, "post",
				"%s sends a POST that cannot carry an %s header: if the response is lost, a retry repeats the write; build the request with http.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
				w.post, c.headerName())
		default:
			c.rep.Reportf(w.call, "write",
				"%s request sent without an %s header: if the response is lost, a retry repeats the write; derive a stable key from the operation (e.g. order ID)",
				w.method, c.headerName())
		}
	}
	for _, v := range f.vias {
		sender := funcName(v.callee)
		if v.fact.Sender != sender {
			sender += " (through " + v.fact.Sender + ")"
		}
		// A set-to-value write repeats harmlessly: only a once-only
		// name reports it.
		if retrier := f.c.retryLoop(v.cur, v.call); retrier != "" && !v.fact.SetsValue {
			c.rep.Reportf(v.call, "retried-call",
				"%s retries %s, which sends a %s request without an %s header: if a response is lost, the retry repeats the write (the double charge); set the header there to a stable key derived from the operation (e.g. order ID), the same on every attempt",
				retrier, sender, v.fact.Method, c.headerName())
			continue
		}
		if op, where := f.viaOperation(v); op != "" {
			c.rep.Reportf(v.call, "once-only-call",
				"%s sends a %s request without an %s header, for a once-only operation (%s, in %s): if the response is lost, a retry repeats it; set the header there to a stable key derived from the operation (e.g. order ID)",
				sender, v.fact.Method, c.headerName(), op, where)
		}
	}
}

// viaOperation returns the once-only operation that a call of a function
// sending an unkeyed write performs: named by the constant parts of the
// URL it passes, or by the caller's name.
func (f *funcFlow) viaOperation(v via) (string, string) {
	var paths []string
	for _, p := range v.fact.PathParams {
		if p < len(v.call.Args) && !isMethodExpr(f.c.info, v.call) {
			ps, _ := f.urlOf(v.call.Args[p], 0)
			paths = append(paths, ps...)
		}
	}
	return f.operation(paths, nil)
}

// silentWrite returns what the function tells its callers about an
// unkeyed write it sends, or makes them send, with no evidence in its
// own view: nil if there is none, or in strict mode (the write itself is
// reported then).
func (f *funcFlow) silentWrite() *SendsWrite {
	if f.c.cfg.Strict || f.fn == nil || f.quiet() {
		return nil
	}
	var setsValue *SendsWrite // a set-to-value write: told only when nothing else is
	for _, w := range f.writes() {
		if w.retrier == "" && w.operation == "" && !w.identified {
			sw := &SendsWrite{Method: w.method, Sender: funcName(f.fn), PathParams: sortedSet(w.pathParams), SetsValue: w.setsValue}
			if !w.setsValue {
				return sw
			}
			if setsValue == nil {
				setsValue = sw
			}
		}
	}
	for _, v := range f.vias {
		if v.fact.Depth+1 > maxWriteDepth || (f.c.retryLoop(v.cur, v.call) != "" && !v.fact.SetsValue) {
			continue
		}
		if op, _ := f.viaOperation(v); op != "" {
			continue
		}
		var params []int
		for _, p := range v.fact.PathParams {
			if p < len(v.call.Args) && !isMethodExpr(f.c.info, v.call) {
				_, ps := f.urlOf(v.call.Args[p], 0)
				params = append(params, ps...)
			}
		}
		sw := &SendsWrite{Method: v.fact.Method, Sender: v.fact.Sender, PathParams: sortedSet(params), Depth: v.fact.Depth + 1, SetsValue: v.fact.SetsValue && len(params) == 0}
		if !sw.SetsValue {
			return sw
		}
		if setsValue == nil {
			setsValue = sw
		}
	}
	return setsValue
}

func sortedSet(xs []int) []int {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return slices.Compact(xs)
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
	return names.HasWord(name, func(w string) bool { return w == "token" || w == "tokens" })
}

// urlPath returns the part of a constant URL piece after its scheme and
// host, if it has them: the host of https://pay.example/charges names no
// operation, its path does.
func urlPath(s string) string {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return ""
}
