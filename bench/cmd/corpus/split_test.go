package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSplit checks that bench/split.txt is what the rule deals from the
// corpora's modules.txt files: round 4, every module of bench/corpus,
// bench/services, bench/services2 and bench/services3 tune, every module
// of bench/services4 held out, and no module in two corpora.
func TestSplit(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	want, err := dealSplit(root)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, splitFile))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data); got != formatSplit(want) {
		t.Errorf("%s is not what the rule deals; regenerate it with go run ./bench/cmd/corpus -split (only before reading findings)\ngot:\n%s\nwant:\n%s", splitFile, got, formatSplit(want))
	}
	got, err := readSplit(root)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	byCorpus := map[string]map[string]bool{} // corpus -> halves seen
	for _, m := range got {
		n[m.half]++
		if byCorpus[m.corpus] == nil {
			byCorpus[m.corpus] = map[string]bool{}
		}
		byCorpus[m.corpus][m.half] = true
	}
	for c, want := range map[string]string{
		"bench/corpus":    "tune",
		"bench/services":  "tune",
		"bench/services2": "tune",
		"bench/services3": "tune",
		"bench/services4": "heldout",
	} {
		if len(byCorpus[c]) != 1 || !byCorpus[c][want] {
			t.Errorf("%s: halves %v, want all %s", c, byCorpus[c], want)
		}
	}
	// Rounds 2 and 3 had 24 and 10 modules, all tune now; the held-out
	// corpus has 8 to 12.
	if n["tune"] != 34 || n["heldout"] < 8 || n["heldout"] > 12 {
		t.Errorf("halves: %d tune, %d held out; want 34 tune and 8 to 12 held out", n["tune"], n["heldout"])
	}
}

// TestHeldoutModulesAreNew checks that no held-out module is, or is
// nested in, a module of a tune corpus: the held-out half must be code
// that no rule was written from.
func TestHeldoutModulesAreNew(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	ms, err := dealSplit(root)
	if err != nil {
		t.Fatal(err)
	}
	tune := map[string]string{}
	for _, m := range ms {
		if m.half == "tune" {
			tune[m.module] = "tune"
		}
	}
	for _, m := range ms {
		if m.half == "heldout" && halfOf(m.module, tune) != "" {
			t.Errorf("held-out module %s is a tune module or nested in one", m.module)
		}
	}
}

func TestHalfOfNestedModule(t *testing.T) {
	in := map[string]string{"github.com/riverqueue/river": "heldout", "k8s.io/client-go": "tune"}
	for mod, want := range map[string]string{
		"github.com/riverqueue/river":                        "heldout",
		"github.com/riverqueue/river/rivershared":            "heldout",
		"github.com/riverqueue/river/riverdriver/riverpgxv5": "heldout",
		"k8s.io/client-go":                                   "tune",
		"github.com/riverqueue/riverx":                       "",
		"example.com/other":                                  "",
	} {
		if got := halfOf(mod, in); got != want {
			t.Errorf("halfOf(%s) = %q, want %q", mod, got, want)
		}
	}
}
