package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
)

// TestDemo runs the README's first command, distlint ./examples/..., from
// the repository's root: every analyzer reports the one mistake written
// for it (in a function or declaration whose comment starts "MISTAKE
// (<analyzer>)"), and none of the fixed versions beside them.
func TestDemo(t *testing.T) {
	t.Parallel()
	root := clitest.Root()
	stdout, stderr, code := run(t, root, distlintBin(t), "./examples/...")
	if code != 1 || stderr != "" {
		t.Errorf("distlint ./examples/...: exit %d, stderr %q; want 1 (findings) and nothing on stderr", code, stderr)
	}
	finding := regexp.MustCompile(`^(examples/\S+\.go):(\d+):\d+: .* \((\w+)\)$`)
	marker := regexp.MustCompile(`^// (MISTAKE \((\w+)\)|FIXED)`)
	count := make(map[string]int)
	for line := range strings.SplitSeq(strings.TrimSpace(stdout), "\n") {
		m := finding.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("unexpected output line %q", line)
			continue
		}
		file, analyzer := m[1], m[3]
		n, _ := strconv.Atoi(m[2])
		count[analyzer]++
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		// The nearest marker comment above the finding.
		lines := strings.Split(string(data), "\n")
		var mark []string
		for i := min(n, len(lines)) - 1; i >= 0 && mark == nil; i-- {
			mark = marker.FindStringSubmatch(lines[i])
		}
		if mark == nil || mark[2] != analyzer {
			t.Errorf("%s: the finding is not in a MISTAKE (%s) example (nearest marker: %q)", line, analyzer, mark)
		}
	}
	for _, a := range analyzers.All() {
		if a.Name == "boundary" && count[a.Name] == 0 {
			continue // off by default: it reports only with -boundaries.require
		}
		if count[a.Name] != 1 {
			t.Errorf("the demo gives %d findings of %s, want 1: each analyzer has one mistake in examples/", count[a.Name], a.Name)
		}
	}
}

// TestReadmeFirstSteps: the README leads with what works from a clone
// (TestDemo runs its demo command), and the golangci-lint example keeps
// every finding on a line.
func TestReadmeFirstSteps(t *testing.T) {
	t.Parallel()
	root := clitest.Root()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	install := "git clone https://github.com/distlint/distlint && cd distlint && go install ./cmd/distlint"
	demo := "go run ./cmd/distlint ./examples/..."
	i, j := strings.Index(string(readme), install), strings.Index(string(readme), demo)
	if i < 0 || j < i {
		t.Errorf("README.md does not give %q, then %q", install, demo)
	}
	example, err := os.ReadFile(filepath.Join(root, ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^issues:\n(\s+#.*\n)*\s+uniq-by-line: false$`).Match(example) {
		t.Errorf(".golangci.example.yml does not set issues.uniq-by-line: false")
	}
}
