// Package report applies distlint's suite-wide reporting policy in one
// place: which files are analyzed (test and generated files are skipped
// unless asked), the //distlint:ignore suppression directive, the
// analyzer's URL on every diagnostic, and conversion of analyzer panics
// into errors.
//
// Because every analyzer reports through a Reporter, the policy holds the
// same way under the distlint CLI, go vet -vettool and golangci-lint.
package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Policy is the reporting policy shared by all analyzers of one suite.
// The zero value is the default: test and generated files are skipped.
type Policy struct {
	// Tests reports findings in test code too: _test.go files and test
	// helper packages (see IsTestPackage).
	Tests bool
	// Generated reports findings in generated files (those with a
	// "// Code generated ... DO NOT EDIT." comment) too.
	Generated bool
	// NameInMessage appends " (analyzer)" to each message. Drivers whose
	// text output does not name the analyzer (go vet -vettool) set it.
	NameInMessage bool
}

// A Reporter reports the diagnostics of one analysis pass under a Policy.
type Reporter struct {
	pass   *analysis.Pass
	policy Policy
	files  map[*token.File]*fileState
}

type fileState struct {
	skip    bool
	ignored map[int]bool // lines on which this analyzer's findings are suppressed
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
// names a test helper package.
func IsTestPackage(path string) bool {
	for elem := range strings.SplitSeq(path, "/") {
		if testPackageElems[elem] {
			return true
		}
	}
	return false
}

func (r *Reporter) skipFile(name string, f *ast.File) bool {
	if !r.policy.Tests && strings.HasSuffix(name, "_test.go") {
		return true
	}
	if !r.policy.Generated && ast.IsGenerated(f) {
		return true
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
	rest, found := strings.CutPrefix(text, Directive)
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
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
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil {
		return
	}
	st := r.files[tf]
	if st == nil || st.skip {
		return // not one of the package's parsed files, or dropped by policy
	}
	if st.ignored[tf.Line(d.Pos)] {
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
// the driver and with it every other analyzer's results.
func Protect(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
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
