package retrystorm

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/local"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "retrystorm"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/retrystorm"

// DefaultBackoffPkgs are the import paths (and their subpackages) of
// retry and backoff libraries: a loop that uses one is left alone. They
// are the suite's one list, retry.DefaultLibraries.
var DefaultBackoffPkgs = retry.DefaultLibraries

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// Libraries are the retry and backoff libraries whose use leaves a
	// loop alone: retry.DefaultLibraries and the paths a user adds with
	// -retrystorm.backoffpkgs (a comma-separated list; a path stands
	// for its subpackages too). A suite hands the same value to every
	// analyzer that recognises retries, so that one flag sets it for
	// all; nil means a value of this instance's own.
	Libraries *retry.Libraries
	// Strict reports a fixed-delay retry whatever limits it
	// (-retrystorm.strict); by default one capped by a few attempts, a
	// count the analyzer cannot see or a clock deadline is left alone.
	Strict bool
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a retrystorm analyzer configured by cfg. Its flags set this
// instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	if cfg.Libraries == nil {
		cfg.Libraries = new(retry.Libraries)
	}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer, netreach.Analyzer},
	}
	a.Flags.Var(cfg.Libraries, "backoffpkgs", "comma-separated import paths of more retry and backoff libraries whose use leaves a loop alone")
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "report every fixed-delay retry loop, not only those that nothing caps but cancellation or that may make more than ten attempts")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter
	net  *netreach.Result
	find *retry.Finder
	// strict reports fixed-delay loops however they are capped.
	strict bool
	fn     string // the name of the function declaration being walked

	decls map[*types.Func]*ast.FuncDecl // the package's functions, made when first needed
	// writes are the values the package gives its fields, indexed when
	// first needed.
	writes *flow.Writes
	// root is the package's syntax; local answers whether an address
	// names this machine (localdial.go)
	root  inspector.Cursor
	local *local.Addrs
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if cfg.Policy.OnlyFacts() {
		return nil, nil // no facts of its own, and the findings are discarded
	}
	// Packages that cannot reach the network (most of the standard
	// library) are left before any work.
	net := pass.ResultOf[netreach.Analyzer].(*netreach.Result)
	if !net.Package() {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		info:   pass.TypesInfo,
		rep:    report.New(pass, cfg.Policy),
		net:    net,
		strict: cfg.Strict,
		find:   retry.NewFinder(pass.TypesInfo, pass.Pkg, pass.Files, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), cfg.Libraries),
		writes: flow.NewWrites(pass.Pkg, pass.TypesInfo, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()),
		root:   pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root(),
	}
	c.local = local.New(c.info, c.writes)
	for _, f := range pass.Files {
		if c.rep.Skip(f) || c.testCode(f) {
			continue
		}
		labels := make(map[ast.Stmt]*ast.Ident)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				c.fn = n.Name.Name
			case *ast.LabeledStmt:
				labels[n.Stmt] = n.Label
			case *ast.ForStmt, *ast.RangeStmt:
				if l := c.find.NewLoop(n.(ast.Stmt), labels[n.(ast.Stmt)]); l != nil {
					c.check(l)
				}
			}
			return true
		})
	}
	return nil, nil
}
