package retrystorm

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/option"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "retrystorm"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/retrystorm"

// DefaultBackoffPkgs are the import paths (and their subpackages) of
// retry and backoff libraries: a loop that uses one is left alone.
var DefaultBackoffPkgs = []string{
	"github.com/cenkalti/backoff",
	"github.com/avast/retry-go",
	"k8s.io/apimachinery/pkg/util/wait",
	"k8s.io/client-go/util/retry",
	"k8s.io/client-go/util/flowcontrol",
	"github.com/hashicorp/go-retryablehttp",
	"github.com/grpc-ecosystem/go-grpc-middleware/retry",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry",
	"github.com/sethvargo/go-retry",
	"github.com/jpillora/backoff",
}

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// BackoffPkgs are more import paths of retry and backoff libraries,
	// in addition to DefaultBackoffPkgs (-retrystorm.backoffpkgs, a
	// comma-separated list). A path stands for its subpackages too.
	BackoffPkgs []string
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a retrystorm analyzer configured by cfg. Its flags set this
// instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	cfg.BackoffPkgs = append([]string(nil), cfg.BackoffPkgs...)
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		FactTypes: []analysis.Fact{new(callsNetwork), new(reachesNetwork)},
	}
	a.Flags.Var((*option.List)(&cfg.BackoffPkgs), "backoffpkgs", "comma-separated import paths of more retry and backoff libraries whose use leaves a loop alone")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass    *analysis.Pass
	insp    *inspector.Inspector // built for the first loop that retries
	info    *types.Info
	rep     *report.Reporter
	local   map[*types.Func]string // the package's functions and the network call each reaches ("" for none)
	backoff []string
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Packages that cannot reach the network (most of the standard
	// library, which every driver analyzes too because of the facts) are
	// left before any work.
	if !reaches(pass) {
		return nil, nil
	}
	pass.ExportPackageFact(new(reachesNetwork))
	c := &checker{
		pass:    pass,
		info:    pass.TypesInfo,
		rep:     report.New(pass, cfg.Policy),
		local:   computeFacts(pass),
		backoff: append(append([]string(nil), DefaultBackoffPkgs...), cfg.BackoffPkgs...),
	}
	for _, f := range pass.Files {
		if c.rep.Skip(f) {
			continue
		}
		labels := make(map[ast.Stmt]*ast.Ident)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.LabeledStmt:
				labels[n.Stmt] = n.Label
			case *ast.ForStmt, *ast.RangeStmt:
				if l := c.newLoop(n.(ast.Stmt), labels[n.(ast.Stmt)]); l != nil {
					c.check(l)
				}
			}
			return true
		})
	}
	return nil, nil
}

// cursor returns the cursor of the loop l, building the package's
// inspector the first time: few packages have a loop that retries, and
// the analyzer runs on every dependency for its facts.
func (c *checker) cursor(l *loop) (inspector.Cursor, bool) {
	if c.insp == nil {
		c.insp = inspector.New(c.pass.Files)
	}
	return c.insp.Root().FindNode(l.stmt)
}
