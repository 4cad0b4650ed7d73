package main_test

import (
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
)

// TestVersion: -version prints one line with the module version and the
// Go version (describeBuild, tested inside the package, adds the VCS
// revision when the go command stamped one).
func TestVersion(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), distlintBin(t), "-version")
	if code != 0 || stderr != "" || !regexp.MustCompile(`^distlint \S+.*, built with go\S+\n$`).MatchString(stdout) {
		t.Errorf("-version: exit %d, stdout %q, stderr %q; want one line: distlint <version> ..., built with go<version>", code, stdout, stderr)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	stdout, stderr, code := run(t, dir, distlintBin(t), "help")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "Usage:") || !strings.Contains(stdout, "distlint help <analyzer>") {
		t.Errorf("help: exit %d, stdout %q, stderr %q; want the usage", code, stdout, stderr)
	}
	for _, a := range analyzers.All() {
		if !strings.Contains(stdout, "  "+a.Name+": ") {
			t.Errorf("help does not list %s", a.Name)
		}
	}
	stdout, stderr, code = run(t, dir, distlintBin(t), "help", "timeout")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "timeout: ") || !strings.Contains(stdout, "Mental model") {
		t.Errorf("help timeout: exit %d, stdout %q, stderr %q; want its documentation", code, stdout, stderr)
	}
}

// TestExplainOnce: each section of an analyzer's documentation is
// printed once, its Options section included.
func TestExplainOnce(t *testing.T) {
	t.Parallel()
	for _, a := range analyzers.All() {
		stdout, _, code := run(t, e2eDir(t), distlintBin(t), "-explain", a.Name)
		if code != 0 {
			t.Errorf("-explain %s: exit %d", a.Name, code)
		}
		for _, section := range []string{"Mental model:", "Bad:", "Good:", "Options:", "Documentation:"} {
			if n := strings.Count(stdout, "\n"+section); n != 1 {
				t.Errorf("-explain %s prints %q %d times, want once:\n%s", a.Name, section, n, stdout)
			}
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(stdout, "-"+a.Name+"."+f.Name) {
				t.Errorf("-explain %s does not name its option -%s.%s", a.Name, a.Name, f.Name)
			}
		})
	}
}

// TestFirstRunErrors: the mistakes of a first run get one line each,
// exit 2, naming what is wrong and what to do.
func TestFirstRunErrors(t *testing.T) {
	t.Parallel()
	noModule := t.TempDir()
	writeFiles(t, noModule, map[string]string{"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"http://example.com/\") }\n"})
	for _, tc := range []struct {
		name   string
		dir    string
		args   []string
		stderr string // a regexp the single line must match
	}{
		{"analyzer switch with a value", "", []string{"-timeout", "30s", "./..."}, `^distlint: -timeout selects the timeout analyzer and takes no value, so "30s" would be read as a package: run only timeout with distlint -timeout \./\.\.\., turn it off with -timeout=false`},
		{"analyzer switch with false", "", []string{"-lostcontext", "false", "./clean"}, `^distlint: -lostcontext selects the lostcontext analyzer and takes no value, so "false"`},
		{"missing file", "", []string{"svc/nosuch.go"}, `^distlint: svc/nosuch.go: no such file$`},
		{"missing directory", "", []string{"./nosuch/..."}, `^distlint: \./nosuch/\.\.\.: no such directory$`},
		{"directory without ./", "", []string{"findings"}, `^distlint: findings is read as an import path, and the standard library has no package findings: for the directory, write \./findings$`},
		{"no such package", "", []string{"nosuch"}, `^distlint: no package nosuch: the standard library has none, and there is no directory nosuch`},
		{"help with two names", "", []string{"help", "timeout", "wallclock"}, `^distlint: help takes at most one analyzer name`},
		{"help for an unknown analyzer", "", []string{"help", "nosuch"}, `^distlint: unknown analyzer "nosuch"`},
		{"no go.mod", noModule, []string{"./..."}, `^distlint: no go.mod in .* or any directory above it: distlint analyzes the packages of a Go module; run it inside one \(go mod init <module path> makes one\), or name Go files \(distlint main.go\)$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := tc.dir
			if dir == "" {
				dir = e2eDir(t)
			}
			stdout, stderr, code := run(t, dir, distlintBin(t), tc.args...)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != 2 || stdout != "" || len(lines) != 1 || !regexp.MustCompile(tc.stderr).MatchString(lines[0]) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, one line matching %s", tc.args, code, stdout, stderr, tc.stderr)
			}
		})
	}
	// Outside a module, Go files are analyzed as they are.
	stdout, stderr, code := run(t, noModule, distlintBin(t), "main.go")
	if code != 1 || !strings.HasPrefix(stdout, "main.go:5:15: http.Get uses http.DefaultClient") {
		t.Errorf("a file outside a module: exit %d, stdout %q, stderr %q; want its finding", code, stdout, stderr)
	}
}

// TestVetBadOption: under go vet, a bad option value is reported in one
// line, once for the whole run, not once per package with the usage.
func TestVetBadOption(t *testing.T) {
	t.Parallel()
	_, stderr, code := run(t, e2eDir(t), "go", "vet", "-vettool="+distlintBin(t), "-unboundedqueue.maxbuffer=abc", "./...")
	if code == 0 {
		t.Errorf("go vet with a bad option: exit 0, want a failure")
	}
	var lines []string
	for line := range strings.SplitSeq(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "# ") { // the go command's package header
			lines = append(lines, line)
		}
	}
	want := `distlint: invalid value "abc" for flag -unboundedqueue.maxbuffer: `
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("go vet with a bad option printed:\n%s\nwant one line starting %q", stderr, want)
	}
}
