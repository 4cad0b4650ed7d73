package latency

// The gauge rule: a latency measured once per event (per request, per
// loop iteration, around a network call) and recorded into a gauge,
// which keeps only the last value.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// record checks a value recorded into a gauge or a counter.
func (c *checker) record(cur inspector.Cursor, call *ast.CallExpr, s sink) {
	val := call.Args[s.arg]
	if s.kind == sumAdd {
		if isOne(c.info, val) {
			c.count(cur)
		} else if start, ok := c.measured(cur, val, 0); ok {
			// Only a measured duration: a sum of configured delays
			// (backoffSeconds.Add(delay.Seconds())) is not a latency.
			c.sums = append(c.sums, sumRecord{cur: cur, call: call, block: enclosingBlock(cur), val: val, start: start})
		}
		return
	}
	start, ok := c.measured(cur, val, 0)
	if !ok {
		return
	}
	if why, ok := c.perEvent(cur, call, start); ok {
		c.rep.Reportf(call, "gauge",
			"latency measured %s recorded into a gauge: a gauge keeps only the last value, so every slow request between two scrapes is lost; %s", why, remedy)
		return
	}
	// A gauge of each run's duration, left alone: a sum and a count of
	// the same runs beside it hide no run.
	c.export(cur, val)
}

// perEvent reports whether the recording at cur happens once per event
// (per request, per message), where a gauge loses all but the last value,
// and says why. A gauge of a job that runs once, or once per tick, holds
// the duration of its last run, which is what it is for.
func (c *checker) perEvent(cur inspector.Cursor, call *ast.CallExpr, start token.Pos) (string, bool) {
	if c.inHandler(cur) {
		return "per request", true
	}
	// A loop that times each item it handles.
	if loop, ok := retry.Innermost(cur); ok && within(start, loopBody(loop.Node())) {
		if c.jobs.WaitsOnClock(loop.Node()) {
			// Once per tick: the gauge holds the last run's duration, which
			// is what it is for, whatever the run calls (a ping, a query).
			return "", false
		}
		if stream(c.info, loop.Node()) || !labeled(c.info, call) {
			return "per loop iteration", true
		}
	}
	// A request made between the reading and the recording, unless the
	// function is main: a command that runs once.
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return "", false
	}
	if decl, ok := body.Parent().Node().(*ast.FuncDecl); ok && match.IsMain(c.pass.Pkg, decl) {
		return "", false
	}
	if c.aroundRequest(cur, call.Pos(), start) && !c.periodicRun(cur) {
		// A request timed by a periodic job (a health probe run from a
		// ticker loop in a caller) is that job's last run.
		return "around a request", true
	}
	return "", false
}

// inHandler reports whether cur is in a request handler or interceptor
// (see handlerParams), or in a function literal within one: code that
// runs once per request.
func (c *checker) inHandler(cur inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if ft, _ := match.FuncParts(f.Node()); c.handlerParams(ft) {
			return true
		}
	}
	return false
}

// aroundRequest reports whether the function around cur makes a request
// (see request) after the clock reading at start and before at, the
// position where the duration is recorded (or before the function's end,
// when cur is in a deferred function literal): the duration measured is
// then a request's latency.
func (c *checker) aroundRequest(cur inspector.Cursor, at, start token.Pos) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	end := at
	if deferred(cur) {
		end = body.Node().End()
	}
	for cc := range body.Preorder((*ast.CallExpr)(nil)) {
		n := cc.Node().(*ast.CallExpr)
		if n.Pos() > start && n.Pos() < end && c.request(n) {
			return true
		}
	}
	return false
}

// handlerParams reports whether a function with type ft handles one
// request: it takes an *http.Request or http.ResponseWriter, or is a
// gRPC interceptor.
func (c *checker) handlerParams(ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, p := range ft.Params.List {
		t := c.info.TypeOf(p.Type)
		switch {
		case match.IsTypeOrPointer(t, "net/http.Request"), match.IsType(t, "net/http.ResponseWriter"),
			match.IsTypeOrPointer(t, "google.golang.org/grpc.UnaryServerInfo"),
			match.IsTypeOrPointer(t, "google.golang.org/grpc.StreamServerInfo"),
			match.IsType(t, "google.golang.org/grpc.UnaryInvoker"),
			match.IsType(t, "google.golang.org/grpc.Streamer"):
			return true
		}
	}
	return false
}

// request reports whether call makes a request to another process: a
// network call netreach knows (HTTP, gRPC, SQL, brokers, cloud SDKs,
// dials), directly or through a function that makes one, or a call of
// an HTTP handler (middleware timing the handler it wraps).
func (c *checker) request(call *ast.CallExpr) bool {
	if _, _, ok := c.net.Call(call); ok {
		return true
	}
	fn := match.Callee(c.info, call)
	return match.IsMethod(fn, "net/http", "Handler", "ServeHTTP") || match.IsMethod(fn, "net/http", "HandlerFunc", "ServeHTTP")
}

func loopBody(loop ast.Node) *ast.BlockStmt {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

func within(pos token.Pos, n ast.Node) bool {
	return n != nil && pos >= n.Pos() && pos < n.End()
}

// stream reports whether the loop runs over a stream with no end in
// view (for {...}, a range over a channel), as opposed to a collection.
func stream(info *types.Info, loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return l.Cond == nil
	case *ast.RangeStmt:
		t := info.TypeOf(l.X)
		if t == nil {
			return false
		}
		_, isChan := t.Underlying().(*types.Chan)
		return isChan
	}
	return false
}

// labeled reports whether the gauge that call records into is a vector's
// member (v.With(...).Set, v.WithLabelValues(...).Set): a loop over a
// collection gives each item its own series.
func labeled(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(info, inner)
	return fn != nil && slices.Contains([]string{"With", "WithLabelValues", "GetMetricWith", "GetMetricWithLabelValues"}, fn.Name())
}

// deferred reports whether cur is inside a function literal that is
// deferred (defer func() { ... }()).
func deferred(cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != lit.Node() {
			return false
		}
		_, ok = lit.Parent().Parent().Node().(*ast.DeferStmt)
		return ok
	}
	return false
}
