package idempotency

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"
)

// toThisMachine reports whether every URL the request of sd may carry
// visibly names this machine (internal/local): a loopback or
// unspecified host, or the address of a listener the program opened, in
// a literal, a url.URL's Host, or an unexported field written only with
// such addresses. The client and the server share the machine, with no
// network between them to lose a response in flight, so a retry does
// not replay a write that was done (relic's token worker: POSTs to the
// worker process it started on 127.0.0.1:0). A URL from a parameter, a
// config field or any value out of view keeps the finding.
func (f *funcFlow) toThisMachine(sd send, r *class) bool {
	urls := r.urls
	if sd.url != nil {
		urls = append(urls[:len(urls):len(urls)], sd.url)
	}
	if len(urls) == 0 || (r.urlUnknown && sd.url == nil) {
		return false
	}
	for _, u := range urls {
		if !f.c.local.URL(f.cursorOf(sd.cur, u), u) {
			return false
		}
	}
	return true
}

// cursorOf returns the cursor of e, found in the function's body, or
// at when it is not there.
func (f *funcFlow) cursorOf(at inspector.Cursor, e ast.Expr) inspector.Cursor {
	if cur, ok := f.body.FindNode(e); ok {
		return cur
	}
	return at
}
