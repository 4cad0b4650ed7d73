package idempotency

import (
	_ "embed"
	"go/types"
	"net/textproto"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/option"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "idempotency"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/idempotency"

// Defaults of the options.
var (
	DefaultHeaders      = []string{"Idempotency-Key", "X-Idempotency-Key"}
	DefaultFields       = []string{"IdempotencyKey", "IdempotencyToken", "ClientToken", "ClientRequestToken", "RequestId", "RequestID", "DeduplicationId", "MessageDeduplicationId"}
	DefaultReadPrefixes = []string{"Get", "List", "Describe", "Search", "Retrieve", "Read", "Fetch", "Head", "Query", "Iter", "Watch"}
)

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// Headers are the idempotency header names (-idempotency.headers),
	// compared case-insensitively; nil means DefaultHeaders.
	Headers []string
	// Fields are the names of request-struct fields that carry an
	// idempotency key (-idempotency.fields); nil means DefaultFields.
	Fields []string
	// ReadPrefixes are the name prefixes of SDK operations that only read
	// (-idempotency.readprefixes); nil means DefaultReadPrefixes.
	ReadPrefixes []string
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns an idempotency analyzer configured by cfg. Its flags set
// this instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	if cfg.Headers == nil {
		cfg.Headers = DefaultHeaders
	}
	if cfg.Fields == nil {
		cfg.Fields = DefaultFields
	}
	if cfg.ReadPrefixes == nil {
		cfg.ReadPrefixes = DefaultReadPrefixes
	}
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(SetsKey), new(SendsRequest), new(ReturnsRequest)},
	}
	a.Flags.Var((*option.List)(&cfg.Headers), "headers", "comma-separated idempotency header names (case-insensitive)")
	a.Flags.Var((*option.List)(&cfg.Fields), "fields", "comma-separated names of request-struct fields that carry an idempotency key")
	a.Flags.Var((*option.List)(&cfg.ReadPrefixes), "readprefixes", "comma-separated name prefixes of SDK operations that only read")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	cfg  *Config
	rep  *report.Reporter
	insp *inspector.Inspector

	headers  map[string]bool // canonical idempotency header names
	httpDeps map[*types.Package]bool
	sums     map[*types.Func]*summary // the package's functions, before export
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		cfg:      cfg,
		insp:     pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		headers:  make(map[string]bool),
		httpDeps: make(map[*types.Package]bool),
	}
	for _, h := range cfg.Headers {
		c.headers[textproto.CanonicalMIMEHeaderKey(h)] = true
	}
	c.rep = report.New(pass, cfg.Policy)
	if c.importsHTTP(pass.Pkg) {
		c.httpRequests()
		c.replayingTransports()
	}
	c.sdkWrites()
	c.publishes()
	return nil, nil
}

// importsHTTP reports whether pkg is net/http or depends on it: only such
// packages can build, change or send an *http.Request.
func (c *checker) importsHTTP(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if v, ok := c.httpDeps[pkg]; ok {
		return v
	}
	c.httpDeps[pkg] = false // cycles (none in Go) and the walk in progress
	found := pkg.Path() == "net/http"
	for _, imp := range pkg.Imports() {
		if found {
			break
		}
		found = c.importsHTTP(imp)
	}
	c.httpDeps[pkg] = found
	return found
}

// isKeyHeader reports whether name is one of the idempotency headers,
// in any letter case.
func (c *checker) isKeyHeader(name string) bool {
	return c.headers[textproto.CanonicalMIMEHeaderKey(name)]
}

// headerName is the header the messages recommend.
func (c *checker) headerName() string {
	if len(c.cfg.Headers) == 0 {
		return "Idempotency-Key"
	}
	return c.cfg.Headers[0]
}
