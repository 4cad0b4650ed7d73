package boundary

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// An outbound is one classified outbound call and the parts of it the
// protections look at.
type outbound struct {
	call *ast.CallExpr
	fn   *types.Func
	kind string
	op   string
	// ctx is the call's context argument (the request's context for
	// HTTP), nil when it takes none.
	ctx ast.Expr
	// HTTP: the net/http client expression (nil when out of view),
	// whether it is http.DefaultClient, the request expression for Do,
	// the method when constant.
	client        ast.Expr
	defaultClient bool
	req           ast.Expr
	method        string
	// dialTimeout is the evidence of a timeout the callee itself takes
	// (net.DialTimeout); noTimeout says the callee visibly has none.
	dialTimeout, noTimeout string
	// read reports an operation that only reads; write one that
	// sends or changes data; stream one that stays open.
	read, write, stream bool
	// query is the SQL text when constant.
	query string
}

// classify reports whether call is an outbound network call (as
// internal/netreach recognises them) and describes it, with what the
// call's arguments show of its method, address and statement.
func classify(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) (*outbound, bool) {
	c, ok := netreach.Classify(info, call)
	if !ok {
		return nil, false
	}
	o := &outbound{call: call, fn: c.Func.Origin(), kind: c.Kind.String(), op: c.Name(), write: c.Write, stream: c.Stream}
	if c.Ctx >= 0 {
		o.ctx = argAt(call, c.Ctx)
	}
	switch c.Kind {
	case netreach.HTTP:
		if c.Op != "Do" && c.Op != "RoundTrip" && c.Op != "Execute" && c.Op != "Send" {
			o.method = c.Op
		}
		classifyHTTP(info, cur, o)
	case netreach.Dial:
		classifyDial(info, o)
	case netreach.SQL:
		classifySQL(info, o)
	case netreach.GRPC:
		o.op = c.Op
		o.read = readName(methodOf(c.Op))
	case netreach.Cloud:
		if c.Service != "" {
			o.op = c.Service + "." + c.Op
		}
		o.read = !c.Write && readName(c.Op)
	case netreach.Redis:
		o.op = "redis " + c.Op
		o.read = !c.Write && redisRead(c.Op)
	default:
		if s, ok := match.ConstString(info, argAt(call, c.Ctx+1)); ok && c.Kind != netreach.Kafka {
			o.op += " " + s // the subject or exchange
		}
		o.read = !c.Write && readName(c.Op)
	}
	return o, true
}

// methodOf returns the method of a gRPC operation: "Charge" of
// "/pay.Payments/Charge" or "Payments.Charge".
func methodOf(op string) string {
	if i := strings.LastIndexAny(op, "/."); i >= 0 {
		return op[i+1:]
	}
	return op
}

// redisRead reports whether a Redis command only reads.
func redisRead(cmd string) bool {
	for _, p := range []string{"H", "M", "Z", "S", "L", "X"} {
		if rest, ok := strings.CutPrefix(cmd, p); ok && readName(rest) {
			return true
		}
	}
	switch cmd {
	case "TTL", "PTTL", "Ping", "Type", "StrLen", "HLen", "LLen", "SCard", "ZCard", "SMembers", "SIsMember", "ZRange", "LRange", "ZScore":
		return true
	}
	return readName(cmd)
}

func classifyHTTP(info *types.Info, cur inspector.Cursor, o *outbound) bool {
	call, fn := o.call, o.fn
	var urlArg ast.Expr
	switch {
	case match.IsFunc(fn, "net/http", "Get", "Head", "Post", "PostForm"):
		o.method = httpMethod(fn.Name())
		urlArg = argAt(call, 0)
		o.defaultClient = true
	case match.IsMethod(fn, "net/http", "Client", "Get", "Head", "Post", "PostForm"):
		o.method = httpMethod(fn.Name())
		urlArg = argAt(call, 0)
		o.client = receiver(call)
	case match.IsMethod(fn, "net/http", "Client", "Do"):
		o.client = receiver(call)
		o.req = argAt(call, 0)
		if nr := requestOrigin(info, cur, o.req); nr != nil {
			nfn := match.Callee(info, nr)
			i := 0
			if nfn.Name() == "NewRequestWithContext" {
				o.ctx = argAt(nr, 0)
				i = 1
			}
			if m, ok := match.ConstString(info, argAt(nr, i)); ok {
				o.method = strings.ToUpper(m)
				if o.method == "" {
					o.method = "GET"
				}
			}
			urlArg = argAt(nr, i+1)
		}
	default:
		return false
	}
	if o.client != nil {
		if sel, ok := ast.Unparen(o.client).(*ast.SelectorExpr); ok && match.IsPkgVar(info.Uses[sel.Sel], "net/http", "DefaultClient") {
			o.defaultClient = true
		}
	}
	if u, ok := match.ConstString(info, urlArg); ok && o.method != "" {
		o.op = o.method + " " + u
	} else if o.method != "" {
		o.op = o.method + " " + o.op // POST (*http.Client).Do: the URL is out of view
	}
	switch o.method {
	case "GET", "HEAD", "OPTIONS", "TRACE":
		o.read = true
	case "POST", "PATCH":
		o.write = true
	}
	return true
}

// requestOrigin returns the http.NewRequest or NewRequestWithContext
// call that made the request expression req, directly or through a
// local variable given that one value.
func requestOrigin(info *types.Info, cur inspector.Cursor, req ast.Expr) *ast.CallExpr {
	c, ok := ast.Unparen(req).(*ast.CallExpr)
	if id, isIdent := ast.Unparen(req).(*ast.Ident); isIdent {
		c, ok = flow.UniqueCall(info, cur, id), true
	}
	if !ok || c == nil {
		return nil
	}
	if fn := match.Callee(info, c); !match.IsFunc(fn, "net/http", "NewRequest", "NewRequestWithContext") {
		return nil
	}
	return c
}

func httpMethod(funcName string) string {
	switch funcName {
	case "Get":
		return "GET"
	case "Head":
		return "HEAD"
	}
	return "POST"
}

func classifyDial(info *types.Info, o *outbound) bool {
	call, fn := o.call, o.fn
	switch {
	case match.IsFunc(fn, "net", "DialTimeout"):
		o.dialTimeout = "net.DialTimeout"
	case match.IsFunc(fn, "net", "Dial", "DialTCP", "DialUDP", "DialIP", "DialUnix"), match.IsFunc(fn, "crypto/tls", "Dial"):
		o.noTimeout = calleeName(fn) + " has no timeout"
	case match.IsMethod(fn, "net", "Dialer", "Dial", "DialContext"), match.IsMethod(fn, "crypto/tls", "Dialer", "Dial", "DialContext"):
		if fn.Name() == "DialContext" {
			o.ctx = argAt(call, 0)
		}
	case match.IsFunc(fn, "crypto/tls", "DialWithDialer"):
	default:
		return false
	}
	// The address when constant: "dial tcp db.internal:5432".
	args := call.Args
	if o.ctx != nil {
		args = args[1:]
	}
	if len(args) >= 2 {
		network, ok1 := match.ConstString(info, args[0])
		addr, ok2 := match.ConstString(info, args[1])
		if ok1 && ok2 {
			o.op = "dial " + network + " " + addr
		}
	}
	return true
}

func classifySQL(info *types.Info, o *outbound) bool {
	fn := o.fn
	name := fn.Name()
	recv := match.RecvName(fn)
	if recv != "DB" && recv != "Conn" && recv != "Tx" && recv != "Stmt" {
		return false
	}
	base := strings.TrimSuffix(name, "Context")
	switch base {
	case "Query", "QueryRow", "Exec":
		i := 0
		if o.ctx != nil {
			i = 1
		}
		if recv == "Stmt" {
			i-- // the statement was prepared
		}
		if q, ok := match.ConstString(info, argAt(o.call, i)); ok {
			o.query = q
		}
		switch st := netreach.StatementOf(o.query); {
		case st == netreach.StmtRead:
			o.read = true
		case st.Write():
			o.write = true
		}
	case "Ping", "Begin", "BeginTx", "Prepare", "Commit", "Rollback", "Conn":
		o.read = true // no data written by the call itself (Commit's writes are the statements')
	default:
		return false
	}
	return true
}

// readName reports whether an operation's name says it only reads.
func readName(name string) bool {
	for _, p := range []string{"Get", "List", "Describe", "Read", "Head", "Query", "Scan", "Search", "Lookup", "Fetch", "Check", "Watch", "Count", "Exists"} {
		if strings.HasPrefix(name, p) && (len(name) == len(p) || name[len(p)] >= 'A' && name[len(p)] <= 'Z') {
			return true
		}
	}
	return false
}

func argAt(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

func hasPathPrefix(path string, prefixes ...string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p+"/") || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// calleeName names fn as operations show it: "(*sql.DB).QueryRowContext",
// "net.DialTimeout".
func calleeName(fn *types.Func) string {
	pkg := fn.Pkg().Name()
	sig := fn.Signature()
	if sig.Recv() == nil {
		return pkg + "." + fn.Name()
	}
	t := sig.Recv().Type()
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if star != "" {
			return "(*" + pkg + "." + n.Obj().Name() + ")." + fn.Name()
		}
		return pkg + "." + n.Obj().Name() + "." + fn.Name()
	}
	return pkg + "." + fn.Name()
}
