package lostcontext

import (
	_ "embed"
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "lostcontext"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/lostcontext"

// Detached is the directive that marks a goroutine that deliberately
// outlives the request: //distlint:detached <reason>.
const Detached = "//distlint:detached"

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

// New returns a lostcontext analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(DropsContext)},
		Run: report.Protect(func(pass *analysis.Pass) (any, error) {
			return run(pass, &cfg)
		}),
	}
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	rep   *report.Reporter
	req   *requests // the parameters that hold an incoming request
	drops drops     // what the package's functions would lose
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if !match.Imports(pass.Pkg, "context", "net/http") || standard(pass) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:  pass,
		info:  pass.TypesInfo,
		rep:   report.New(pass, cfg.Policy),
		req:   findRequests(pass.Pkg, pass.TypesInfo, insp.Root()),
		drops: make(drops),
	}
	var handOn []inspector.Cursor // calls that hand a context or request on
	for file := range insp.Root().Children() {
		f := file.Node().(*ast.File)
		if c.rep.Skip(f) {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := match.Callee(c.info, call)
			switch {
			case match.IsFunc(fn, "context", "Background", "TODO"):
				c.background(f, cur, call, fn.Name())
			case match.IsFunc(fn, "net/http", "NewRequest"):
				c.newRequest(f, cur, call)
			default:
				c.contextless(f, cur, call, fn)
			}
			if fn != nil && c.handsOn(call) {
				handOn = append(handOn, cur)
			}
		}
	}
	c.dropCalls(handOn)
	c.exportDrops()
	return nil, nil
}

// standard reports whether the package is part of the standard library,
// which serves no user's request: its facts would only say how its
// internals detach work, which is not the caller's mistake.
func standard(pass *analysis.Pass) bool {
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return len(pass.Files) > 0 && build.Default.GOROOT != "" &&
		strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), goroot)
}

// handsOn reports whether one of call's arguments is a context or a
// request.
func (c *checker) handsOn(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && carrier(t) {
			return true
		}
	}
	return false
}

func (c *checker) fileVersion(f *ast.File) string {
	if v := c.info.FileVersions[f]; v != "" {
		return v
	}
	return c.pass.Pkg.GoVersion()
}

// isRoot reports whether fn starts work rather than serving a request:
// main, init, and in _test.go files tests, benchmarks, fuzz targets and
// examples.
func (c *checker) isRoot(fn *ast.FuncDecl) bool {
	if fn.Recv != nil {
		return false
	}
	name := fn.Name.Name
	if name == "init" || match.IsMain(c.pass.Pkg, fn) {
		return true
	}
	if !strings.HasSuffix(c.pass.Fset.File(fn.Pos()).Name(), "_test.go") {
		return false
	}
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

func bodyEdge(n ast.Node) edge.Kind {
	if _, ok := n.(*ast.FuncLit); ok {
		return edge.FuncLit_Body
	}
	return edge.FuncDecl_Body
}
