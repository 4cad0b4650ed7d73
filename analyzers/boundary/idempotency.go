package boundary

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// idempotencyOf decides whether a replay of the call is safe: it reads
// or is idempotent by itself (n/a), it carries a key the receiver
// deduplicates by (set), it is a write with no key (missing).
func idempotencyOf(info *types.Info, cur inspector.Cursor, o *outbound) Protection {
	body, inFunc := flow.EnclosingFunc(cur)
	if o.stream {
		return Protection{NA, "a stream or subscription"}
	}
	switch o.kind {
	case "dial":
		return Protection{NA, "opens a connection"}
	case "http":
		switch {
		case o.read:
			return Protection{NA, o.method + " is idempotent"}
		case o.method == "PUT" || o.method == "DELETE":
			return Protection{NA, o.method + " is idempotent"}
		case !o.write:
			return Protection{Unknown, "method out of view"}
		}
		if o.req != nil && inFunc {
			if h, ok := keyHeader(info, body, o.req); ok {
				return Protection{Set, h + " header"}
			}
		}
		return Protection{Missing, o.method + " with no idempotency key"}
	case "sql":
		q := strings.ToUpper(o.query)
		switch {
		case o.read:
			return Protection{NA, "a read"}
		case strings.Contains(q, "ON CONFLICT") || strings.Contains(q, "ON DUPLICATE KEY") || strings.HasPrefix(strings.TrimSpace(q), "UPSERT") || strings.Contains(q, "IF NOT EXISTS"):
			return Protection{Set, "upsert"}
		case strings.HasPrefix(strings.TrimSpace(q), "INSERT"):
			return Protection{Missing, "INSERT with no conflict clause"}
		case o.write:
			return Protection{NA, "UPDATE and DELETE repeat to the same state"}
		}
		return Protection{Unknown, "statement out of view"}
	}
	if o.read {
		return Protection{NA, "a read"}
	}
	if inFunc {
		if f, ok := dedupField(info, body, o.call); ok {
			return Protection{Set, f}
		}
	}
	if o.write {
		return Protection{Missing, "a write with no deduplication id"}
	}
	return Protection{Unknown, "not known to be a read or idempotent"}
}

// keyWords are the words of header and field names that carry a key the
// receiver deduplicates by.
var keyWords = []string{"idempotency", "idempotent", "dedup", "deduplication", "msgid", "messageid", "clienttoken"}

func isKeyName(s string) bool {
	s = strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
	for _, w := range keyWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// keyHeader reports whether the request expression req gets a header
// named like an idempotency key in the function: req.Header.Set or Add
// with a constant name, req.Header[name] = v.
func keyHeader(info *types.Info, body inspector.Cursor, req ast.Expr) (string, bool) {
	id, ok := ast.Unparen(req).(*ast.Ident)
	if !ok {
		return "", false
	}
	v := info.Uses[id]
	onReq := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Header" {
			return false
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && info.Uses[x] == v
	}
	for c := range body.Preorder((*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			fn := match.Callee(info, n)
			if !match.IsMethod(fn, "net/http", "Header", "Set", "Add") || !onReq(receiver(n)) {
				continue
			}
			if h, ok := match.ConstString(info, argAt(n, 0)); ok && isKeyName(h) {
				return h, true
			}
		case *ast.IndexExpr:
			if !onReq(n.X) {
				continue
			}
			if h, ok := match.ConstString(info, n.Index); ok && isKeyName(h) {
				return h, true
			}
		}
	}
	return "", false
}

// dedupField reports whether a message or input built in the function
// and passed to call has a field or option named like a deduplication
// id set (amqp.Publishing{MessageId: ...}, nats.MsgId(...),
// ClientToken: ...).
func dedupField(info *types.Info, body inspector.Cursor, call *ast.CallExpr) (string, bool) {
	var found string
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && isKeyName(id.Name) && !flow.IsZeroConst(info, n.Value) {
					found = id.Name
				}
			case *ast.CallExpr:
				if fn := match.Callee(info, n); fn != nil && isKeyName(fn.Name()) {
					found = calleeName(fn)
				}
			case *ast.Ident:
				// A local message variable: look at its literal.
				if v, ok := info.Uses[n].(*types.Var); ok && found == "" {
					if lit := localLiteral(info, body, v); lit != nil {
						for _, elt := range lit.Elts {
							if kv, ok := elt.(*ast.KeyValueExpr); ok {
								if id, ok := kv.Key.(*ast.Ident); ok && isKeyName(id.Name) {
									found = id.Name
								}
							}
						}
					}
				}
			}
			return found == ""
		})
		if found != "" {
			return found, true
		}
	}
	return "", false
}

func localLiteral(info *types.Info, body inspector.Cursor, v *types.Var) *ast.CompositeLit {
	defs, ok := flow.Defs(info, body, v)
	if !ok || len(defs) != 1 || defs[0].Expr == nil {
		return nil
	}
	e := ast.Unparen(defs[0].Expr)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}
