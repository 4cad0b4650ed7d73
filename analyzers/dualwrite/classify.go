package dualwrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// What an event does.
type eventKind uint8

const (
	kindNone     eventKind = iota
	kindDBRead             // a query that only reads
	kindDBWrite            // a database write
	kindCommit             // a transaction commit (Tx.Commit, or a call that runs a transaction callback)
	kindExternal           // a write to a broker, a cache or a remote service
)

// What a write outside the database reaches.
type sinkKind uint8

const (
	sinkBroker sinkKind = iota
	sinkCache
	sinkRemote
)

// An op is what one call (or channel send) does.
type op struct {
	kind eventKind
	// For database writes.
	inTx   bool               // through a transaction that has not committed yet
	verb   netreach.Statement // what the statement says, when known
	outbox bool               // the statement changes an outbox (or events, messages) table
	rows   bool               // a write that returns rows (UPDATE ... RETURNING): a relay's claim
	// For external writes.
	sink   sinkKind
	name   string // the method or helper that writes, as the message names it
	target string // where it writes: "Kafka", "NATS", "the Redis cache", ...
}

// dbPackages are the database client packages whose import makes a
// package worth analyzing.
var dbPackages = []string{
	"database/sql", "gorm.io/gorm", "github.com/jinzhu/gorm", "github.com/jmoiron/sqlx",
	"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
	"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool",
}

// cloudBrokers are the cloud services that carry messages, as messages
// name them, and their operations that publish. Other cloud operations
// (an object stored, a row of a managed database) are left alone.
var cloudBrokers = map[string]struct {
	target string
	ops    []string
}{
	"sqs":         {"SQS", []string{"SendMessage", "SendMessageBatch"}},
	"sns":         {"SNS", []string{"Publish", "PublishBatch"}},
	"eventbridge": {"EventBridge", []string{"PutEvents"}},
	"kinesis":     {"Kinesis", []string{"PutRecord", "PutRecords"}},
	"pubsub":      {"Pub/Sub", []string{"Publish"}},
}

// brokerTargets name the brokers for messages.
var brokerTargets = map[netreach.Kind]string{netreach.Kafka: "Kafka", netreach.NATS: "NATS", netreach.AMQP: "RabbitMQ"}

// redisBrokerOps are the Redis writes that publish or queue a message;
// the other writes netreach knows fill the cache. Deletes, expirations,
// SETNX and INCR are no writes for netreach: they invalidate, lock or
// count, and do not copy the database's change.
var redisBrokerOps = []string{"Publish", "SPublish", "XAdd", "LPush", "RPush"}

// externalWrite returns the write to a broker, a cache or a remote
// service that call makes, by netreach's classification.
func (c *checker) externalWrite(call *ast.CallExpr, fn *types.Func) (op, bool) {
	nc, ok := netreach.Classify(c.info, call)
	if !ok {
		return op{}, false
	}
	switch nc.Kind {
	case netreach.Kafka, netreach.NATS, netreach.AMQP:
		if nc.Write {
			return op{kind: kindExternal, sink: sinkBroker, name: fn.Name(), target: brokerTargets[nc.Kind]}, true
		}
	case netreach.Redis:
		switch {
		case !nc.Write:
		case slices.Contains(redisBrokerOps, nc.Op):
			return op{kind: kindExternal, sink: sinkBroker, name: fn.Name(), target: "Redis"}, true
		default:
			return op{kind: kindExternal, sink: sinkCache, name: fn.Name(), target: "the Redis cache"}, true
		}
	case netreach.Cloud:
		if b, ok := cloudBrokers[nc.Service]; ok && slices.Contains(b.ops, nc.Op) {
			return op{kind: kindExternal, sink: sinkBroker, name: fn.Name(), target: b.target}, true
		}
	case netreach.HTTP:
		if method, ok := c.httpWrite(call, nc); ok {
			return op{kind: kindExternal, sink: sinkRemote, name: method, target: "a remote service"}, true
		}
	}
	return op{}, false
}

// importsExternal reports whether pkg imports a package whose calls
// can write outside the database: one that netreach knows.
func importsExternal(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch k, _ := netreach.PackageKind(imp.Path()); k {
		case netreach.HTTP, netreach.Kafka, netreach.NATS, netreach.AMQP, netreach.Redis, netreach.Cloud:
			return true
		}
	}
	return false
}

// classifyCall returns what call does, as far as this analyzer cares.
func (c *checker) classifyCall(call *ast.CallExpr) op {
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return op{}
	}
	if o, ok := c.classifyDB(call, fn); ok {
		return o
	}
	if o, ok := c.externalWrite(call, fn); ok {
		return o
	}
	if fn.Pkg() == c.pass.Pkg {
		if o, ok := c.summaryOf(fn.Origin()); ok {
			if o.kind == kindExternal {
				o.name = fn.Name()
			}
			return o
		}
	}
	return op{}
}

// classifyDB recognizes the database clients' reads, writes and commits.
func (c *checker) classifyDB(call *ast.CallExpr, fn *types.Func) (op, bool) {
	path, name, recv := fn.Pkg().Path(), fn.Name(), match.RecvName(fn)
	switch path {
	case "database/sql":
		switch {
		case recv == "Tx" && name == "Commit":
			return op{kind: kindCommit}, true
		case recv == "Stmt":
			switch name {
			case "Exec", "ExecContext":
				return op{kind: kindDBWrite}, true // the text is out of view: assume a write
			case "Query", "QueryContext", "QueryRow", "QueryRowContext":
				return op{kind: kindDBRead}, true
			}
		case recv == "DB" || recv == "Tx" || recv == "Conn":
			switch name {
			case "Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext":
				return c.sqlCall(call, name, recv == "Tx", strings.HasSuffix(name, "Context"))
			}
		}
	case "github.com/jmoiron/sqlx":
		inTx := recv == "Tx"
		switch name {
		case "NamedExec", "MustExec":
			return c.sqlCall(call, "Exec", inTx, false)
		case "NamedExecContext", "MustExecContext":
			return c.sqlCall(call, "Exec", inTx, true)
		case "Queryx", "QueryRowx", "NamedQuery":
			return c.sqlCall(call, "Query", inTx, false)
		case "QueryxContext", "QueryRowxContext", "NamedQueryContext":
			return c.sqlCall(call, "Query", inTx, true)
		case "Select", "Get":
			return c.sqlCall(call, "Query", inTx, false)
		case "SelectContext", "GetContext":
			return c.sqlCall(call, "Query", inTx, true)
		}
	case "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4/pgxpool", "github.com/jackc/pgx/v5/pgxpool":
		// pgx.Tx is an interface: from export data its methods have the
		// bare interface as receiver.
		inTx := recv == "Tx" || match.IsMethod(fn, path, "Tx", name)
		switch name {
		case "Commit":
			if inTx {
				return op{kind: kindCommit}, true
			}
		case "Exec", "Query", "QueryRow":
			return c.sqlCall(call, name, inTx, true)
		}
	case "gorm.io/gorm", "github.com/jinzhu/gorm":
		if recv != "DB" {
			return op{}, false
		}
		switch name {
		case "Commit":
			return op{kind: kindCommit}, true
		case "Create", "CreateInBatches", "Save", "FirstOrCreate":
			return op{kind: kindDBWrite, inTx: c.gormInTx(call), verb: netreach.StmtInsert}, true
		case "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete":
			return op{kind: kindDBWrite, inTx: c.gormInTx(call), verb: netreach.StmtUpdate}, true
		case "Exec":
			o, ok := c.sqlCall(call, "Exec", false, false)
			o.inTx = o.kind == kindDBWrite && c.gormInTx(call)
			return o, ok
		case "Find", "First", "Take", "Last", "Scan", "Pluck", "Count", "Rows", "Row", "FindInBatches":
			return op{kind: kindDBRead}, true
		}
	}
	return op{}, false
}

// sqlCall classifies a database/sql-style call: Exec, Query or
// QueryRow (with or without Context) whose query text is argument 0, or
// 1 after a context.
func (c *checker) sqlCall(call *ast.CallExpr, name string, inTx, withCtx bool) (op, bool) {
	i := 0
	if withCtx {
		i = 1
	}
	verb, outbox := netreach.StmtUnknown, false
	if i < len(call.Args) {
		if tv, ok := c.info.Types[call.Args[i]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			text := constant.StringVal(tv.Value)
			verb, outbox = netreach.StatementOf(text), relayTable(text)
		}
	}
	exec := strings.HasPrefix(name, "Exec") || strings.HasPrefix(name, "MustExec") || strings.HasPrefix(name, "NamedExec")
	switch {
	case verb == netreach.StmtInsert || verb == netreach.StmtUpdate:
		return op{kind: kindDBWrite, inTx: inTx, verb: verb, outbox: outbox, rows: !exec}, true
	case verb == netreach.StmtUnknown && exec:
		return op{kind: kindDBWrite, inTx: inTx, outbox: outbox}, true
	case verb == netreach.StmtRead, verb == netreach.StmtUnknown:
		return op{kind: kindDBRead}, true
	}
	return op{}, true // DDL, SET, LOCK: neither
}

// relayTable reports whether SQL text inserts, updates or deletes rows
// of a table whose name says it holds messages to send: outbox, event(s),
// message(s).
func relayTable(text string) bool {
	words := strings.Fields(strings.ToLower(text))
	for i, w := range words {
		if (w == "update" || w == "from" || w == "into") && i+1 < len(words) {
			t := words[i+1]
			if t == "only" && i+2 < len(words) {
				t = words[i+2]
			}
			if strings.Contains(t, "outbox") || strings.Contains(t, "event") || strings.Contains(t, "message") {
				return true
			}
		}
	}
	return false
}

// gormInTx reports whether a gorm call's receiver chain starts at a
// variable given the result of Begin, or at the parameter of the
// transaction callback being analyzed.
func (c *checker) gormInTx(call *ast.CallExpr) bool {
	x := call.Fun
	for {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		switch r := ast.Unparen(sel.X).(type) {
		case *ast.CallExpr:
			if fn := match.Callee(c.info, r); isGormBegin(fn) {
				return true
			}
			x = r.Fun
			continue
		case *ast.Ident:
			v, ok := c.info.Uses[r].(*types.Var)
			if !ok {
				return false
			}
			if c.txParams[v] {
				return true
			}
			return c.definedByBegin(v)
		}
		return false
	}
}

// definedByBegin reports whether the local variable v is assigned the
// result of a gorm Begin call (db.Begin(), db.WithContext(ctx).Begin()).
func (c *checker) definedByBegin(v *types.Var) bool {
	for _, f := range c.pass.Files {
		if v.Pos() < f.FileStart || v.Pos() >= f.FileEnd {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if found || !ok || as.Tok != token.DEFINE && as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				return !found
			}
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || c.info.ObjectOf(id) != v {
					continue
				}
				if call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok {
					if isGormBegin(match.Callee(c.info, call)) {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	return false
}

// isGormBegin reports whether fn is gorm's DB.Begin, which starts a
// transaction (a Begin of another package or type starts nothing of
// gorm's).
func isGormBegin(fn *types.Func) bool {
	return match.IsMethod(fn, "gorm.io/gorm", "DB", "Begin") || match.IsMethod(fn, "github.com/jinzhu/gorm", "DB", "Begin")
}

// httpWrite reports whether the HTTP call nc sends a request whose
// method writes (POST, PUT, PATCH, DELETE), and returns the method: the
// one the function says (http.Post), or the one of a request made in
// view by http.NewRequest or http.NewRequestWithContext (Client.Do).
func (c *checker) httpWrite(call *ast.CallExpr, nc netreach.Call) (string, bool) {
	switch {
	case nc.Write:
		return nc.Op, true
	case nc.Req >= 0 && nc.Req < len(call.Args) && nc.Op == "Do":
		return c.requestMethod(call.Args[nc.Req])
	}
	return "", false
}

// requestMethod returns the constant write method of a request made in
// view by http.NewRequest or http.NewRequestWithContext.
func (c *checker) requestMethod(req ast.Expr) (string, bool) {
	var mk *ast.CallExpr
	switch r := ast.Unparen(req).(type) {
	case *ast.CallExpr:
		mk = r
	case *ast.Ident:
		cur, ok := c.unitCursor()
		if !ok {
			return "", false
		}
		mk = flow.UniqueCall(c.info, cur, r)
	}
	if mk == nil {
		return "", false
	}
	fn := match.Callee(c.info, mk)
	i, _, _, ok := netreach.RequestArgs(fn)
	if !ok || fn.Pkg().Path() != "net/http" || i >= len(mk.Args) {
		return "", false
	}
	tv, ok := c.info.Types[mk.Args[i]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	switch m := strings.ToUpper(constant.StringVal(tv.Value)); m {
	case "POST", "PUT", "PATCH", "DELETE":
		return m, true
	}
	return "", false
}
