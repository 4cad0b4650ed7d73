package latency

import (
	_ "embed"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/paced"
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
	// Strict reports every hand-made mean of durations and every
	// duration summed into a counter next to a count, as the analyzer
	// did before the evidence standard (-latency.strict); by default a
	// mean or a pair of durations measured in view is reported only when
	// they are requests' latencies: measured around a request, or in a
	// request handler or interceptor.
	Strict bool
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a latency analyzer configured by cfg. Its flags set this
// instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer, netreach.Analyzer},
	}
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "report every hand-made mean of durations and every duration summed into a counter next to a count, not only those of requests' latencies")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
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
	net  *netreach.Result
	// strict reports means and sum-and-count pairs without evidence that
	// the durations are requests' latencies.
	strict bool
	// jobs tells periodic jobs: code run by a loop that waits on the
	// clock, in its function or in a caller in the package.
	jobs *paced.Index

	// summaries maps the variable or field holding a Prometheus summary
	// to what the package does with it.
	summaries map[types.Object]*summary
	// sums are duration totals kept in counters; counted holds the
	// blocks that also count events.
	sums    []sumRecord
	counted map[ast.Node]bool
	// totals are the variables and fields that durations are added to;
	// divisions are the divisions of one of them by something.
	totals    map[types.Object][]inspector.Cursor // where durations are added
	divisions []division
	// rankKeys caches, per field holding means, whether it is only a
	// sort key (see rankKey).
	rankKeys map[*types.Var]bool
	// exported are the durations also exported one by one: the value
	// set into a gauge the gauge rule leaves alone, or observed into a
	// histogram or summary, by block.
	exported map[ast.Node][]flow.Path
	// filled are the struct fields assigned in the package.
	filled map[*types.Var]bool
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if cfg.Policy.OnlyFacts() {
		return nil, nil // no facts of its own, and the findings are discarded
	}
	if !match.Imports(pass.Pkg, metricPkgs...) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		rep:       report.New(pass, cfg.Policy),
		net:       pass.ResultOf[netreach.Analyzer].(*netreach.Result),
		strict:    cfg.Strict,
		summaries: make(map[types.Object]*summary),
		counted:   make(map[ast.Node]bool),
		totals:    make(map[types.Object][]inspector.Cursor),
		rankKeys:  make(map[*types.Var]bool),
		exported:  make(map[ast.Node][]flow.Path),
		filled:    make(map[*types.Var]bool),
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.jobs = paced.New(pass, insp)
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.BinaryExpr)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.AssignStmt:
			c.accumulate(cur, n)
			c.fill(n)
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
	case match.IsMethod(fn, promPkg, "Observer", "Observe"), match.IsMethod(fn, promPkg, "Summary", "Observe"),
		match.IsMethod(fn, promPkg, "Histogram", "Observe"):
		if len(call.Args) == 1 {
			c.export(cur, call.Args[0])
		}
		if len(call.Args) == 1 && c.durationish(cur, call.Args[0], 0) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				c.observed(cur, sel.X)
			}
		}
	case match.IsMethod(fn, otelPkg, "Float64Histogram", "Record"), match.IsMethod(fn, otelPkg, "Int64Histogram", "Record"):
		if len(call.Args) >= 2 {
			c.export(cur, call.Args[1])
		}
	case match.IsFunc(fn, promPkg, "NewTimer"):
		// A timer observes durations into its observer.
		if len(call.Args) == 1 {
			c.observed(cur, call.Args[0])
		}
	case match.IsMethod(fn, promPkg, "Counter", "Inc"):
		c.count(cur)
	}
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
