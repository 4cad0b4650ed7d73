package latency

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "latency"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/latency"

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

// New returns a latency analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: report.Protect(func(pass *analysis.Pass) (any, error) {
			return run(pass, &cfg)
		}),
	}
}

const (
	promPkg     = "github.com/prometheus/client_golang/prometheus"
	promautoPkg = "github.com/prometheus/client_golang/prometheus/promauto"
	otelPkg     = "go.opentelemetry.io/otel/metric"
	rcrowleyPkg = "github.com/rcrowley/go-metrics"
	gokitPkg    = "github.com/go-kit/kit/metrics"
	armonPkg    = "github.com/armon/go-metrics"
	hashiPkg    = "github.com/hashicorp/go-metrics"
)

// metricPkgs are the packages whose import makes a package worth
// analyzing, besides package time.
var metricPkgs = []string{"time", "expvar", promPkg, promautoPkg, otelPkg, rcrowleyPkg, gokitPkg, armonPkg, hashiPkg}

const remedy = "observe the durations in a histogram (prometheus.NewHistogram, an OpenTelemetry Float64Histogram) and read percentiles"

// A sinkKind says what a metric call does with its value.
type sinkKind int

const (
	// gaugeSet replaces the metric's value: only the last one is exported.
	gaugeSet sinkKind = iota
	// sumAdd adds the value to a running total.
	sumAdd
)

// A sink is a metric method (or function) that records one number.
type sink struct {
	pkg   string
	types []string // receiver type names; nil: any function or method of pkg
	names []string
	arg   int // index of the recorded value among the arguments
	kind  sinkKind
}

var sinks = []sink{
	{promPkg, []string{"Gauge"}, []string{"Set"}, 0, gaugeSet},
	{promPkg, []string{"Gauge", "Counter"}, []string{"Add"}, 0, sumAdd},
	{otelPkg, []string{"Float64Gauge", "Int64Gauge"}, []string{"Record"}, 1, gaugeSet},
	{otelPkg, []string{"Float64Counter", "Int64Counter", "Float64UpDownCounter", "Int64UpDownCounter"}, []string{"Add"}, 1, sumAdd},
	{"expvar", []string{"Float", "Int"}, []string{"Set"}, 0, gaugeSet},
	{"expvar", []string{"Float", "Int"}, []string{"Add"}, 0, sumAdd},
	{rcrowleyPkg, []string{"Gauge", "GaugeFloat64", "StandardGauge", "StandardGaugeFloat64"}, []string{"Update"}, 0, gaugeSet},
	{rcrowleyPkg, []string{"Counter", "StandardCounter"}, []string{"Inc"}, 0, sumAdd},
	{gokitPkg, []string{"Gauge"}, []string{"Set"}, 0, gaugeSet},
	{gokitPkg, []string{"Gauge", "Counter"}, []string{"Add"}, 0, sumAdd},
	// armon/go-metrics and its successor hashicorp/go-metrics: the
	// package functions, Metrics' methods and the sinks' share names.
	{armonPkg, nil, []string{"SetGauge", "SetGaugeWithLabels", "SetPrecisionGauge", "SetPrecisionGaugeWithLabels"}, 1, gaugeSet},
	{armonPkg, nil, []string{"IncrCounter", "IncrCounterWithLabels"}, 1, sumAdd},
	{hashiPkg, nil, []string{"SetGauge", "SetGaugeWithLabels", "SetPrecisionGauge", "SetPrecisionGaugeWithLabels"}, 1, gaugeSet},
	{hashiPkg, nil, []string{"IncrCounter", "IncrCounterWithLabels"}, 1, sumAdd},
}

// sinkOf returns the sink that fn is, if any.
func sinkOf(fn *types.Func) (sink, bool) {
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	for _, s := range sinks {
		if fn.Pkg().Path() != s.pkg || !slices.Contains(s.names, fn.Name()) {
			continue
		}
		if s.types == nil {
			return s, true
		}
		for _, t := range s.types {
			if match.IsMethod(fn, s.pkg, t, fn.Name()) {
				return s, true
			}
		}
	}
	return sink{}, false
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter

	// summaries maps the variable or field holding a Prometheus summary
	// to what the package does with it.
	summaries map[types.Object]*summary
	// sums are duration totals kept in counters; counted holds the
	// blocks that also count events.
	sums    []sumRecord
	counted map[ast.Node]bool
	// totals are the variables and fields that durations are added to;
	// divisions are the divisions of one of them by something.
	totals    map[types.Object]bool
	divisions []division
}

type summary struct {
	creations []*ast.CallExpr // creations with no Objectives
	objective bool            // some creation has Objectives, or cannot be seen
	durations bool            // it observes durations
}

type sumRecord struct {
	call  *ast.CallExpr
	block ast.Node
}

type division struct {
	cur   inspector.Cursor
	bin   *ast.BinaryExpr
	total types.Object
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if !match.Imports(pass.Pkg, metricPkgs...) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		rep:       report.New(pass, cfg.Policy),
		summaries: make(map[types.Object]*summary),
		counted:   make(map[ast.Node]bool),
		totals:    make(map[types.Object]bool),
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.BinaryExpr)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.AssignStmt:
			c.accumulate(cur, n)
		case *ast.BinaryExpr:
			c.divide(cur, n)
		}
	}
	c.reportSummaries()
	c.reportSums()
	c.reportMeans()
	return nil, nil
}

// call looks at one call: a metric recording, a summary's creation or
// observation.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return
	}
	if s, ok := sinkOf(fn); ok && s.arg < len(call.Args) {
		c.record(cur, call, s)
		return
	}
	switch {
	case match.IsFunc(fn, promPkg, "NewSummary", "NewSummaryVec"),
		match.IsFunc(fn, promautoPkg, "NewSummary", "NewSummaryVec"),
		match.IsMethod(fn, promautoPkg, "Factory", "NewSummary", "NewSummaryVec"):
		c.summaryCreated(cur, call)
	case match.IsMethod(fn, promPkg, "Observer", "Observe"), match.IsMethod(fn, promPkg, "Summary", "Observe"):
		if len(call.Args) == 1 && c.durationish(cur, call.Args[0], 0) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				c.observed(sel.X)
			}
		}
	case match.IsFunc(fn, promPkg, "NewTimer"):
		// A timer observes durations into its observer.
		if len(call.Args) == 1 {
			c.observed(call.Args[0])
		}
	case match.IsMethod(fn, promPkg, "Counter", "Inc"):
		c.count(cur)
	}
}

// record checks a value recorded into a gauge or a counter.
func (c *checker) record(cur inspector.Cursor, call *ast.CallExpr, s sink) {
	val := call.Args[s.arg]
	if s.kind == sumAdd {
		if isOne(c.info, val) {
			c.count(cur)
		} else if _, ok := c.measured(cur, val, 0); ok {
			// Only a measured duration: a sum of configured delays
			// (backoffSeconds.Add(delay.Seconds())) is not a latency.
			c.sums = append(c.sums, sumRecord{call: call, block: enclosingBlock(cur)})
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
	}
}

// count notes that the block around cur counts events.
func (c *checker) count(cur inspector.Cursor) {
	c.counted[enclosingBlock(cur)] = true
}

// enclosingBlock returns the innermost statement list around cur.
func enclosingBlock(cur inspector.Cursor) ast.Node {
	for e := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		return e.Node()
	}
	return nil
}

func (c *checker) reportSums() {
	for _, s := range c.sums {
		if s.block != nil && c.counted[s.block] {
			c.rep.Reportf(s.call, "sum-and-count",
				"duration summed into a counter next to a count of the same events: sum divided by count is an average, and an average hides the tail; %s (a histogram exports the sum and count too)", remedy)
		}
	}
}

// perEvent reports whether the recording at cur happens once per event
// (per request, per message), where a gauge loses all but the last value,
// and says why. A gauge of a job that runs once, or once per tick, holds
// the duration of its last run, which is what it is for.
func (c *checker) perEvent(cur inspector.Cursor, call *ast.CallExpr, start token.Pos) (string, bool) {
	// A request handler or interceptor: one call per request.
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if c.handlerParams(ft) {
			return "per request", true
		}
	}
	// A loop that times each item it handles.
	if loop, ok := innermostLoop(cur); ok && within(start, loopBody(loop.Node())) {
		if c.periodic(loop.Node()) {
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
	end := call.Pos()
	if deferred(cur) {
		end = body.Node().End()
	}
	found := false
	for cc := range body.Preorder((*ast.CallExpr)(nil)) {
		n := cc.Node().(*ast.CallExpr)
		if n.Pos() > start && n.Pos() < end && c.request(n) {
			found = true
			break
		}
	}
	if found {
		return "around a request", true
	}
	return "", false
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

// request reports whether call makes a request to another process:
// net/http's client and handlers, database/sql, gRPC.
func (c *checker) request(call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return false
	}
	sqlMethods := []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Ping", "PingContext"}
	switch {
	case match.IsMethod(fn, "net/http", "Client", "Do", "Get", "Post", "PostForm", "Head"),
		match.IsMethod(fn, "net/http", "RoundTripper", "RoundTrip"),
		match.IsMethod(fn, "net/http", "Transport", "RoundTrip"),
		match.IsMethod(fn, "net/http", "Handler", "ServeHTTP"),
		match.IsMethod(fn, "net/http", "HandlerFunc", "ServeHTTP"),
		match.IsFunc(fn, "net/http", "Get", "Post", "PostForm", "Head"),
		match.IsMethod(fn, "database/sql", "DB", sqlMethods...),
		match.IsMethod(fn, "database/sql", "Tx", sqlMethods...),
		match.IsMethod(fn, "database/sql", "Conn", sqlMethods...),
		match.IsMethod(fn, "database/sql", "Stmt", sqlMethods...),
		match.IsMethod(fn, "google.golang.org/grpc", "ClientConn", "Invoke", "NewStream"):
		return true
	}
	// A generated gRPC client method: its last parameter is
	// ...grpc.CallOption.
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	return ok && match.IsType(last.Elem(), "google.golang.org/grpc.CallOption")
}

// innermostLoop returns the innermost for or range statement around cur
// within the same function.
func innermostLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
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

// periodic reports whether the loop waits on a clock (a ticker, a timer,
// time.Sleep, time.After): a job run once per tick, whose gauge holds
// its last run.
func (c *checker) periodic(loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if match.IsFunc(match.Callee(c.info, n), "time", "Sleep", "After", "Tick", "NewTicker", "NewTimer") {
				found = true
			}
		case *ast.SelectorExpr:
			if sel, ok := c.info.Selections[n]; ok && sel.Kind() == types.FieldVal && n.Sel.Name == "C" {
				if match.IsTypeOrPointer(sel.Recv(), "time.Ticker") || match.IsTypeOrPointer(sel.Recv(), "time.Timer") {
					found = true
				}
			}
		}
		return !found
	})
	return found
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

// maxDepth bounds how many variables' definitions are followed from one
// expression (x := y; y := z ...), which also ends cycles (x = x + d).
const maxDepth = 4

// isDuration reports whether t is time.Duration.
func isDuration(t types.Type) bool { return match.IsType(t, "time.Duration") }

// durationMethods convert a time.Duration to a number of some unit.
var durationMethods = []string{"Seconds", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Hours"}

// derived reports whether expr is a number computed from a value that
// leaf accepts (a time.Duration, of some origin): the value itself, a
// conversion, its Seconds (and the like), a scaling by a non-duration,
// or a local variable that only ever holds such numbers. The position
// returned is leaf's.
func (c *checker) derived(cur inspector.Cursor, expr ast.Expr, depth int, leaf func(ast.Expr, int) (token.Pos, bool)) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	expr = ast.Unparen(expr)
	tv, ok := c.info.Types[expr]
	if !ok || tv.Value != nil {
		return token.NoPos, false // constants are configuration, not measurements
	}
	if isDuration(tv.Type) {
		return c.derivedDuration(cur, expr, depth, leaf)
	}
	switch e := expr.(type) {
	case *ast.CallExpr:
		if ftv, ok := c.info.Types[e.Fun]; ok && ftv.IsType() && len(e.Args) == 1 {
			return c.derived(cur, e.Args[0], depth, leaf) // float64(d)
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return token.NoPos, false
		}
		if fn := match.Callee(c.info, e); match.IsMethod(fn, "time", "Duration", durationMethods...) {
			return c.derived(cur, sel.X, depth, leaf)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok {
				return p, true
			}
			return c.derived(cur, e.Y, depth, leaf)
		case token.MUL, token.QUO:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok && !c.durationish(cur, e.Y, depth) {
				return p, true
			}
			if e.Op == token.MUL && !c.durationish(cur, e.X, depth) {
				return c.derived(cur, e.Y, depth, leaf)
			}
		}
	case *ast.Ident:
		if mayHoldDuration(tv.Type) {
			return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.derived(cur, d, depth+1, leaf) })
		}
	}
	return token.NoPos, false
}

// mayHoldDuration reports whether a variable of type t can hold a
// duration or a number of some unit derived from one: time.Duration,
// floats and int64 (what Seconds and Milliseconds return). Plain ints
// hold counts and sizes; not following them keeps the analysis cheap.
func mayHoldDuration(t types.Type) bool {
	if t == nil {
		return false
	}
	if isDuration(t) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsFloat) != 0 || ok && (b.Kind() == types.Int64 || b.Kind() == types.Uint64)
}

// derivedDuration is derived for an expression of type time.Duration. A
// Duration divided by a Duration is a count stored in a Duration
// (missed := time.Since(last)/interval - 1), not a duration.
func (c *checker) derivedDuration(cur inspector.Cursor, expr ast.Expr, depth int, leaf func(ast.Expr, int) (token.Pos, bool)) (token.Pos, bool) {
	switch e := expr.(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.QUO:
			if isDuration(c.info.TypeOf(e.Y)) && !c.isCount(cur, e.Y, depth+1) {
				return token.NoPos, false
			}
		case token.ADD, token.SUB:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok {
				return p, true
			}
			return c.derived(cur, e.Y, depth, leaf)
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && !v.IsField() {
			if body, ok := flow.EnclosingFunc(cur); ok {
				if _, ok := flow.Defs(c.info, body, v); ok {
					return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.derived(cur, d, depth+1, leaf) })
				}
			}
		}
	}
	return leaf(expr, depth)
}

// localDefs applies f to every value given to the local variable id in
// the function around cur; ok if f accepts all of them. It returns the
// smallest position f returns.
func (c *checker) localDefs(cur inspector.Cursor, id *ast.Ident, f func(ast.Expr) (token.Pos, bool)) (token.Pos, bool) {
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return token.NoPos, false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return token.NoPos, false
	}
	defs, ok := flow.Defs(c.info, body, v)
	if !ok {
		return token.NoPos, false
	}
	min, seen := token.NoPos, false
	for _, d := range defs {
		if d.Expr == nil {
			continue // the zero value before the first assignment
		}
		if d.Index != 0 {
			return token.NoPos, false // one of several results
		}
		p, ok := f(d.Expr)
		if !ok {
			return token.NoPos, false
		}
		if !seen || p < min {
			min, seen = p, true
		}
	}
	return min, seen
}

// durationish reports whether expr is a non-constant number computed
// from a time.Duration of any origin.
func (c *checker) durationish(cur inspector.Cursor, expr ast.Expr, depth int) bool {
	_, ok := c.derived(cur, expr, depth, func(ast.Expr, int) (token.Pos, bool) { return token.NoPos, true })
	return ok
}

// measured reports whether expr is a number computed from a duration
// measured in this function (time.Since of a reading of the clock, or
// the difference of two readings), and returns the position of the
// first reading. Durations from elsewhere (configuration, a field, a
// parameter) and ages of stored times are not measurements in view.
func (c *checker) measured(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	return c.derived(cur, expr, depth, func(e ast.Expr, depth int) (token.Pos, bool) {
		return c.measuredDuration(cur, e, depth)
	})
}

// measuredDuration is measured for an expression of type time.Duration.
func (c *checker) measuredDuration(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	switch e := ast.Unparen(expr).(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		switch {
		case fn == nil:
		case isSince(fn) && len(e.Args) == 1:
			return c.reading(cur, e.Args[0], depth)
		case match.IsMethod(fn, "time", "Time", "Sub") && len(e.Args) == 1:
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return token.NoPos, false
			}
			p1, ok1 := c.reading(cur, sel.X, depth)
			p2, ok2 := c.reading(cur, e.Args[0], depth)
			if ok1 && ok2 {
				return min(p1, p2), true
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD || e.Op == token.SUB {
			if p, ok := c.measuredDuration(cur, e.X, depth); ok {
				return p, true
			}
			return c.measuredDuration(cur, e.Y, depth)
		}
	case *ast.Ident:
		return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.measured(cur, d, depth+1) })
	}
	return token.NoPos, false
}

// isSince reports whether fn is time.Since or a clock's Since method
// (func(time.Time) time.Duration).
func isSince(fn *types.Func) bool {
	if match.IsFunc(fn, "time", "Since") {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && fn.Name() == "Since" && sig.Recv() != nil && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		match.IsType(sig.Params().At(0).Type(), "time.Time") && isDuration(sig.Results().At(0).Type())
}

// reading reports whether expr is a reading of the clock taken in this
// function: time.Now(), a clock's Now() (func() time.Time), or a local
// variable that only ever holds one. It returns the reading's position.
func (c *checker) reading(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	switch e := ast.Unparen(expr).(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		if fn == nil || len(e.Args) != 0 {
			return token.NoPos, false
		}
		if match.IsFunc(fn, "time", "Now") {
			return e.Pos(), true
		}
		sig, ok := fn.Type().(*types.Signature)
		if ok && fn.Name() == "Now" && sig.Recv() != nil && sig.Results().Len() == 1 && match.IsType(sig.Results().At(0).Type(), "time.Time") {
			return e.Pos(), true
		}
	case *ast.Ident:
		return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.reading(cur, d, depth+1) })
	}
	return token.NoPos, false
}

// isOne reports whether expr is the constant 1 (a count of one event).
func isOne(info *types.Info, expr ast.Expr) bool {
	tv, ok := info.Types[expr]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Compare(tv.Value, token.EQL, constant.MakeInt64(1))
	}
	return false
}

// key returns the object that identifies a storage location across the
// package: the field for a selection (s.m.f is f wherever s comes from),
// the variable otherwise.
func key(info *types.Info, expr ast.Expr) (types.Object, bool) {
	p, ok := flow.PathOf(info, expr)
	if !ok {
		return nil, false
	}
	if len(p.Fields) > 0 {
		return p.Fields[len(p.Fields)-1], true
	}
	return p.Root, true
}

// summaryCreated notes a Prometheus summary's creation and the location
// it is stored in.
func (c *checker) summaryCreated(cur inspector.Cursor, call *ast.CallExpr) {
	k := c.storedIn(cur)
	if k == nil {
		return
	}
	s := c.summaries[k]
	if s == nil {
		s = new(summary)
		c.summaries[k] = s
	}
	if len(call.Args) > 0 && c.noObjectives(call.Args[0]) {
		s.creations = append(s.creations, call)
	} else {
		s.objective = true
	}
}

// storedIn returns the variable or field that the value of the
// expression at cur is stored in: the target of an assignment or
// declaration, or the field of a struct literal it initializes (wherever
// the literal goes, the field is the key).
func (c *checker) storedIn(cur inspector.Cursor) types.Object {
	if kv, ok := cur.Parent().Node().(*ast.KeyValueExpr); ok && kv.Value == cur.Node() {
		if _, inLit := cur.Parent().Parent().Node().(*ast.CompositeLit); inLit {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := c.info.ObjectOf(id).(*types.Var); ok && f.IsField() {
					return f
				}
			}
		}
		return nil
	}
	path, ok := flow.Target(c.info, cur)
	if !ok {
		return nil
	}
	if len(path.Fields) > 0 {
		return path.Fields[len(path.Fields)-1]
	}
	return path.Root
}

// noObjectives reports whether opts is a SummaryOpts literal with no
// Objectives, or with nil or an empty map literal.
func (c *checker) noObjectives(opts ast.Expr) bool {
	lit, ok := ast.Unparen(opts).(*ast.CompositeLit)
	if !ok || !match.IsType(c.info.TypeOf(lit), promPkg+".SummaryOpts") {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional fields: not worth guessing
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "Objectives" {
			continue
		}
		if tv := c.info.Types[kv.Value]; tv.IsNil() {
			return true
		}
		m, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
		return ok && len(m.Elts) == 0
	}
	return true
}

// observed notes that the summary (or summary vector member) expr
// observes durations.
func (c *checker) observed(expr ast.Expr) {
	for {
		expr = ast.Unparen(expr)
		if ta, ok := expr.(*ast.TypeAssertExpr); ok {
			expr = ta.X
			continue
		}
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		fn := match.Callee(c.info, call)
		if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != promPkg ||
			!slices.Contains([]string{"With", "WithLabelValues", "MustCurryWith"}, fn.Name()) {
			return
		}
		expr = sel.X
	}
	k, ok := key(c.info, expr)
	if !ok {
		return
	}
	if s := c.summaries[k]; s != nil {
		s.durations = true
		return
	}
	// Observed before its creation was seen: keep the fact for later.
	c.summaries[k] = &summary{durations: true}
}

func (c *checker) reportSummaries() {
	for _, s := range c.summaries {
		if s.objective || !s.durations {
			continue
		}
		for _, call := range s.creations {
			c.rep.Reportf(call.Fun, "summary",
				"summary with no Objectives observes durations: it exports only their sum and count, an average that hides the tail; %s, or give the summary Objectives", remedy)
		}
	}
}

// accumulate notes total += d (or total = total + d) for a duration d.
func (c *checker) accumulate(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	var added ast.Expr
	switch as.Tok {
	case token.ADD_ASSIGN:
		added = as.Rhs[0]
	case token.ASSIGN:
		bin, ok := ast.Unparen(as.Rhs[0]).(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			return
		}
		lp, ok1 := flow.PathOf(c.info, as.Lhs[0])
		xp, ok2 := flow.PathOf(c.info, bin.X)
		if !ok1 || !ok2 || !lp.Equal(xp) {
			return
		}
		added = bin.Y
	default:
		return
	}
	k, ok := key(c.info, as.Lhs[0])
	if !ok || !mayHoldDuration(c.info.TypeOf(as.Lhs[0])) || !c.durationish(cur, added, 0) {
		return
	}
	c.totals[k] = true
}

// divide notes a division of a variable or field by a count.
func (c *checker) divide(cur inspector.Cursor, bin *ast.BinaryExpr) {
	if bin.Op != token.QUO {
		return
	}
	if total := c.totalOf(bin.X); total != nil {
		c.divisions = append(c.divisions, division{cur: cur, bin: bin, total: total})
	}
}

// totalOf returns the location that expr reads, through conversions and
// unit methods (float64(total), total.Seconds()).
func (c *checker) totalOf(expr ast.Expr) types.Object {
	for range maxDepth {
		expr = ast.Unparen(expr)
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			expr = call.Args[0]
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && len(call.Args) == 0 && match.IsMethod(match.Callee(c.info, call), "time", "Duration", durationMethods...) {
			expr = sel.X
			continue
		}
		return nil
	}
	k, ok := key(c.info, expr)
	if !ok {
		return nil
	}
	return k
}

// isCount reports whether expr counts things: a non-constant number that
// is not computed from a duration (float64(n), time.Duration(len(xs))).
// A duration divided by a duration is a ratio (busy time over elapsed
// time), not a mean; a division by a constant changes units.
func (c *checker) isCount(cur inspector.Cursor, expr ast.Expr, depth int) bool {
	for range maxDepth {
		expr = ast.Unparen(expr)
		if tv, ok := c.info.Types[expr]; !ok || tv.Value != nil {
			return false
		}
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		tv, ok := c.info.Types[call.Fun]
		if !ok || !tv.IsType() || len(call.Args) != 1 {
			break
		}
		expr = call.Args[0]
	}
	t := c.info.TypeOf(expr)
	if t == nil || isDuration(t) || c.durationish(cur, expr, depth) {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}

func (c *checker) reportMeans() {
	for _, d := range c.divisions {
		if c.totals[d.total] && c.isCount(d.cur, d.bin.Y, 0) {
			c.rep.Reportf(d.bin, "mean",
				"average latency computed by hand (a running total of durations divided by a count): a mean hides the tail, one slow request in a hundred barely moves it; %s", remedy)
		}
	}
}
