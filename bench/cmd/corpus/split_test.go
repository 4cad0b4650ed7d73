package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSplit checks that bench/split.txt is what the rule deals from the
// corpora's modules.txt files, and that the halves differ by at most one.
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
	for _, m := range got {
		n[m.half]++
	}
	if d := n["tune"] - n["heldout"]; d < 0 || d > 1 || n["tune"] == 0 {
		t.Errorf("halves: %d tune, %d held out; want equal halves (tune one more when odd)", n["tune"], n["heldout"])
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
