package main

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeyFile(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/a/b@v1.2.3/c/d.go:10:4":      "github.com/a/b/c/d.go",
		"github.com/a/b/v2@v2.0.0/d.go:1:1":      "github.com/a/b/v2/d.go",
		"k8s.io/client-go@v0.37.2/rest/x.go:9:9": "k8s.io/client-go/rest/x.go",
	} {
		if got := keyFile(in); got != want {
			t.Errorf("keyFile(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMsgHashIgnoresNumbers(t *testing.T) {
	a := msgHash("retry loop at x.go:12 sleeps 5s")
	if b := msgHash("retry loop at x.go:40 sleeps 5s"); a != b {
		t.Errorf("hashes differ for messages that differ only in numbers")
	}
	if c := msgHash("retry loop at y.go:12 sleeps 5s"); a == c {
		t.Errorf("hashes equal for different messages")
	}
}

func TestEnclosingFunc(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.go")
	src := "package p\n\ntype T[K any] struct{}\n\nfunc (t *T[K]) M() {\n\tgo func() {\n\t\t_ = 1\n\t}()\n}\n\nfunc F() {}\n\nvar v = 1\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cache, fset := make(map[string]*ast.File), token.NewFileSet()
	for posn, want := range map[string]string{
		file + ":7:3":  "T.M",
		file + ":11:1": "F",
		file + ":13:5": "-",
		"nowhere.go:1": "-",
	} {
		if got := enclosingFunc(posn, cache, fset); got != want {
			t.Errorf("enclosingFunc(%s) = %q, want %q", posn, got, want)
		}
	}
}

func TestPrecisionTable(t *testing.T) {
	fs := []finding{
		{analyzer: "a", posn: "m@v1/x.go:1:1", function: "F", message: "one"},
		{analyzer: "a", posn: "m@v1/x.go:2:1", function: "G", message: "two"},
		{analyzer: "a", posn: "m@v1/x.go:3:1", function: "H", message: "three"},
		{analyzer: "b", posn: "m@v1/y.go:1:1", function: "F", message: "four"},
	}
	path := filepath.Join(t.TempDir(), "verdicts", "v.tsv")
	if n, err := appendTODO(path, fs[:1], nil); err != nil || n != 1 {
		t.Fatalf("appendTODO on a new file in a new directory = %d, %v; want 1 line", n, err)
	}
	var lines []string
	for _, f := range fs[:3] {
		lines = append(lines, f.key())
	}
	data := verdictsHeader +
		lines[0] + "\tfix\tno delay between attempts\n" +
		lines[1] + "\tfalse\tfailover over a list, not a retry\n" +
		lines[2] + "\tsuppress\tone-shot admin command\n" +
		"a\tm/z.go\tK\t000000000000\tfix\tgone\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	vs, err := readVerdicts(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, stale := precisionTable(fs, vs)
	got := formatTable(rows)
	for _, want := range []string{
		"| a | 3 | 1 | 1 | 1 | 0 | 0.67 |",
		"| b | 1 | 0 | 0 | 0 | 1 | - |",
		"| total | 4 | 1 | 1 | 1 | 1 | 0.67 |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if len(stale) != 1 || !strings.Contains(stale[0].key, "m/z.go") {
		t.Errorf("stale verdicts = %v, want the one for m/z.go", stale)
	}

	n, err := appendTODO(path, fs, vs)
	if err != nil || n != 1 {
		t.Fatalf("appendTODO = %d, %v; want 1 line (analyzer b)", n, err)
	}
	vs, err = readVerdicts(path)
	if err != nil {
		t.Fatal(err)
	}
	if last := vs[len(vs)-1]; last.value != verdictTODO || !strings.HasPrefix(last.key, "b\t") {
		t.Errorf("appended line %q, want a TODO for analyzer b", last.line)
	}
	if err := os.WriteFile(path, []byte("a\tf\tF\th\tmaybe\tr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readVerdicts(path); err == nil {
		t.Errorf("readVerdicts accepted the verdict maybe")
	}
}
