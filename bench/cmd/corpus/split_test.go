package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestSplit checks that bench/split.txt is what the rule deals from the
// corpora's modules.txt files: round 16, every module of the former
// held-out corpora and of the extra tune corpora tune, every module of
// bench/services27 held out, and no module in two corpora.
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
		n[m.corpus+" "+m.half]++
		n[m.half]++
		if byCorpus[m.corpus] == nil {
			byCorpus[m.corpus] = map[string]bool{}
		}
		byCorpus[m.corpus][m.half] = true
	}
	formerRounds := map[string]string{ // the held-out corpora of rounds 2 to 15, now tune
		"bench/corpus":     "tune",
		"bench/services":   "tune",
		"bench/services2":  "tune",
		"bench/services3":  "tune",
		"bench/services4":  "tune",
		"bench/services5":  "tune",
		"bench/services8":  "tune",
		"bench/services9":  "tune",
		"bench/services10": "tune",
		"bench/services11": "tune",
		"bench/services14": "tune",
		"bench/services17": "tune",
		"bench/services19": "tune",
		"bench/services21": "tune",
		"bench/services23": "tune",
		"bench/services25": "tune",
	}
	wantHalf := map[string]string{"bench/services27": "heldout"}
	for c, h := range formerRounds {
		wantHalf[c] = h
	}
	for _, c := range tuneCorpora {
		if _, ok := wantHalf[c]; !ok {
			wantHalf[c] = "tune" // an extra tune corpus
		}
	}
	for c, want := range wantHalf {
		if len(byCorpus[c]) != 1 || !byCorpus[c][want] {
			t.Errorf("%s: halves %v, want all %s", c, byCorpus[c], want)
		}
	}
	if len(byCorpus) != len(wantHalf) {
		t.Errorf("split names %d corpora, want %d (%v)", len(byCorpus), len(wantHalf), wantHalf)
	}
	// Rounds 2 to 7 had 24, 10, 12, 10, 12 and 2 modules, round 8 had 28
	// (nine code bases, 20 of them collector-contrib modules) and round 9
	// had 17 (sixteen code bases), round 10 had 25 (21 code bases) and
	// round 11 had 29 (27 code bases), round 12 had 27 (26 code bases)
	// round 13 had 47 (44 code bases), round 14 had 68 (46 code bases)
	// and round 15 had 21 (19 code bases), all tune now; round 16's
	// held-out corpus has 45 modules of 43 code bases.
	former := 0
	for c := range formerRounds {
		former += n[c+" tune"]
	}
	if former != 332 || n["heldout"] < 5 || n["heldout"] > 70 {
		t.Errorf("halves: %d tune modules from rounds 2 to 15, %d held out; want 332 and 5 to 70", former, n["heldout"])
	}
}

// TestHeldoutModulesAreNew checks that no held-out module is, contains or
// is nested in a module of another corpus: the held-out half must be code
// that no rule was written from.
func TestHeldoutModulesAreNew(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	ms, err := dealSplit(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range heldoutOverlaps(ms) {
		t.Error(e)
	}
}

// heldoutOverlaps returns a line for every held-out module that is, is
// nested in, or contains a module of a tune corpus.
func heldoutOverlaps(ms []member) []string {
	tune := map[string]string{}
	for _, m := range ms {
		if m.half == "tune" {
			tune[m.module] = m.corpus
		}
	}
	var errs []string
	for _, m := range ms {
		if m.half != "heldout" {
			continue
		}
		for tm, c := range tune {
			if tm == m.module || strings.HasPrefix(tm, m.module+"/") || strings.HasPrefix(m.module, tm+"/") {
				errs = append(errs, fmt.Sprintf("held-out module %s (%s) overlaps %s of %s, a tune corpus", m.module, m.corpus, tm, c))
			}
		}
	}
	return errs
}

// TestSplitRejectsReusedModules checks that the split fails when a held-out
// module is also in another corpus, or nested in or around a module of a
// tune corpus: a corpus tree written to a temporary directory, with the
// first held-out module copied into the first tune corpus.
func TestSplitRejectsReusedModules(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	ms, err := dealSplit(root)
	if err != nil {
		t.Fatal(err)
	}
	var held string
	for _, m := range ms {
		if m.half == "heldout" {
			held = m.module
			break
		}
	}
	if held == "" {
		t.Fatal("no held-out module")
	}
	for name, extra := range map[string]string{
		"same module":   held,
		"nested module": held + "/sub",
		"parent module": path.Dir(held),
	} {
		tmp := t.TempDir()
		for _, c := range corpora {
			var lines []string
			for _, m := range ms {
				if m.corpus == c {
					lines = append(lines, m.module+" v1.0.0")
				}
			}
			if c == tuneCorpora[0] {
				lines = append(lines, extra+" v1.0.0")
			}
			if err := os.MkdirAll(filepath.Join(tmp, c), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(tmp, c, "modules.txt"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := dealSplit(tmp)
		if err == nil && len(heldoutOverlaps(got)) == 0 {
			t.Errorf("%s: %s in %s as well as the held-out corpus: the split accepted it", name, extra, tuneCorpora[0])
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
