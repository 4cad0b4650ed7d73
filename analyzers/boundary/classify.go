package boundary

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
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
	// HTTP: the client expression (nil: http.DefaultClient), the
	// request expression for Do, the method when constant.
	client ast.Expr
	req    ast.Expr
	method string
	// dialTimeout is the evidence of a timeout the callee itself takes
	// (net.DialTimeout); noTimeout says the callee visibly has none.
	dialTimeout, noTimeout string
	// read reports an operation that only reads; write one that
	// changes state and is not idempotent by itself.
	read, write bool
	// query is the SQL text when constant.
	query string
}

// classify reports whether call is an outbound network call and
// describes it.
func classify(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) (*outbound, bool) {
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	fn = fn.Origin()
	o := &outbound{call: call, fn: fn, op: calleeName(fn)}
	path := fn.Pkg().Path()
	switch {
	case path == "net/http":
		return o, classifyHTTP(info, cur, o)
	case path == "net" || path == "crypto/tls":
		return o, classifyDial(info, o)
	case path == "database/sql":
		return o, classifySQL(info, o)
	case path == "google.golang.org/grpc":
		if match.IsMethod(fn, path, "ClientConn", "Invoke") || match.IsFunc(fn, path, "Invoke") {
			o.kind, o.ctx = "grpc", argAt(call, 0)
			if s, ok := constString(info, argAt(call, 1)); ok {
				o.op = s
			}
			return o, true
		}
		return nil, false
	case isGRPCStub(fn):
		o.kind, o.ctx = "grpc", argAt(call, 0)
		o.read = readName(fn.Name())
		return o, true
	case hasPathPrefix(path, "github.com/segmentio/kafka-go", "github.com/IBM/sarama", "github.com/Shopify/sarama", "github.com/confluentinc/confluent-kafka-go", "github.com/twmb/franz-go"):
		return o, classifyKafka(info, o)
	case hasPathPrefix(path, "github.com/nats-io/nats.go"):
		return o, classifyNATS(info, o)
	case hasPathPrefix(path, "github.com/rabbitmq/amqp091-go", "github.com/streadway/amqp"):
		return o, classifyAMQP(info, o)
	case hasPathPrefix(path, "github.com/redis/go-redis", "github.com/go-redis/redis"):
		return o, classifyRedis(info, o)
	case hasPathPrefix(path, "github.com/aws/aws-sdk-go-v2/service/"):
		return o, classifyAWS(info, o)
	}
	return nil, false
}

func classifyHTTP(info *types.Info, cur inspector.Cursor, o *outbound) bool {
	call, fn := o.call, o.fn
	o.kind = "http"
	var urlArg ast.Expr
	switch {
	case match.IsFunc(fn, "net/http", "Get", "Head", "Post", "PostForm"):
		o.method = httpMethod(fn.Name())
		urlArg = argAt(call, 0)
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
			if m, ok := constString(info, argAt(nr, i)); ok {
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
			o.client = nil
		}
	}
	if u, ok := constString(info, urlArg); ok && o.method != "" {
		o.op = o.method + " " + u
	} else if o.method != "" {
		o.op = o.method + " (" + o.op + ")"
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
	isNew := func(e ast.Expr) *ast.CallExpr {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if ok && match.IsFunc(match.Callee(info, c), "net/http", "NewRequest", "NewRequestWithContext") {
			return c
		}
		return nil
	}
	if c := isNew(req); c != nil {
		return c
	}
	id, ok := ast.Unparen(req).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc {
		return nil
	}
	defs, ok := flow.Defs(info, body, v)
	if !ok || len(defs) != 1 || defs[0].Index != 0 {
		return nil
	}
	return isNew(defs[0].Expr)
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
	o.kind = "dial"
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
		network, ok1 := constString(info, args[0])
		addr, ok2 := constString(info, args[1])
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
	o.kind = "sql"
	base := strings.TrimSuffix(name, "Context")
	if base != name {
		o.ctx = argAt(o.call, 0)
	}
	switch base {
	case "Query", "QueryRow", "Exec":
		i := 0
		if o.ctx != nil {
			i = 1
		}
		if recv == "Stmt" {
			i-- // the statement was prepared
		}
		if q, ok := constString(info, argAt(o.call, i)); ok {
			o.query = q
		}
		verb := strings.ToUpper(firstWord(o.query))
		switch {
		case verb == "SELECT" || verb == "SHOW":
			o.read = true
		case verb == "INSERT" || verb == "UPSERT" || verb == "MERGE" || verb == "UPDATE" || verb == "DELETE" || verb == "REPLACE":
			o.write = true
		}
	case "Ping", "Begin", "BeginTx", "Prepare", "Commit", "Rollback", "Conn":
		o.read = true // no data written by the call itself (Commit's writes are the statements')
	default:
		return false
	}
	return true
}

func classifyKafka(info *types.Info, o *outbound) bool {
	switch o.fn.Name() {
	case "WriteMessages", "SendMessage", "SendMessages", "Produce", "ProduceSync":
		o.write = true
	case "ReadMessage", "FetchMessage", "CommitMessages", "PollFetches":
		o.read = true
	default:
		return false
	}
	o.kind = "kafka"
	if firstIsContext(o.fn) {
		o.ctx = argAt(o.call, 0)
	}
	return true
}

func classifyNATS(info *types.Info, o *outbound) bool {
	switch o.fn.Name() {
	case "Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync":
		o.write = true
	case "Request", "RequestWithContext", "RequestMsg", "RequestMsgWithContext":
	case "Fetch", "NextMsg":
		o.read = true
	default:
		return false
	}
	o.kind = "nats"
	if firstIsContext(o.fn) {
		o.ctx = argAt(o.call, 0)
	}
	if s, ok := constString(info, argAt(o.call, argIndex(o, 0))); ok {
		o.op = o.op + " " + s
	}
	return true
}

func classifyAMQP(info *types.Info, o *outbound) bool {
	switch o.fn.Name() {
	case "Publish", "PublishWithContext", "PublishWithDeferredConfirm", "PublishWithDeferredConfirmWithContext":
		o.write = true
	case "Get", "Consume":
		o.read = true
	default:
		return false
	}
	if match.RecvName(o.fn) != "Channel" {
		return false
	}
	o.kind = "amqp"
	if firstIsContext(o.fn) {
		o.ctx = argAt(o.call, 0)
	}
	return true
}

func classifyRedis(info *types.Info, o *outbound) bool {
	sig := o.fn.Signature()
	if sig.Recv() == nil || !firstIsContext(o.fn) || sig.Results().Len() != 1 {
		return false
	}
	// Commands return a *redis.XxxCmd.
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(res.Elem()).(*types.Named)
	if !ok || !strings.HasSuffix(named.Obj().Name(), "Cmd") {
		return false
	}
	o.kind, o.ctx = "redis", argAt(o.call, 0)
	name := o.fn.Name()
	switch {
	case readName(name) || strings.HasPrefix(name, "H") && readName(name[1:]) || strings.HasPrefix(name, "M") && readName(name[1:]) ||
		name == "Exists" || name == "TTL" || name == "Ping" || strings.HasPrefix(name, "Scan") || strings.HasPrefix(name, "ZRange") || strings.HasPrefix(name, "LRange") || name == "SMembers":
		o.read = true
	case strings.HasPrefix(name, "Incr") || strings.HasPrefix(name, "Decr") || strings.HasPrefix(name, "HIncr") ||
		name == "LPush" || name == "RPush" || name == "XAdd" || name == "Publish" || name == "Append":
		o.write = true
	}
	return true
}

func classifyAWS(info *types.Info, o *outbound) bool {
	if match.RecvName(o.fn) != "Client" || !firstIsContext(o.fn) {
		return false
	}
	o.kind, o.ctx = "cloud", argAt(o.call, 0)
	o.op = o.fn.Pkg().Name() + "." + o.fn.Name()
	o.read = readName(o.fn.Name())
	return true
}

// isGRPCStub reports whether fn has the shape of a generated gRPC client
// method: func(ctx context.Context, in *Req, opts ...grpc.CallOption).
func isGRPCStub(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 3 {
		return false
	}
	last, ok := sig.Params().At(2).Type().(*types.Slice)
	return ok && match.IsType(last.Elem(), "google.golang.org/grpc.CallOption") && firstIsContext(fn)
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

func firstIsContext(fn *types.Func) bool {
	p := fn.Signature().Params()
	return p.Len() > 0 && match.IsType(p.At(0).Type(), "context.Context")
}

// argIndex returns the index of the call's i-th argument after the
// context, if the callee takes one first.
func argIndex(o *outbound, i int) int {
	if o.ctx != nil {
		return i + 1
	}
	return i
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

// constString returns the value of e when it is a constant string.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
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
