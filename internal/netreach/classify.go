// Package netreach recognises calls that reach the network (HTTP
// requests, gRPC calls, SQL statements, broker, Redis and cloud SDK
// operations, raw dials) and, through the Analyzer's facts, the
// functions that make one directly or through the functions they call,
// across packages.
//
// Calls are identified by their types.Object: the package path, the
// receiver's type and the method name, or, for generated code (gRPC
// stubs, cloud SDKs), by the package path and the shape of the
// operation's signature. Never by the text of the call.
package netreach

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"sync"

	"github.com/distlint/distlint/internal/match"
)

// A Kind is the family of a network call.
type Kind uint8

// The kinds of network calls.
const (
	None  Kind = iota
	HTTP       // net/http, go-retryablehttp, resty
	GRPC       // grpc.ClientConn and generated client stubs
	SQL        // database/sql, sqlx, pgx, gorm
	Kafka      // sarama, kafka-go, franz-go, confluent-kafka-go
	NATS       // nats.go, JetStream
	AMQP       // amqp091-go, streadway/amqp
	Redis      // go-redis
	Cloud      // AWS SDK v1 and v2, Stripe, Google Cloud
	Dial       // net and crypto/tls dials
)

var kindNames = [...]string{"none", "http", "grpc", "sql", "kafka", "nats", "amqp", "redis", "cloud", "dial"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// A Call describes one network call.
type Call struct {
	Kind Kind
	// Op is the operation, as a boundary map names it: the HTTP
	// method when the function says it (GET for http.Get), else the
	// method's name (Do, ExecContext, SendMessage); the full method of
	// a gRPC call (/pkg.Service/Method) when it is a constant,
	// Service.Method for a generated stub; the Redis command; the
	// cloud operation without its WithContext suffix.
	Op string
	// Service names the remote side when the package says it: the AWS
	// or Google Cloud service (sqs, pubsub), the Stripe resource
	// (charge), the gRPC service of a stub (Greeter). Empty otherwise.
	Service string
	// Func is the function or method called.
	Func *types.Func
	// Ctx is the index of the argument that carries the call's
	// context.Context, or -1.
	Ctx int
	// Req is the index of the argument that is the request the call
	// sends (the *http.Request of Client.Do and RoundTrip, the input
	// of a cloud operation, the message of a gRPC stub), or -1.
	Req int
	// Write reports whether the operation sends or changes data (a
	// publish, a produce, a Redis write, an HTTP POST, PUT, PATCH or
	// DELETE when the function says its method, a SQL Exec). It is
	// false where the operation does not say (Client.Do).
	Write bool
	// Stream reports whether the call opens a stream or a subscription
	// that stays open (a gRPC stream, a NATS subscription, a consumer).
	Stream bool
}

// Name names the called function as a message does: pkg.F or
// (*pkg.T).M.
func (c Call) Name() string { return FuncName(nil, c.Func) }

// Classify returns the network call that call makes itself, if any.
// Calls of function values, conversions and builtins are none.
func Classify(info *types.Info, call *ast.CallExpr) (Call, bool) {
	fn := match.Callee(info, call)
	if fn == nil {
		return Call{}, false
	}
	c, ok := ClassifyFunc(fn)
	if !ok {
		return Call{}, false
	}
	if c.Kind == GRPC && len(call.Args) > 1 && (c.Op == "Invoke" || c.Op == "NewStream" || c.Op == "NewClientStream") {
		// ClientConn.Invoke(ctx, "/pkg.Service/Method", ...): name the method.
		if tv, ok := info.Types[call.Args[1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			c.Op = constant.StringVal(tv.Value)
		}
	}
	return c, true
}

// ClassifyFunc returns the network call that a call of fn makes itself,
// if any. It looks at fn only: use Classify where the call is in view,
// which also reads constant operation names.
func ClassifyFunc(fn *types.Func) (Call, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Call{}, false
	}
	fn = fn.Origin()
	path := stripMajor(fn.Pkg().Path())
	var recv string
	if rs := rules[path]; len(rs) > 0 {
		recv = recvName(fn)
	}
	for _, r := range rules[path] {
		if r.recv != "*" && r.recv != recv {
			continue
		}
		for _, op := range r.ops {
			if op.name == fn.Name() {
				return r.call(fn, op), true
			}
		}
	}
	if path == "google.golang.org/grpc" {
		return Call{}, false // a stub is generated elsewhere
	}
	if c, ok := grpcStub(fn); ok {
		return c, true
	}
	if c, ok := redisCommand(fn, path); ok {
		return c, true
	}
	return cloudOperation(fn, path)
}

// recvName returns the name of the type of fn's receiver, "" for a
// function. For an abstract method that export data gives the bare
// interface as receiver, it returns the interface declared in fn's
// package that has it.
func recvName(fn *types.Func) string {
	sig := fn.Signature()
	if sig.Recv() == nil {
		return ""
	}
	if n := match.RecvName(fn); n != "" {
		return n
	}
	if n, ok := types.Unalias(declaredInterface(fn)).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "?"
}

// stripMajor removes the major-version elements (/v2, /v85) of an
// import path, so that one rule covers every major version.
func stripMajor(path string) string {
	if !strings.Contains(path, "/v") {
		return path
	}
	elems := strings.Split(path, "/")
	out := elems[:0]
	for i, e := range elems {
		if i > 0 && isMajor(e) {
			continue
		}
		out = append(out, e)
	}
	return strings.Join(out, "/")
}

// isMajor reports whether a path element is a major version: v2, v85.
func isMajor(e string) bool {
	if len(e) < 2 || e[0] != 'v' {
		return false
	}
	for _, r := range e[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// grpcStub recognises a method of a generated gRPC client:
// func(ctx context.Context, [in *Req,] opts ...grpc.CallOption) (R, error).
// R is a stream when it is an interface or has RecvMsg or CloseSend.
func grpcStub(fn *types.Func) (Call, bool) {
	sig := fn.Signature()
	params, results := sig.Params(), sig.Results()
	if sig.Recv() == nil || !sig.Variadic() || params.Len() < 2 || params.Len() > 3 || results.Len() != 2 {
		return Call{}, false
	}
	last, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok || !match.IsType(last.Elem(), "google.golang.org/grpc.CallOption") ||
		!match.IsType(params.At(0).Type(), "context.Context") || !match.IsError(results.At(1).Type()) {
		return Call{}, false
	}
	svc := strings.TrimSuffix(recvName(fn), "Client")
	c := Call{Kind: GRPC, Op: svc + "." + fn.Name(), Service: svc, Func: fn, Ctx: 0, Req: -1, Stream: isStream(results.At(0).Type())}
	if params.Len() == 3 {
		c.Req = 1
	}
	return c, true
}

// isStream reports whether t, the result of a gRPC call, is a stream:
// an interface, or a type with RecvMsg or CloseSend (responses of unary
// calls are pointers to messages).
func isStream(t types.Type) bool {
	if types.IsInterface(t) {
		return true
	}
	for _, name := range []string{"RecvMsg", "CloseSend"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj != nil {
			return true
		}
	}
	return false
}

// isContext reports whether t is context.Context (or aws.Context, an
// alias of it in the AWS SDK v1).
func isContext(t types.Type) bool {
	return match.IsType(t, "context.Context") || match.IsType(t, "github.com/aws/aws-sdk-go/aws.Context")
}

// FuncName names fn as a message does: pkg.F, (*pkg.T).M, or without the
// package qualifier inside the package from (nil: always qualified).
func FuncName(from *types.Package, fn *types.Func) string {
	qual := func(p *types.Package) string {
		if p == from {
			return ""
		}
		return p.Name()
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		if q := qual(fn.Pkg()); q != "" && fn.Pkg() != nil {
			return q + "." + fn.Name()
		}
		return fn.Name()
	}
	t := types.Unalias(recv.Type())
	if _, ok := t.(*types.Interface); ok {
		// Export data gives an interface's abstract methods the bare
		// interface as receiver: name the declared interface instead.
		t = declaredInterface(fn)
		if t == nil {
			return fn.Name()
		}
	}
	return "(" + types.TypeString(t, qual) + ")." + fn.Name()
}

// declaredInterface returns the named interface of fn's package that
// declares the abstract method fn, or nil.
func declaredInterface(fn *types.Func) types.Type {
	if fn.Pkg() == nil {
		return nil
	}
	return interfaceMethods(fn.Pkg())[fn]
}

// ifaceCache keeps the abstract methods of the few packages looked up
// last: a package's scope is read once, not once per call (a package with
// thousands of declarations made that quadratic), and a long-lived process
// (golangci-lint, gopls) does not keep every package it saw.
var ifaceCache struct {
	sync.Mutex
	pkgs [8]*types.Package
	maps [8]map[*types.Func]types.Type
	next int
}

// interfaceMethods maps each explicit method of pkg's named interfaces to
// its interface.
func interfaceMethods(pkg *types.Package) map[*types.Func]types.Type {
	ifaceCache.Lock()
	defer ifaceCache.Unlock()
	for i, p := range ifaceCache.pkgs {
		if p == pkg {
			return ifaceCache.maps[i]
		}
	}
	m := make(map[*types.Func]types.Type)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m2 := range iface.ExplicitMethods() {
				if _, seen := m[m2]; !seen {
					m[m2] = tn.Type()
				}
			}
		}
	}
	i := ifaceCache.next
	ifaceCache.pkgs[i], ifaceCache.maps[i] = pkg, m
	ifaceCache.next = (i + 1) % len(ifaceCache.pkgs)
	return m
}
