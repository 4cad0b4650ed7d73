package idempotency

import (
	_ "embed"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/local"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/option"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
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
	DefaultReadPrefixes = []string{"Get", "List", "Describe", "Search", "Retrieve", "Read", "Fetch", "Head", "Query", "Iter", "Watch", "Generate"}
	// DefaultOperations is empty: a name alone is no evidence by default
	// (see Operations).
	DefaultOperations []string
)

// MoneyOperations are words that name operations which move money or
// create something that must exist once: a list to start
// -idempotency.operations from, for a team whose write APIs take an
// idempotency key. It was the default until round 10 of the precision
// work (issue #14): on code nobody had tuned the rules on, an unkeyed
// write named with one of them and with no replay in view was never a
// true finding (payment SDKs whose requests carry the merchant's own
// order, refund or transfer number, which the provider deduplicates on;
// set-to-value writes; reads sent as POST).
var MoneyOperations = []string{"charge", "payment", "pay", "payout", "transfer", "refund", "invoice", "order", "checkout", "subscription", "booking"}

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
	// Operations are the words that name an operation which moves money
	// or creates something that must exist once (-idempotency.operations):
	// an unkeyed HTTP write whose URL path or sending function is named
	// with one of them is reported without a retry in view. Nil means
	// DefaultOperations, none: only a replay in view is evidence.
	Operations []string
	// Libraries are the retry and backoff libraries whose functions call
	// a function again when it fails (the suite shares
	// -retrystorm.backoffpkgs); nil means retry.DefaultLibraries.
	Libraries *retry.Libraries
	// Strict reports every unkeyed POST and PATCH, with or without
	// evidence of a replay or a once-only operation
	// (-idempotency.strict).
	Strict bool
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
	if cfg.Libraries == nil {
		cfg.Libraries = new(retry.Libraries)
	}
	if cfg.Operations == nil {
		cfg.Operations = DefaultOperations
	}
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer, retry.Analyzer, netreach.Analyzer, flow.Analyzer},
		FactTypes: factTypes,
	}
	a.Flags.Var((*option.List)(&cfg.Headers), "headers", "comma-separated idempotency header names (case-insensitive)")
	a.Flags.Var((*option.List)(&cfg.Fields), "fields", "comma-separated names of request-struct fields that carry an idempotency key")
	a.Flags.Var((*option.List)(&cfg.ReadPrefixes), "readprefixes", "comma-separated name prefixes of SDK operations that only read, or issue the caller a fresh artifact (Generate)")
	a.Flags.Var((*option.List)(&cfg.Operations), "operations", "comma-separated words (matched on whole name words) that name a once-only operation: an unkeyed write named with one is reported without a retry in view")
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "report every unkeyed POST and PATCH, not only those with evidence of a replay or a once-only operation")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	cfg  *Config
	rep  *report.Reporter
	insp *inspector.Inspector

	headers map[string]bool                  // canonical idempotency header names
	net     *netreach.Result                 // which packages and calls reach the network
	helpers *retry.Helpers                   // retry helpers: functions that call a func parameter again
	loops   *retry.Finder                    // retry loops
	values  *flow.Engine                     // struct values across functions: helpers that send them
	decls   map[*types.Func]inspector.Cursor // the package's function declarations
	flows   map[*types.Func]*funcFlow        // their requests, followed
	sums    map[*types.Func]*summary         // their summaries, before export; nil while in progress
	local   *local.Addrs                     // whether an address names this machine
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	c := &checker{
		pass:    pass,
		info:    pass.TypesInfo,
		cfg:     cfg,
		insp:    pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		headers: make(map[string]bool),
		net:     pass.ResultOf[netreach.Analyzer].(*netreach.Result),
		helpers: pass.ResultOf[retry.Analyzer].(*retry.Helpers),
		loops:   retry.NewFinder(pass.TypesInfo, pass.Pkg, pass.Files, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), cfg.Libraries),
		values:  pass.ResultOf[flow.Analyzer].(*flow.Engine),
	}
	c.local = local.New(c.info, c.values.Writes())
	for _, h := range cfg.Headers {
		c.headers[textproto.CanonicalMIMEHeaderKey(h)] = true
	}
	c.rep = report.New(pass, cfg.Policy)
	for _, rule := range rules {
		rule(c)
	}
	return nil, nil
}

// rules are the analyzer's rules, one file each, run in order: each
// follows its own values, exports its facts (listed in factTypes) and
// reports. A new rule adds itself here and its facts there.
var rules = []func(*checker){
	(*checker).encoders,   // encoders.go: functions that return the encoding of a parameter
	(*checker).httpWrites, // httpflow: walk.go, classes.go, summaries.go, report.go
	(*checker).sdkWrites,  // sdk.go, sdkflow.go
	(*checker).publishes,  // publish.go: JetStream, sarama, franz-go
	(*checker).transports, // transport.go: RoundTrippers that replay
}

// factTypes are the facts the rules export.
var factTypes = []analysis.Fact{
	new(EncodesParam),                                                     // encoders
	new(SetsKey), new(SendsRequest), new(ReturnsRequest), new(SendsWrite), // httpWrites
}

// httpWrites follows the package's *http.Requests, if it can make any.
func (c *checker) httpWrites() {
	if c.importsHTTP(c.pass.Pkg) {
		c.httpRequests()
	}
}

// importsHTTP reports whether pkg is net/http or depends on it: only such
// packages can build, change or send an *http.Request.
func (c *checker) importsHTTP(pkg *types.Package) bool {
	return c.net.DependsOn(pkg, httpPkg)
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

// operationWord returns the once-only operation (-idempotency.operations)
// that one of the words of name (an identifier or a URL path) names, a
// plural included (charges, orders), or "".
func (c *checker) operationWord(name string) string {
	for _, w := range names.Words(name) {
		for _, op := range c.cfg.Operations {
			op = strings.ToLower(op)
			if w == op || w == op+"s" || w == op+"es" {
				return op
			}
		}
	}
	return ""
}
