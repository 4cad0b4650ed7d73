package unboundedqueue

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/paced"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "unboundedqueue"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/unboundedqueue"

// DefaultMaxBuffer is the default smallest channel buffer reported.
const DefaultMaxBuffer = 10000

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// MaxBuffer is the smallest constant channel buffer reported
	// (-unboundedqueue.maxbuffer); 0 means DefaultMaxBuffer.
	MaxBuffer int
	// Strict reports every goroutine per received item, slice queue,
	// goroutine started only to send and huge buffer by its shape alone,
	// as the analyzer did before the evidence standard
	// (-unboundedqueue.strict); by default they are reported only when
	// the consumer is seen to wait on the network.
	Strict bool
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns an unboundedqueue analyzer configured by cfg. Its flags
// set this instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	if cfg.MaxBuffer == 0 {
		cfg.MaxBuffer = DefaultMaxBuffer
	}
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer, netreach.Analyzer},
		FactTypes: []analysis.Fact{new(spawnsPerCall)},
	}
	a.Flags.IntVar(&cfg.MaxBuffer, "maxbuffer", cfg.MaxBuffer, "smallest constant channel buffer reported")
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "report every goroutine per received item, slice queue, goroutine started only to send and huge buffer, not only those whose consumer waits on the network")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

const (
	msgGrow   = "when the consumer is slower than the producer"
	msgRemedy = "bound it and apply backpressure, or drop with a metric"
)

// subscriptionMethods receive the next message of a subscription or
// stream when they return one (not a bool, as iterators' Next does).
var subscriptionMethods = []string{"Next", "NextMsg", "Receive", "ReceiveMessage", "Recv", "Fetch", "FetchMessage", "ReadMessage", "Poll"}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	cfg  *Config
	rep  *report.Reporter
	// net tells the calls that reach the network.
	net  *netreach.Result
	insp *inspector.Inspector
	// writes and clamped are built on the first make(chan T, o.F).
	writes  *flow.Writes
	clamped map[*types.Var]bool
	// jobs tells clock-paced code; made on first use.
	jobs *paced.Index
	// pools caches poolFreeList by slice field.
	pools map[*types.Var]bool
	// keyedChans caches keyedChan by channel variable.
	keyedChans map[*types.Var]bool
	// chanCons indexes channels' consumers; made on first use.
	chanCons *chanConsumers
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	c := &checker{pass: pass, info: pass.TypesInfo, cfg: cfg, rep: report.New(pass, cfg.Policy), net: pass.ResultOf[netreach.Analyzer].(*netreach.Result)}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.insp = insp
	filter := []ast.Node{(*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}
	spawners := c.spawners(insp)
	if cfg.Policy.OnlyFacts() {
		return nil, nil
	}
	c.sliceQueues(insp)
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			c.goStmt(cur, n)
		case *ast.CallExpr:
			c.makeChan(cur, n)
			c.groupGo(cur, n)
			c.spawnCall(cur, n, spawners)
		case *ast.AssignStmt:
			c.pump(cur, n)
		}
	}
	return nil, nil
}
