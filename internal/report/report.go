// Package report applies distlint's suite-wide reporting policy in one
// place: which code is analyzed (test files, test doubles and
// generated files are skipped unless asked), the //distlint:ignore
// suppression directive, the analyzer's URL on every diagnostic, and
// conversion of analyzer panics into errors.
//
// Because every analyzer reports through a Reporter, the policy holds the
// same way under the distlint CLI, go vet -vettool and golangci-lint.
package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"iter"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/names"
)

// Policy is the reporting policy shared by all analyzers of one suite.
// The zero value is the default: test and generated files are skipped.
type Policy struct {
	// Tests reports findings in test code too: _test.go files, test
	// helper packages (see IsTestPackage) and test doubles (see
	// IsTestDouble).
	Tests bool
	// Generated reports findings in generated files (those with a
	// "// Code generated ... DO NOT EDIT." comment) too.
	Generated bool
	// NameInMessage appends " (analyzer)" to each message. Drivers whose
	// text output does not name the analyzer (go vet -vettool) set it.
	NameInMessage bool
	// FactsOnly says the driver keeps only the facts of this run and
	// discards its findings (go vet's analysis of a dependency). Analyzers
	// then stop once their facts are exported.
	FactsOnly bool
}

// OnlyFacts reports whether p (nil: the default) asks for facts only.
func (p *Policy) OnlyFacts() bool { return p != nil && p.FactsOnly }

// A Reporter reports the diagnostics of one analysis pass under a Policy.
type Reporter struct {
	pass   *analysis.Pass
	policy Policy
	files  map[*token.File]*fileState
}

type fileState struct {
	skip    bool
	ignored map[int]bool // lines on which this analyzer's findings are suppressed
	doubles []ast.Node   // the file's test doubles (IsTestDouble), in order
}

// New returns a Reporter for pass. A nil policy means the default.
// It reports malformed suppression directives that name the pass's
// analyzer (a directive must give a reason).
func New(pass *analysis.Pass, policy *Policy) *Reporter {
	r := &Reporter{pass: pass, files: make(map[*token.File]*fileState, len(pass.Files))}
	if policy != nil {
		r.policy = *policy
	}
	testPkg := !r.policy.Tests && IsTestPackage(pass.Pkg.Path())
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		st := &fileState{skip: testPkg || r.skipFile(tf.Name(), f)}
		r.files[tf] = st
		if !st.skip {
			r.scanDirectives(f, st)
			if !r.policy.Tests {
				st.doubles = testDoubles(f)
			}
		}
	}
	return r
}

// Skip reports whether findings in file f are dropped by the policy, so
// that an analyzer can avoid walking it at all.
func (r *Reporter) Skip(f *ast.File) bool {
	st := r.files[r.pass.Fset.File(f.FileStart)]
	return st == nil || st.skip
}

// testPackageElems are import-path elements that name packages which
// exist only for tests (nats-server/test, stripe-go/testing,
// prometheus/util/testutil): their code runs in tests, not in production.
var testPackageElems = map[string]bool{
	"test": true, "tests": true, "testing": true, "testutil": true, "testutils": true,
	"testhelper": true, "testhelpers": true, "testenv": true,
}

// IsTestPackage reports whether the package path has an element that
// names a test helper package, or is an end-to-end test harness: a
// package whose last element is e2e (go-redis's maintnotifications/e2e
// fault injector and proxy server run only in its e2e tests). Only the
// last element counts for e2e: a module named e2e holds other code.
func IsTestPackage(path string) bool {
	for elem := range strings.SplitSeq(path, "/") {
		if testPackageElems[elem] {
			return true
		}
	}
	return strings.HasSuffix(path, "/e2e") && strings.Count(path, "/") > 1
}

// testImports are packages that only test code imports: a file outside
// _test.go that imports one is a test helper (kratos's x/mailhog.go
// starts a dockertest container for its tests).
var testImports = []string{
	"testing", "net/http/httptest",
	"github.com/stretchr/testify", "github.com/ory/dockertest", "github.com/testcontainers/testcontainers-go",
	"github.com/onsi/ginkgo", "github.com/onsi/gomega",
}

// IsTestFile reports whether the file is test code by what it imports.
func IsTestFile(f *ast.File) bool {
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		for _, t := range testImports {
			if path == t || strings.HasPrefix(path, t+"/") {
				return true
			}
		}
	}
	return false
}

func (r *Reporter) skipFile(name string, f *ast.File) bool {
	if !r.policy.Tests && (strings.HasSuffix(name, "_test.go") || IsTestFile(f)) {
		return true
	}
	if !r.policy.Generated && ast.IsGenerated(f) && !isCgoOutput(f) {
		return true
	}
	return false
}

// doubleWords are the words that name a test double when they lead a
// name. Stub is not one: a stub resolver, nginx's stub_status and stub
// zones are real network code.
var doubleWords = map[string]bool{"mock": true, "mocks": true, "fake": true, "fakes": true}

// IsTestDouble reports whether the function declaration is a test
// double's: its name, or its receiver's type name, starts with the word
// mock or fake, after a leading new (NewMockMetaData, mockSend,
// (*fakeStore).Put). Such code stands in for the real thing in tests,
// as a file that imports a test library does (aliyungo's
// NewMockMetaData builds a client whose requests an injected function
// answers). Only the leading word counts: GetFakeIPs, Mockingbird and
// NewStubResolver are real code.
func IsTestDouble(fd *ast.FuncDecl) bool {
	if doubleName(fd.Name.Name) {
		return true
	}
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return false
	}
	t := ast.Unparen(fd.Recv.List[0].Type)
	if star, ok := t.(*ast.StarExpr); ok {
		t = ast.Unparen(star.X)
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, ok := t.(*ast.Ident)
	return ok && doubleName(id.Name)
}

// doubleName reports whether name's leading word, after new, names a
// test double.
func doubleName(name string) bool {
	ws := names.Words(name)
	if len(ws) > 1 && ws[0] == "new" {
		ws = ws[1:]
	}
	return len(ws) > 0 && doubleWords[ws[0]]
}

// testDoubles returns the declarations of f's test doubles.
func testDoubles(f *ast.File) []ast.Node {
	var out []ast.Node
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && IsTestDouble(fd) {
			out = append(out, fd)
		}
	}
	return out
}

// within reports whether pos is inside one of nodes, sorted by position
// and disjoint.
func within(nodes []ast.Node, pos token.Pos) bool {
	_, found := slices.BinarySearchFunc(nodes, pos, func(n ast.Node, pos token.Pos) int {
		switch {
		case n.End() <= pos:
			return -1
		case n.Pos() > pos:
			return 1
		}
		return 0
	})
	return found
}

// isCgoOutput reports whether f is cmd/cgo's rewrite of a user's file:
// go vet and drivers built on go/packages analyze those, and their "Code
// generated by cmd/cgo" header must not hide the user's code.
func isCgoOutput(f *ast.File) bool {
	for _, group := range f.Comments {
		if group.Pos() >= f.Package {
			break
		}
		for _, c := range group.List {
			if strings.Contains(c.Text, "Code generated by cmd/cgo") {
				return true
			}
		}
	}
	return false
}

// Directive is the prefix of the suppression comment:
//
//	//distlint:ignore timeout,idempotency the reason the finding is wrong
//
// It suppresses the named analyzers' findings on its own line and on the
// line below it.
const Directive = "//distlint:ignore"

func (r *Reporter) scanDirectives(f *ast.File, st *fileState) {
	name := r.pass.Analyzer.Name
	for _, group := range f.Comments {
		for _, c := range group.List {
			names, reason, ok := ParseDirective(c.Text)
			if !ok || !names[name] {
				continue
			}
			if reason == "" {
				r.pass.Report(r.finish(analysis.Diagnostic{
					Pos:      c.Pos(),
					End:      c.End(),
					Category: "directive",
					Message:  fmt.Sprintf("%s directive for %s has no reason: it suppresses nothing until it says why the finding does not apply", Directive, name),
				}))
				continue
			}
			if st.ignored == nil {
				st.ignored = make(map[int]bool)
			}
			line := r.pass.Fset.Position(c.Pos()).Line
			st.ignored[line] = true
			st.ignored[line+1] = true
		}
	}
}

// ParseDirective parses a //distlint:ignore comment. It returns the set of
// analyzer names it lists and its reason; ok is false if text is not such
// a directive.
func ParseDirective(text string) (names map[string]bool, reason string, ok bool) {
	rest, found := cutDirective(text, Directive)
	if !found {
		return nil, "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return map[string]bool{}, "", true
	}
	names = make(map[string]bool)
	for n := range strings.SplitSeq(fields[0], ",") {
		if n = strings.TrimSpace(n); n != "" {
			names[n] = true
		}
	}
	return names, strings.Join(fields[1:], " "), true
}

// Report reports d unless the policy or a directive drops it. It fills in
// the analyzer's URL.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.policy.FactsOnly {
		return // nobody keeps this run's findings
	}
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil {
		return
	}
	st := r.files[tf]
	if st == nil || st.skip {
		return // not one of the package's parsed files, or dropped by policy
	}
	// Lines as the user sees them (after //line directives, as in cgo
	// output), the same way the directives' lines were computed.
	if st.ignored[r.pass.Fset.Position(d.Pos).Line] || within(st.doubles, d.Pos) {
		return
	}
	r.pass.Report(r.finish(d))
}

// Reportf reports a diagnostic with the given category spanning rng.
func (r *Reporter) Reportf(rng analysis.Range, category, format string, args ...any) {
	r.Report(analysis.Diagnostic{
		Pos:      rng.Pos(),
		End:      rng.End(),
		Category: category,
		Message:  fmt.Sprintf(format, args...),
	})
}

func (r *Reporter) finish(d analysis.Diagnostic) analysis.Diagnostic {
	if d.URL == "" {
		d.URL = r.pass.Analyzer.URL
	}
	if r.policy.NameInMessage {
		d.Message += " (" + r.pass.Analyzer.Name + ")"
	}
	return d
}

// Protect wraps an analyzer's run function so that a panic becomes an
// error naming the analyzer and the panicking frame, instead of crashing
// the driver and with it every other analyzer's results. It also skips
// packages that have no syntax to analyze.
func Protect(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		if pass.TypesInfo == nil {
			// A package without syntax (a driver that gives fact-using
			// analyzers dependencies from export data): nothing to
			// inspect.
			return nil, nil
		}
		defer func() {
			if p := recover(); p != nil {
				result = nil
				err = fmt.Errorf("internal error in analyzer %s on package %s: panic: %v%s (please report this at https://github.com/distlint/distlint/issues)",
					pass.Analyzer.Name, pass.Pkg.Path(), p, panicFrame())
			}
		}()
		return run(pass)
	}
}

// panicFrame returns " at file:line" for the function that panicked.
func panicFrame() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") && fr.File != "" {
			return fmt.Sprintf(" at %s:%d", fr.File, fr.Line)
		}
		if !more {
			return ""
		}
	}
}

// Span returns the range [pos, end), for reporting part of a node.
func Span(pos, end token.Pos) analysis.Range { return span{pos, end} }

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// Marked returns the reason given by a directive comment (such as
// "//distlint:detached") on the line of pos or the line above, in file.
// ok is false when there is no such directive or it gives no reason.
func Marked(fset *token.FileSet, file *ast.File, pos token.Pos, directive string) (reason string, ok bool) {
	line := fset.Position(pos).Line
	for _, group := range file.Comments {
		for _, c := range group.List {
			rest, found := cutDirective(c.Text, directive)
			if !found {
				continue
			}
			if l := fset.Position(c.Pos()).Line; l == line || l == line-1 {
				reason = strings.TrimSpace(rest)
				return reason, reason != ""
			}
		}
	}
	return "", false
}

// cutDirective returns what follows directive in the comment text, if the
// comment is that directive (and not, say, //distlint:ignored).
func cutDirective(text, directive string) (rest string, ok bool) {
	rest, ok = strings.CutPrefix(text, directive)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	return rest, true
}

// Preorder yields, in order, the nodes of the given types in the files
// the policy does not skip: the walk over a package that every analyzer
// starts with.
func (r *Reporter) Preorder(insp *inspector.Inspector, types ...ast.Node) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for file := range insp.Root().Children() {
			if r.Skip(file.Node().(*ast.File)) {
				continue
			}
			for cur := range file.Preorder(types...) {
				if !yield(cur) {
					return
				}
			}
		}
	}
}

// IsTestCode reports whether f is test code: a _test.go file, or a file
// that imports a test library (IsTestFile). Analyzers that judge test
// code differently under -tests (its peers are fixtures the test started,
// and go test -timeout bounds its waits) ask this.
func IsTestCode(fset *token.FileSet, f *ast.File) bool {
	if tf := fset.File(f.FileStart); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
		return true
	}
	return IsTestFile(f)
}
