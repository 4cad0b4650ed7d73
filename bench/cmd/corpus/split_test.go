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
