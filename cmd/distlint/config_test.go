package main_test

// End-to-end tests of .distlint.yaml, read by the distlint command and
// by distlint under go vet -vettool (issue #19).

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
)

// configured has a timeout finding in svc, unboundedqueue buffers of
// 500 (below the default threshold of 10000, and with no consumer in
// view: reported with strict only) in queue, in a test file and in
// legacy.
var configured = map[string]string{
	"svc/svc.go":           "package svc\n\nimport \"net\"\n\nfunc Dial(addr string) { net.Dial(\"tcp\", addr) }\n",
	"queue/queue.go":       "package queue\n\nvar Jobs = make(chan int, 500)\n",
	"queue/queue_test.go":  "package queue\n\nimport \"testing\"\n\nfunc TestJobs(t *testing.T) { _ = make(chan int, 501) }\n",
	"legacy/old/legacy.go": "package old\n\nvar Old = make(chan int, 502)\n",
}

// both runs distlint and go vet -vettool=distlint in dir on ./... with
// flags and returns what each printed (go vet's stderr) and their exit
// codes.
func both(t *testing.T, dir string, flags ...string) (out [2]string, code [2]int) {
	t.Helper()
	out[0], _, code[0] = run(t, dir, binary, append(flags, "./...")...)
	_, out[1], code[1] = run(t, dir, "go", append(append([]string{"vet", "-vettool=" + binary}, flags...), "./...")...)
	return out, code
}

// TestConfigFile runs few distinct configurations: the go command keys
// its vet cache on the file (through distlint -V=full), so each one
// re-analyzes the standard library for facts.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, configured)
	if stdout, _, _ := run(t, dir, binary, "./..."); !strings.Contains(stdout, "net.Dial") || strings.Contains(stdout, "buffer of 50") {
		t.Fatalf("without a config: %s; want the net.Dial finding only", stdout)
	}
	writeFiles(t, dir, map[string]string{".distlint.yaml": `# adopted in 2026
disable: [timeout]
tests: true
unboundedqueue:
  maxbuffer: 100
  strict: true # no consumer in view here
exclude:
  - path: legacy/**
    analyzers: [unboundedqueue]
    reason: the old scheduler, removed in Q3
`})
	for _, tc := range []struct {
		name  string
		flags []string
		want  []string // in the output of both drivers
		not   []string
	}{
		{"file", nil, []string{"buffer of 500", "buffer of 501"}, []string{"net.Dial", "buffer of 502"}},
		// Every analyzer enabled, timeout included: the command must pass
		// that on, or the file read again under go vet would narrow it.
		{"flags override the file", []string{"-enable=" + strings.Join(analyzers.Names(analyzers.All()), ","), "-unboundedqueue.maxbuffer=1000", "-tests=false"}, []string{"net.Dial"}, []string{"buffer of 50"}},
	} {
		out, _ := both(t, dir, tc.flags...)
		for i, driver := range []string{"distlint", "go vet -vettool"} {
			for _, w := range tc.want {
				if !strings.Contains(out[i], w) {
					t.Errorf("%s: %s: output lacks %q:\n%s", tc.name, driver, w, out[i])
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out[i], n) {
					t.Errorf("%s: %s: output has %q:\n%s", tc.name, driver, n, out[i])
				}
			}
		}
	}

	// The file is found from a working directory below the module root;
	// disabling timeout leaves nothing to report in svc.
	if stdout, stderr, code := run(t, filepath.Join(dir, "svc"), binary, "."); code != 0 || stdout != "" {
		t.Errorf("in svc: exit %d, output %q %q; want 0: the file at the module root obeyed", code, stdout, stderr)
	}
}

func TestBadConfigFile(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"queue/queue.go": configured["queue/queue.go"]})
	for _, tc := range []struct{ yaml, want string }{
		{"enable: [timeout]\ndisabel: [latency]\n", `.distlint.yaml:2: unknown key "disabel" (want enable, disable, tests, generated, exclude, or an analyzer name: `},
		{"disable: [timeout, nosuch]\n", `.distlint.yaml:1: unknown analyzer "nosuch" (analyzers: `},
		{"timeout: {}\nunboundedqueue:\n  maxbufer: 5\n", `.distlint.yaml:3: unboundedqueue: unknown option "maxbufer" (options: maxbuffer, strict)`},
		{"timeout:\n  x: 1\n", `.distlint.yaml:2: timeout: unknown option "x" (timeout has no options)`},
		{"unboundedqueue:\n  maxbuffer: lots\n", `.distlint.yaml:2: unboundedqueue.maxbuffer: bad value "lots": want a whole number`},
		{"tests: sometimes\n", `.distlint.yaml:1: tests: want true or false, not "sometimes"`},
		{"enable: timeout\n", `.distlint.yaml:1: want a list of analyzer names, such as [timeout, latency], not "timeout"`},
		{"exclude:\n  - path: svc/**\n    analyzers: [timeout]\n", `.distlint.yaml:2: exclude: entry for svc/** has no reason: it excludes nothing until it says why`},
		{"exclude:\n  - reason: old\n", `.distlint.yaml:2: exclude: entry has no path`},
		{"exclude:\n  - path: \"[x\"\n    reason: r\n", `.distlint.yaml:2: exclude: bad path pattern "[x"`},
		{"enable: [timeout\n", `.distlint.yaml:1: not valid YAML: `},
		{"tests: true\ntests: false\n", `.distlint.yaml:2: tests is set twice`},
	} {
		writeFiles(t, dir, map[string]string{".distlint.yaml": tc.yaml})
		stdout, stderr, code := run(t, dir, binary, "./...")
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "distlint: "+tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q;\nwant 2 and one line starting %q", tc.yaml, code, stdout, stderr, "distlint: "+tc.want)
		}
	}
	// Under go vet -vettool, too, the file's error is reported and the
	// run fails.
	writeFiles(t, dir, map[string]string{".distlint.yaml": "disable: [nosuch]\n"})
	_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./queue")
	if code == 0 || !strings.Contains(stderr, `.distlint.yaml:1: unknown analyzer "nosuch"`) {
		t.Errorf("go vet -vettool with a bad file: exit %d, stderr %q; want the file's error", code, stderr)
	}
}

func TestExplainTopics(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-explain", "baseline"}, []string{"-baseline-write", "partialFingerprints", "enclosing function", "ci-gate"}},
		{[]string{"help", "config"}, []string{".distlint.yaml", "exclude:", "reason:", "Flags override the file", "golangci-lint does not read the file", "unboundedqueue: maxbuffer (default \"10000\")"}},
	} {
		stdout, stderr, code := run(t, dir, binary, tc.args...)
		for _, w := range tc.want {
			if code != 0 || !strings.Contains(stdout, w) {
				t.Errorf("%v: exit %d, stderr %q, output lacks %q:\n%s", tc.args, code, stderr, w, stdout)
			}
		}
	}
}

// A dependency's .distlint.yaml is not read: it is not the user's
// configuration, and one written for another distlint version must not
// break the run.
func TestDependencyConfigIgnored(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":             "module example.com/app\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
		"app.go":             "package app\n\nimport \"example.com/dep\"\n\nvar Jobs = dep.Queue(make(chan int, 500))\n",
		".distlint.yaml":     "unboundedqueue: {maxbuffer: 100, strict: true}\n",
		"dep/go.mod":         "module example.com/dep\n\ngo 1.26\n",
		"dep/dep.go":         "package dep\n\nfunc Queue(c chan int) chan int { return c }\n",
		"dep/.distlint.yaml": "disable: [analyzer-from-the-future]\n",
	})
	stdout, stderr, code := run(t, dir, binary, "./...")
	if code != 1 || !strings.Contains(stdout, "buffer of 500") || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want the app's finding, under the app's file, and no error from the dependency's", code, stdout, stderr)
	}
}

// The go command caches go vet's results under a key that covers the
// tool's -V=full answer and its flags, not the files the tool reads:
// distlint's answer covers .distlint.yaml, so an edit takes effect.
func TestConfigEditReachesVetCache(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"queue/queue.go": configured["queue/queue.go"]})
	vet := func() (string, int) {
		_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
		return stderr, code
	}
	if out, code := vet(); code != 0 {
		t.Fatalf("no file: exit %d, %s; want 0 (a buffer of 500 is below the default threshold)", code, out)
	}
	writeFiles(t, dir, map[string]string{".distlint.yaml": "unboundedqueue: {maxbuffer: 100, strict: true}\n"})
	if out, code := vet(); code == 0 || !strings.Contains(out, "buffer of 500") {
		t.Errorf("after writing the file: exit %d, %s; want the finding, not the cached result", code, out)
	}
	writeFiles(t, dir, map[string]string{".distlint.yaml": "unboundedqueue: {maxbuffer: 1000, strict: true}\n"})
	if out, code := vet(); code != 0 {
		t.Errorf("after editing the file: exit %d, %s; want 0", code, out)
	}
}
