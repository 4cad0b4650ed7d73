package wallclock

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/option"
	"github.com/distlint/distlint/internal/paced"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "wallclock"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/wallclock"

// DefaultIdentNames are the words that make a name an identity or an
// order: a wall-clock value given such a name is reported. Epoch is not
// one of them: given to a clock reading, it most often names Unix-epoch
// time (oauth1's epoch() for oauth_timestamp, the X-Ray SDK's
// currentEpoch second), not a fencing epoch (fresh code: 2 findings,
// both false). A code base whose epochs are terms or fencing tokens adds
// it with -wallclock.identnames.
var DefaultIdentNames = []string{
	"id", "seq", "sequence", "version", "revision", "rev", "offset", "order",
	"lsn", "counter", "generation", "nonce",
}

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// IdentNames are the words (matched against the camelCase and
	// snake_case parts of a name) that say identity or order
	// (-wallclock.identnames); nil means DefaultIdentNames.
	IdentNames []string
	// Strict reports every sort of cross-machine values by a wall-clock
	// field, as the analyzer did before the evidence standard
	// (-wallclock.strict); by default a sort is reported only when the
	// code then takes its first or last element.
	Strict bool
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a wallclock analyzer configured by cfg. Its flags set this
// instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	if cfg.IdentNames == nil {
		cfg.IdentNames = DefaultIdentNames
	}
	cfg.IdentNames = append([]string(nil), cfg.IdentNames...)
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	a.Flags.Var((*option.List)(&cfg.IdentNames), "identnames", "comma-separated words that make a name an identifier or sequence number (id, seq, version, ...)")
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "report every sort by a wall-clock field, not only those whose first or last element is then taken")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass       *analysis.Pass
	info       *types.Info
	rep        *report.Reporter
	bound      *boundary
	decls      map[*types.Func]*ast.FuncDecl
	identNames map[string]bool
	// strict reports every sort, with or without a pick in view.
	strict  bool
	writers *writers
	// clockFields are the integer fields the package sets only from
	// the wall clock, whatever they are called.
	clockFields *clockFields
	// jobs tells whether code runs at the clock's pace.
	jobs *paced.Index
	// eqOnly caches equalityOnly.
	eqOnly map[*types.Var]bool
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Ordering needs sort or slices, or a comparison of time.Time (which
	// needs no import of time when the fields come from another
	// package); identity needs time.Now. A package that imports none of
	// these cannot matter.
	if cfg.Policy.OnlyFacts() || !importsAny(pass.Pkg, "time", "sort", "slices", timestampPkg) {
		return nil, nil // no facts of its own: nothing to do for facts only
	}
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		rep:         report.New(pass, cfg.Policy),
		decls:       make(map[*types.Func]*ast.FuncDecl),
		identNames:  make(map[string]bool),
		clockFields: &clockFields{only: make(map[*types.Var]bool)},
		strict:      cfg.Strict,
		eqOnly:      make(map[*types.Var]bool),
	}
	for _, n := range cfg.IdentNames {
		c.identNames[strings.ToLower(n)] = true
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.jobs = paced.New(pass, insp)
	// Which values the package gives its struct fields, read on demand:
	// those it stamps itself (boundary), those set only from the clock,
	// their writers.
	writes := flow.NewWrites(pass.Pkg, c.info, insp.Root())
	c.bound = newBoundary(writes)
	c.writers = newWriters(c.info, writes)
	importsTime := match.Imports(pass.Pkg, "time")
	if importsTime {
		c.clockFields.writes = writes
	}
	// Decoding calls anywhere in the package mark their types as coming
	// from the wire; collect them before judging any comparison. Atomic
	// adds are noted on the way.
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		c.bound.noteDecode(c.info, call)
		c.writers.noteAdd(call)
	}

	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.ReturnStmt)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.sortCall(cur, n)
			if importsTime {
				c.identityNode(cur)
			}
		case *ast.IfStmt:
			c.ifStmt(cur, n)
		default:
			if importsTime {
				c.identityNode(cur)
			}
		}
	}
	return nil, nil
}

// importsAny reports whether pkg imports one of paths directly, or
// imports a package that does (a field of type time.Time is compared
// without importing time when its struct comes from elsewhere).
func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
		for _, imp2 := range imp.Imports() {
			if imp2.Path() == "time" {
				return true
			}
		}
	}
	return false
}
