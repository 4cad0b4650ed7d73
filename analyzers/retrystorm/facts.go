package retrystorm

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/match"
)

// A callsNetwork is the fact that a function makes an outgoing network
// call, directly (an HTTP request, an RPC, a SQL statement, a dial) or
// through functions it calls, so that a retry loop around a helper in
// another package is seen for what it is.
type callsNetwork struct {
	// Via names the network call the function reaches, as a message
	// names it: "(*http.Client).Do".
	Via string
}

func (*callsNetwork) AFact() {}

func (f *callsNetwork) String() string { return "makes a network call via " + f.Via }

// A reachesNetwork is the fact that a package imports, directly or
// through other packages, a package that makes network calls. Packages
// without it (most of the standard library, pure libraries) are left at
// once.
type reachesNetwork struct{}

func (*reachesNetwork) AFact() {}

func (*reachesNetwork) String() string { return "reaches the network" }

// networkPkgs are the packages whose functions make the network calls
// the analyzer knows (see networkCall).
var networkPkgs = []string{"net", "net/http", "database/sql", "crypto/tls", "google.golang.org/grpc"}

// reaches reports whether the package can reach a network call: it is
// or imports one of networkPkgs, an import has the reachesNetwork fact,
// or one of networkPkgs is among its transitive imports. The fact is
// complete where every dependency was analyzed (go vet, which the
// distlint command drives, golangci-lint, analysistest); the walk over
// imports covers a driver that analyzes only some packages and reads the
// others from export data, where a package's imports are those its
// exported API refers to.
func reaches(pass *analysis.Pass) bool {
	if slices.Contains(networkPkgs, pass.Pkg.Path()) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if slices.Contains(networkPkgs, imp.Path()) || pass.ImportPackageFact(imp, new(reachesNetwork)) {
			return true
		}
	}
	seen := make(map[*types.Package]bool)
	var walk func(pkgs []*types.Package) bool
	walk = func(pkgs []*types.Package) bool {
		for _, p := range pkgs {
			if seen[p] {
				continue
			}
			seen[p] = true
			if slices.Contains(networkPkgs, p.Path()) || walk(p.Imports()) {
				return true
			}
		}
		return false
	}
	return walk(pass.Pkg.Imports())
}

// networkCall reports whether call makes a network call, directly or
// (by facts, or by local, which holds what is known of the package's own
// functions) through the function it calls. name is how a message names
// the called function; via names the network call it reaches, "" when
// the function is that call. Names in via are qualified with their
// package, since facts carry them to other packages.
func networkCall(pass *analysis.Pass, local map[*types.Func]string, call *ast.CallExpr) (name, via string, ok bool) {
	fn := match.Callee(pass.TypesInfo, call)
	if fn == nil {
		return "", "", false
	}
	fn = fn.Origin()
	name = funcName(pass.Pkg, fn)
	if isNetworkFunc(fn) {
		return name, "", true
	}
	if fn.Pkg() == pass.Pkg {
		via = local[fn]
		return name, via, via != ""
	}
	var f callsNetwork
	if fn.Pkg() != nil && pass.ImportObjectFact(fn, &f) {
		return name, f.Via, true
	}
	return "", "", false
}

// isNetworkFunc reports whether fn is one of the outgoing network calls
// the analyzer knows: net/http requests, database/sql statements and
// transactions, dials, and unary gRPC calls (ClientConn.Invoke and the
// methods of generated clients).
func isNetworkFunc(fn *types.Func) bool {
	switch {
	case match.IsMethod(fn, "net/http", "Client", "Do", "Get", "Head", "Post", "PostForm"),
		match.IsFunc(fn, "net/http", "Get", "Head", "Post", "PostForm"),
		match.IsMethod(fn, "net/http", "Transport", "RoundTrip"),
		match.IsMethod(fn, "net/http", "RoundTripper", "RoundTrip"):
		return true
	case match.IsMethod(fn, "database/sql", "DB", sqlMethods...),
		match.IsMethod(fn, "database/sql", "Conn", sqlMethods...),
		match.IsMethod(fn, "database/sql", "Tx", "Exec", "ExecContext", "Query", "QueryContext", "Commit"),
		match.IsMethod(fn, "database/sql", "Stmt", "Exec", "ExecContext", "Query", "QueryContext"):
		return true
	case match.IsFunc(fn, "net", "Dial", "DialTimeout", "DialTCP", "DialUDP", "DialIP", "DialUnix"),
		match.IsMethod(fn, "net", "Dialer", "Dial", "DialContext"),
		match.IsFunc(fn, "crypto/tls", "Dial", "DialWithDialer"),
		match.IsMethod(fn, "crypto/tls", "Dialer", "Dial", "DialContext"):
		return true
	case match.IsMethod(fn, "google.golang.org/grpc", "ClientConn", "Invoke"),
		match.IsFunc(fn, "google.golang.org/grpc", "Invoke"):
		return true
	}
	return isGRPCStub(fn)
}

// sqlMethods are the methods of sql.DB and sql.Conn that talk to the
// database and return an error (QueryRow defers its error to Scan).
var sqlMethods = []string{"Exec", "ExecContext", "Query", "QueryContext", "Ping", "PingContext", "Begin", "BeginTx", "Prepare", "PrepareContext", "Conn"}

// isGRPCStub reports whether fn has the shape of a generated unary gRPC
// client method: func(ctx context.Context, in *Req, opts ...grpc.CallOption) (*Resp, error).
func isGRPCStub(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 3 || sig.Results().Len() != 2 {
		return false
	}
	last, ok := sig.Params().At(2).Type().(*types.Slice)
	return ok && match.IsType(last.Elem(), "google.golang.org/grpc.CallOption") &&
		match.IsType(sig.Params().At(0).Type(), "context.Context") &&
		isError(sig.Results().At(1).Type())
}

// computeFacts finds the package's functions that make a network call,
// directly or through each other, exports the fact for them and returns
// them (with the name of the call they reach; "" for the others).
// Bodies of goroutines started by a function do not count: the function
// does not wait for them.
func computeFacts(pass *analysis.Pass) map[*types.Func]string {
	type node struct {
		via     string
		callees []*types.Func
	}
	nodes := make(map[*types.Func]*node)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			n := new(node)
			nodes[fn] = n
			// Function literals count, unless they escape: returned,
			// stored in a field, element or composite literal (a handler
			// being built). Those called, kept in a local variable or
			// handed to a call (a callback of a retry helper or a
			// transaction) run on the function's behalf.
			escapes := make(map[*ast.FuncLit]bool)
			mark := func(es ...ast.Expr) {
				for _, e := range es {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Value
					}
					if conv, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(conv.Args) == 1 {
						if tv, ok := pass.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
							e = conv.Args[0] // http.HandlerFunc(func(...) {...})
						}
					}
					if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
						escapes[lit] = true
					}
				}
			}
			ast.Inspect(fd.Body, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.GoStmt:
					return false
				case *ast.FuncLit:
					return !escapes[x]
				case *ast.ReturnStmt:
					mark(x.Results...)
				case *ast.CompositeLit:
					mark(x.Elts...)
				case *ast.AssignStmt:
					for i, lhs := range x.Lhs {
						if _, local := ast.Unparen(lhs).(*ast.Ident); !local && len(x.Lhs) == len(x.Rhs) {
							mark(x.Rhs[i])
						}
					}
				case *ast.CallExpr:
					if n.via != "" {
						return false
					}
					callee := match.Callee(pass.TypesInfo, x)
					if callee == nil {
						return true
					}
					if callee = callee.Origin(); callee.Pkg() == pass.Pkg && !isNetworkFunc(callee) {
						n.callees = append(n.callees, callee)
					} else if _, via, ok := networkCall(pass, nil, x); ok {
						n.via = cmp.Or(via, funcName(nil, callee))
					}
				}
				return true
			})
		}
	}
	// Propagate through the package's own calls until nothing changes;
	// each round settles at least one function, or stops.
	for changed := true; changed; {
		changed = false
		for _, n := range nodes {
			if n.via != "" {
				continue
			}
			for _, c := range n.callees {
				if cn := nodes[c]; cn != nil && cn.via != "" {
					n.via, changed = cn.via, true
					break
				}
			}
		}
	}
	known := make(map[*types.Func]string, len(nodes))
	for fn, n := range nodes {
		known[fn] = n.via
		if n.via != "" {
			pass.ExportObjectFact(fn, &callsNetwork{Via: n.via})
		}
	}
	return known
}

// funcName names fn as a message does: pkg.F, (*pkg.T).M, or without the
// package qualifier inside the package from (nil: always qualified).
func funcName(from *types.Package, fn *types.Func) string {
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
	scope := fn.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m := range iface.ExplicitMethods() {
				if m == fn {
					return tn.Type()
				}
			}
		}
	}
	return nil
}

// isError reports whether t is the error interface.
func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
