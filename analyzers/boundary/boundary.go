package boundary

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract (flags, configuration
// keys, suppression directives, output).
const Name = "boundary"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/boundary"

// MapCategory is the category of the diagnostics that carry map entries
// (in -boundary.map mode): their message is an Entry in JSON.
const MapCategory = "boundary-map"

// Protections are the names -boundary.require accepts, in the order
// entries list them.
var Protections = []string{"timeout", "retry", "idempotency", "breaker"}

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// Require lists the protections every outbound call must have
	// (see Protections); calls that visibly lack one are reported.
	Require []string
	// Map emits one MapCategory diagnostic per outbound call.
	Map bool
	// Libraries are the backoff libraries, shared with retrystorm (whose
	// -retrystorm.backoffpkgs flag extends them); nil means the defaults.
	Libraries *retry.Libraries
}

// Analyzer is a ready instance with the default configuration (which
// reports nothing until -boundary.require is set).
var Analyzer = New(Config{})

// New returns a boundary analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer, netreach.Analyzer, retry.Analyzer},
		FactTypes: []analysis.Fact{new(breakerWrapper)},
	}
	a.Flags.Var((*requireFlag)(&cfg.Require), "require", "comma-separated protections every outbound call must have: "+strings.Join(Protections, ", ")+" (default none)")
	a.Flags.BoolVar(&cfg.Map, "map", cfg.Map, "emit the boundary map, one entry per outbound call (set by distlint -boundaries)")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) {
		return run(pass, &cfg)
	})
	return a
}

// requireFlag is the -boundary.require list, checked against Protections.
type requireFlag []string

func (r *requireFlag) String() string { return strings.Join(*r, ",") }

func (r *requireFlag) Set(s string) error {
	var out []string
	for p := range strings.FieldsFuncSeq(s, func(c rune) bool { return c == ',' || c == ' ' || c == '[' || c == ']' }) {
		p = strings.ToLower(p)
		if !slices.Contains(Protections, p) {
			return fmt.Errorf("unknown protection %q (protections: %s)", p, strings.Join(Protections, ", "))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	*r = out
	return nil
}

// An Entry is one outbound call site of the boundary map.
type Entry struct {
	// Pos is file:line:col of the call (filled in by the command from
	// the diagnostic's position).
	Pos string `json:"pos"`
	// Package is the import path of the calling package.
	Package string `json:"package"`
	// Function is the qualified name of the enclosing function.
	Function string `json:"function"`
	// Kind is one of http, grpc, sql, kafka, nats, amqp, redis, cloud, dial.
	Kind string `json:"kind"`
	// Operation is the method and URL or host when constant, else the
	// callee.
	Operation   string     `json:"operation"`
	Timeout     Protection `json:"timeout"`
	Retry       Protection `json:"retry"`
	Idempotency Protection `json:"idempotency"`
	Breaker     Protection `json:"breaker"`
	// Findings are the distlint findings at the call (filled in by the
	// command from the same run).
	Findings []Finding `json:"findings"`
}

// A Protection is the status of one protection and where it comes from.
type Protection struct {
	Status   string `json:"status"`
	Evidence string `json:"evidence"`
}

// A Finding is a distlint finding at a call site.
type Finding struct {
	Analyzer string `json:"analyzer"`
	Message  string `json:"message"`
}

// Statuses.
const (
	Set     = "set"
	Caller  = "caller"
	Missing = "missing"
	Unknown = "unknown"
	None    = "none"
	Backoff = "backoff"
	Unsafe  = "unsafe"
	NA      = "n/a"
)

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if !cfg.Map && len(cfg.Require) == 0 {
		return nil, nil // off: nothing to compute, no facts to export
	}
	// Breaker wrappers first: a package that cannot reach the network
	// may still wrap a breaker for the packages that import it.
	wrappers := breakerWrappers(pass)
	if cfg.Policy.OnlyFacts() || !pass.ResultOf[netreach.Analyzer].(*netreach.Result).Package() {
		return nil, nil // no call in the package can reach the network
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	rep := report.New(pass, cfg.Policy)
	retries := &retrier{
		finder:  retry.NewFinder(pass.TypesInfo, pass.Pkg, pass.Files, insp, cfg.Libraries),
		libs:    cfg.Libraries,
		helpers: pass.ResultOf[retry.Analyzer].(*retry.Helpers),
		info:    pass.TypesInfo,
	}
	for cur := range rep.Preorder(insp, (*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		out, ok := classify(pass.TypesInfo, cur, call)
		if !ok {
			continue
		}
		e := Entry{
			Package:     pass.Pkg.Path(),
			Function:    enclosingName(pass, cur),
			Kind:        out.kind,
			Operation:   out.op,
			Timeout:     timeoutOf(pass.TypesInfo, pass.Files, cur, out),
			Retry:       retries.retryOf(cur),
			Idempotency: idempotencyOf(pass.TypesInfo, cur, out),
			Breaker:     breakerOf(pass, wrappers, cur),
			Findings:    []Finding{},
		}
		if cfg.Map {
			data, err := json.Marshal(e)
			if err != nil {
				return nil, err
			}
			// Straight to the pass: an entry is not a finding, and
			// suppression directives do not hide calls from the map.
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: MapCategory, Message: string(data)})
		}
		gate(rep, call, &e, cfg.Require)
	}
	return nil, nil
}

// enclosingName returns the qualified name of the function declaration
// that encloses cur ("example.com/svc.Charge", "(*example.com/svc.Client).Send"),
// or the package path for package-level initializers.
func enclosingName(pass *analysis.Pass, cur inspector.Cursor) string {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if fn, ok := pass.TypesInfo.Defs[c.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
			return fn.FullName()
		}
	}
	return pass.Pkg.Path()
}
