package main

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("go.mod", "module m\n")
	file := write("p/set.go", "package p\n\ntype Set[T any] struct{}\n\nfunc (s *Set[T]) Add(v T) {\n\tsend(v)\n}\n\nvar x = f()\n")
	at := func(line int, msg string) finding {
		return finding{analyzer: "a", diag: vetDiagnostic{Message: msg}, posn: token.Position{Filename: file, Line: line, Column: 2}}
	}
	fp := newFingerprinter(dir)
	add := fp.of(at(6, "m"))
	if add.File != "p/set.go" || add.Function != "Set.Add" || add.Analyzer != "a" || len(add.Hash) != 16 {
		t.Errorf("fingerprint %+v, want p/set.go, Set.Add, a, a 16-digit hash", add)
	}
	if top := fp.of(at(9, "m")); top.Function != "" {
		t.Errorf("a finding outside functions has function %q", top.Function)
	}
	// Another message, or the same message elsewhere, differ; positions in
	// the message do not count.
	if fp.of(at(6, "n")) == add || fp.of(at(9, "m")).Hash == add.Hash {
		t.Error("fingerprints of different findings are equal")
	}
	if fp.of(at(6, "written at x.go:12:3, line 4")) != fp.of(at(6, "written at x.go:40:1, line 9")) {
		t.Error("a position in the message changes the fingerprint")
	}
	// Re-indented and shifted: the same fingerprint.
	write("p/set.go", "package p\n\n// Set is a set.\ntype Set[T any] struct{}\n\nfunc (s *Set[T]) Add(v T) {\n\t\tsend(v)   \n}\n")
	if got := newFingerprinter(dir).of(at(7, "m")); got != add {
		t.Errorf("after a shift and re-indentation: %+v, want %+v", got, add)
	}
	prints, ranks := fp.occurrences([]finding{at(6, "m"), at(6, "n"), at(6, "m")})
	if prints[0] != prints[2] || ranks[0] != 0 || ranks[1] != 0 || ranks[2] != 1 ||
		partialFingerprint(prints[0], ranks[0]) == partialFingerprint(prints[2], ranks[2]) {
		t.Errorf("identical findings: ranks %v; want 0, 0, 1 and distinct partial fingerprints", ranks)
	}
}
