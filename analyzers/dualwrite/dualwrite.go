package dualwrite

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "dualwrite"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/dualwrite"

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a dualwrite analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter
	// summaries say what the package's own functions do: write to the
	// database only, or write elsewhere only (ok false: neither, or
	// both, or not known yet while the summary is being made).
	summaries map[*types.Func]funcSummary
	// decls are the package's function declarations with a body.
	decls map[*types.Func]*ast.FuncDecl
	// insp is the package's inspector, shared with the suite.
	insp *inspector.Inspector
	// txCallbacks are the function literals that run inside a
	// transaction (a func(*sql.Tx) error, func(*gorm.DB) error, ...
	// passed to a call), with their transaction parameter.
	txCallbacks map[*ast.FuncLit]*types.Var
	// txParams are the transaction parameters of txCallbacks.
	txParams map[*types.Var]bool
	// inlined are the function literals called where they are written.
	inlined map[*ast.FuncLit]bool
	// unit is the body being analyzed.
	unit *ast.BlockStmt
}

// An event is one call (or channel send) that reads or writes a store,
// at its place in the control-flow graph of the function.
type event struct {
	op
	call  ast.Node   // the call or send
	stmt  ast.Node   // the CFG node that holds it
	block *cfg.Block // the block that holds stmt
	index int        // of stmt in block.Nodes
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Only a package that talks to a database and to something else
	// directly can write both.
	if cfg.Policy.OnlyFacts() || !match.Imports(pass.Pkg, dbPackages...) || !importsExternal(pass.Pkg) {
		return nil, nil // no facts of its own: nothing to do for facts only
	}
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		rep:         report.New(pass, cfg.Policy),
		summaries:   make(map[*types.Func]funcSummary),
		decls:       make(map[*types.Func]*ast.FuncDecl),
		txCallbacks: make(map[*ast.FuncLit]*types.Var),
		txParams:    make(map[*types.Var]bool),
		inlined:     make(map[*ast.FuncLit]bool),
		insp:        pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
					c.inlined[lit] = true
				}
				if !c.isTxRunner(match.Callee(c.info, call)) {
					return true
				}
				for _, arg := range call.Args {
					if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
						if v := c.txParam(lit); v != nil {
							c.txCallbacks[lit] = v
							c.txParams[v] = true
						}
					}
				}
			}
			return true
		})
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	for _, f := range pass.Files {
		if c.rep.Skip(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					c.check(c.events(n.Body), false)
				}
			case *ast.FuncLit:
				if !c.inlined[n] {
					_, isTx := c.txCallbacks[n]
					c.check(c.events(n.Body), isTx)
				}
			}
			return true
		})
	}
	return nil, nil
}

// txRunnerNames name the functions and methods of other packages that
// run a callback in a transaction and commit when it returns nil: gorm's
// Transaction, pgx's BeginFunc and BeginTxFunc, and the usual names of
// such helpers. Other functions that take a callback with a transaction
// parameter run none (gorm's FindInBatches and Connection).
var txRunnerNames = []string{
	"Transaction", "BeginFunc", "BeginTxFunc", "WithTx", "WithTransaction",
	"InTx", "InTransaction", "RunInTx", "RunInTransaction", "WithinTransaction",
}

// isTxRunner reports whether fn may run its callback arguments in a
// transaction: a function of this package (a helper taking
// func(*sql.Tx) error), or one named like a transaction runner.
func (c *checker) isTxRunner(fn *types.Func) bool {
	return fn != nil && (fn.Pkg() == c.pass.Pkg || slices.Contains(txRunnerNames, fn.Name()))
}

// txParam returns the transaction parameter of a function literal that
// has the shape of a transaction callback: it takes a transaction and
// returns only an error.
func (c *checker) txParam(lit *ast.FuncLit) *types.Var {
	sig, ok := c.info.TypeOf(lit).(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	for v := range sig.Params().Variables() {
		if isTxType(v.Type()) {
			return v
		}
	}
	return nil
}

// isTxType reports whether t is a database transaction handle.
func isTxType(t types.Type) bool {
	for _, q := range []string{
		"database/sql.Tx", "github.com/jmoiron/sqlx.Tx", "gorm.io/gorm.DB", "github.com/jinzhu/gorm.DB",
	} {
		if match.IsTypeOrPointer(t, q) {
			return true
		}
	}
	return match.IsType(t, "github.com/jackc/pgx/v4.Tx") || match.IsType(t, "github.com/jackc/pgx/v5.Tx")
}

// A funcSummary is what one of the package's functions does, condensed
// (see summary).
type funcSummary struct {
	op op
	ok bool
}

// summaryOf returns what the package's function fn does, so that a call
// of a helper that only writes the database, or only publishes, counts
// as that write. Summaries are made on demand, helpers of helpers first;
// a function met again while its own summary is being made (recursion)
// counts as doing nothing of interest.
func (c *checker) summaryOf(fn *types.Func) (op, bool) {
	if s, ok := c.summaries[fn]; ok {
		return s.op, s.ok
	}
	fd := c.decls[fn]
	if fd == nil {
		return op{}, false
	}
	c.summaries[fn] = funcSummary{} // in progress
	o, ok := summary(c.events(fd.Body))
	c.summaries[fn] = funcSummary{o, ok}
	return o, ok
}

// unitCursor returns the cursor of the body being analyzed.
func (c *checker) unitCursor() (inspector.Cursor, bool) {
	if c.unit == nil {
		return inspector.Cursor{}, false
	}
	return match.CursorOf(c.insp.Root(), c.unit)
}

// summary condenses a function's events into one: an external write, a
// database write (or commit), or a read; ok is false for functions that
// do nothing of interest or write both (those are reported themselves).
func summary(evs []event) (op, bool) {
	var ext, write, commit, read *event
	allTx, allUpdate, allOutbox := true, true, true
	for i := range evs {
		e := &evs[i]
		switch e.kind {
		case kindExternal:
			ext = e
		case kindCommit:
			commit = e
		case kindDBWrite:
			write = e
			allTx = allTx && e.inTx
			allUpdate = allUpdate && e.verb == netreach.StmtUpdate
			allOutbox = allOutbox && e.outbox
		case kindDBRead:
			read = e
		}
	}
	switch {
	case ext != nil && (write != nil || commit != nil):
		return op{}, false
	case ext != nil:
		return ext.op, true
	case commit != nil:
		return op{kind: kindCommit}, true
	case write != nil:
		o := op{kind: kindDBWrite, inTx: allTx, outbox: allOutbox}
		if allUpdate {
			o.verb = netreach.StmtUpdate
		}
		return o, true
	case read != nil:
		return op{kind: kindDBRead}, true
	}
	return op{}, false
}

// events returns the reads, writes and commits in body, in its CFG.
// Function literals are separate functions, except those called on the
// spot (func(){...}() and go func(){...}()), which run here; deferred
// calls are left out.
func (c *checker) events(body *ast.BlockStmt) []event {
	prev := c.unit
	c.unit = body
	defer func() { c.unit = prev }()
	// Classify first: most functions call nothing of interest and need
	// no control-flow graph.
	ops := make(map[ast.Node]op)
	c.walk(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			o := c.classifyCall(n)
			if o.kind == kindNone && c.runsTx(n) {
				o = op{kind: kindCommit}
			}
			if o.kind != kindNone {
				ops[n] = o
			}
		case *ast.SendStmt:
			if call, ok := ast.Unparen(n.Chan).(*ast.CallExpr); ok {
				fn := match.Callee(c.info, call)
				if match.IsMethod(fn, "github.com/IBM/sarama", "AsyncProducer", "Input") ||
					match.IsMethod(fn, "github.com/Shopify/sarama", "AsyncProducer", "Input") {
					ops[n] = op{kind: kindExternal, sink: sinkBroker, name: "Input", target: "Kafka"}
				}
			}
		}
	})
	if len(ops) == 0 {
		return nil
	}
	var evs []event
	g := cfg.New(body, mayReturn(c.info))
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, stmt := range b.Nodes {
			c.walk(stmt, func(n ast.Node) {
				if o, ok := ops[n]; ok {
					evs = append(evs, event{op: o, call: n, stmt: stmt, block: b, index: i})
				}
			})
		}
	}
	return evs
}

// walk calls visit for every node under root that runs as part of it:
// it does not enter function literals, except those called on the spot
// (func(){...}() and go func(){...}()), nor deferred calls.
func (c *checker) walk(root ast.Node, visit func(ast.Node)) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			return false
		case *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			return c.inlined[n]
		}
		visit(n)
		return true
	})
}

// runsTx reports whether call is given a transaction callback: the call
// commits when the callback returns nil.
func (c *checker) runsTx(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok && c.txCallbacks[lit] != nil {
			return true
		}
	}
	return false
}

// mayReturn reports whether a call may return (panic, os.Exit and
// log.Fatal do not).
func mayReturn(info *types.Info) func(*ast.CallExpr) bool {
	return func(call *ast.CallExpr) bool { return !match.NoReturn(info, call) }
}

// reaches reports whether control may flow from a to b.
func reaches(a, b *event, memo map[*cfg.Block]map[*cfg.Block]bool) bool {
	if a.block == b.block && a.index < b.index {
		return true
	}
	if a.block == b.block && a.index == b.index {
		return a.call.Pos() < b.call.Pos() // two calls in one statement: source order
	}
	r, ok := memo[a.block]
	if !ok {
		r = make(map[*cfg.Block]bool)
		stack := append([]*cfg.Block(nil), a.block.Succs...)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if r[x] {
				continue
			}
			r[x] = true
			stack = append(stack, x.Succs...)
		}
		memo[a.block] = r
	}
	return r[b.block]
}

// before reports whether a happens before b on some path: a reaches b,
// and when each reaches the other (a loop), a comes first in the source.
func before(a, b *event, memo map[*cfg.Block]map[*cfg.Block]bool) bool {
	if !reaches(a, b, memo) {
		return false
	}
	return !reaches(b, a, memo) || a.call.Pos() < b.call.Pos()
}

// check reports each write outside the database that shares a path with
// a database write. inTxCallback says the body runs inside a transaction
// that commits after it returns.
func (c *checker) check(evs []event, inTxCallback bool) {
	var ext, db, reads []*event
	for i := range evs {
		switch e := &evs[i]; e.kind {
		case kindExternal:
			ext = append(ext, e)
		case kindDBWrite, kindCommit:
			db = append(db, e)
		case kindDBRead:
			reads = append(reads, e)
		}
	}
	if len(ext) == 0 || len(db) == 0 {
		return
	}
	memo := make(map[*cfg.Block]map[*cfg.Block]bool)
	for _, e := range ext {
		if c.relay(e, db, reads, memo) {
			continue
		}
		var first, last *event // a write e precedes, and one that precedes e
		uncommitted := false   // e follows a transactional write not yet committed
		for _, d := range db {
			switch {
			case before(e, d, memo):
				if first == nil && !c.errorBranch(e, d) {
					first = d
				}
			case before(d, e, memo):
				if c.errorBranch(d, e) {
					continue
				}
				if last == nil {
					last = d
				}
				if d.kind == kindDBWrite && (d.inTx || inTxCallback) && !c.committedBetween(d, e, db, memo) {
					uncommitted, last = true, d
				}
			}
		}
		switch {
		case first != nil:
			c.reportBefore(e, first, first.kind == kindCommit || first.inTx || inTxCallback)
		case uncommitted:
			c.reportBefore(e, last, true)
		case last != nil:
			c.reportAfter(e, last)
		}
	}
}

// committedBetween reports whether a commit lies on a path from d to e.
func (c *checker) committedBetween(d, e *event, db []*event, memo map[*cfg.Block]map[*cfg.Block]bool) bool {
	for _, x := range db {
		if x.kind == kindCommit && before(d, x, memo) && before(x, e, memo) {
			return true
		}
	}
	return false
}

// relay reports whether e publishes what an outbox relay read: the
// database write that follows e is an UPDATE or DELETE (marking the row
// sent) and either changes an outbox, events or messages table or
// follows a read of the database (a SELECT, or a claim by UPDATE ...
// RETURNING). A crash between the two publishes the row again: the
// at-least-once delivery the outbox pattern is built on.
func (c *checker) relay(e *event, db, reads []*event, memo map[*cfg.Block]map[*cfg.Block]bool) bool {
	for _, d := range db {
		if d.kind == kindDBWrite && d.verb == netreach.StmtInsert && d.outbox && before(d, e, memo) {
			return true // the event is in the outbox: publishing now only saves the relay a trip
		}
	}
	for _, d := range db {
		if d.kind != kindDBWrite || d.verb != netreach.StmtUpdate || !before(e, d, memo) {
			continue
		}
		if d.outbox {
			return true
		}
		for _, r := range reads {
			if before(r, e, memo) {
				return true
			}
		}
		for _, r := range db {
			if r.kind == kindDBWrite && r.rows && before(r, e, memo) {
				return true
			}
		}
	}
	return false
}

// errorBranch reports whether second runs only when first failed: it is
// in the body of an `if err != nil` whose err first's statement set.
// Compensating on failure is not a dual write.
func (c *checker) errorBranch(first, second *event) bool {
	errs := make(map[types.Object]bool)
	var lhs []ast.Expr
	switch s := first.stmt.(type) {
	case *ast.AssignStmt:
		lhs = s.Lhs
	case *ast.ValueSpec:
		for _, n := range s.Names {
			lhs = append(lhs, n)
		}
	}
	for _, x := range lhs {
		if id, ok := x.(*ast.Ident); ok {
			if obj := c.info.ObjectOf(id); obj != nil && types.Identical(obj.Type(), types.Universe.Lookup("error").Type()) {
				errs[obj] = true
			}
		}
	}
	if len(errs) == 0 {
		return false
	}
	pos := second.call.Pos()
	found := false
	ast.Inspect(c.enclosingBody(pos), func(n ast.Node) bool {
		if found || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Body.Pos() <= pos && pos < ifs.Body.End() {
			if bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && bin.Op == token.NEQ {
				for _, x := range []ast.Expr{bin.X, bin.Y} {
					if id, ok := ast.Unparen(x).(*ast.Ident); ok && errs[c.info.Uses[id]] {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// enclosingBody returns the file that holds pos, for a bounded search.
func (c *checker) enclosingBody(pos token.Pos) ast.Node {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return &ast.BlockStmt{}
}

// what describes an external write for a message.
func what(e *event) (action, audience string) {
	switch e.sink {
	case sinkCache:
		return e.name + " writes " + e.target, "readers of the cache see"
	case sinkRemote:
		if isHTTPMethod(e.name) {
			return "HTTP " + e.name + " sends a write to " + e.target, "the remote service keeps"
		}
		return e.name + " sends a write to " + e.target, "the remote service keeps"
	}
	return e.name + " publishes to " + e.target, "consumers act on"
}

// isHTTPMethod reports whether s names a write method of HTTP (an
// event's name is the method for requests, the helper's name otherwise).
func isHTTPMethod(s string) bool {
	return s == "POST" || s == "PUT" || s == "PATCH" || s == "DELETE"
}

// reportBefore reports e, which happens before the database write or
// commit d.
func (c *checker) reportBefore(e, d *event, commit bool) {
	action, audience := what(e)
	when := "the database write"
	if commit {
		when = "the database transaction commits"
	}
	remedy := "write the message to an outbox table in the same transaction and publish it from a relay"
	if e.sink == sinkCache {
		remedy = "change the cache after the commit, or delete the key after the commit instead"
	}
	c.report(e, d, "before-commit", "%s before %s: if that fails or rolls back, %s a change that never happened; %s", action, when, audience, remedy)
}

// reportAfter reports e, which happens after the database write d with
// nothing tying the two together.
func (c *checker) reportAfter(e, d *event) {
	action, _ := what(e)
	if e.sink == sinkCache {
		c.report(e, d, "cache-after-write", "%s after a database write: a crash or a failed write in between leaves the cache serving the old value, and concurrent updates can leave it stale for good; delete the key after the commit (cache-aside) instead", action)
		return
	}
	c.report(e, d, "after-commit", "%s after a database write with no outbox: a crash or a failed send in between leaves the two out of step for good; write the message to an outbox table in the same transaction and publish it from a relay", action)
}

func (c *checker) report(e, d *event, category, format string, args ...any) {
	var end token.Pos
	switch n := e.call.(type) {
	case *ast.CallExpr:
		end = n.Lparen
	default:
		end = n.End()
	}
	diag := analysis.Diagnostic{Pos: e.call.Pos(), End: end, Category: category}
	diag.Message = fmt.Sprintf(format, args...)
	diag.Related = []analysis.RelatedInformation{{Pos: d.call.Pos(), End: d.call.End(), Message: "the database write"}}
	c.rep.Report(diag)
}
