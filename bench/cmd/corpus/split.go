package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The corpora whose modules are split into a tune and a held-out half,
// relative to the repository root.
var corpora = []string{"bench/corpus", "bench/services", "bench/services2"}

// splitSeed is the seed of the split rule. Changing it re-deals the
// halves: never do so after findings of either half have been read.
const splitSeed = "distlint issue 14 split 2026-12-06"

const splitFile = "bench/split.txt"

// A member is one corpus module and the half it belongs to.
type member struct {
	half, corpus, module string
}

// readModules returns the module paths of a corpus's modules.txt: the
// first field of every line that is not blank or a comment.
func readModules(corpus string) ([]string, error) {
	f, err := os.Open(filepath.Join(corpus, "modules.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mods []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		mods = append(mods, strings.Fields(line)[0])
	}
	return mods, sc.Err()
}

// dealSplit applies the rule: the modules of all corpora, sorted by the
// hex SHA-256 of the seed, a space and the module path; the first half
// (rounded up) is tune, the rest held out. Nobody chooses a module's half.
func dealSplit(root string) ([]member, error) {
	var all []member
	for _, c := range corpora {
		mods, err := readModules(filepath.Join(root, c))
		if err != nil {
			return nil, err
		}
		for _, m := range mods {
			all = append(all, member{corpus: c, module: m})
		}
	}
	key := func(m member) string {
		sum := sha256.Sum256([]byte(splitSeed + " " + m.module))
		return hex.EncodeToString(sum[:])
	}
	sort.Slice(all, func(i, j int) bool { return key(all[i]) < key(all[j]) })
	for i := range all {
		all[i].half = "heldout"
		if i < (len(all)+1)/2 {
			all[i].half = "tune"
		}
	}
	return all, nil
}

// formatSplit writes the split in the form of bench/split.txt.
func formatSplit(members []member) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# The corpus modules, split into a tune half and a held-out half (issue #14).
# Rule (bench/cmd/corpus, dealSplit): the modules of %s,
# sorted by the hex SHA-256 of %q, a space and the module path;
# the first half, rounded up, is tune and the rest held out. Written with
# go run ./bench/cmd/corpus -split > bench/split.txt before any finding of
# the new corpus (bench/services2) was read; TestSplit checks this file
# against the rule. Rules are fixed from tune findings only; the held-out
# half is run once, when the rules are done (bench/README.md).
# half    corpus  module
`, strings.Join(corpora, ", "), splitSeed)
	for _, half := range []string{"tune", "heldout"} {
		for _, m := range members {
			if m.half == half {
				fmt.Fprintf(&b, "%s\t%s\t%s\n", m.half, m.corpus, m.module)
			}
		}
	}
	return b.String()
}

// readSplit reads bench/split.txt.
func readSplit(root string) ([]member, error) {
	data, err := os.ReadFile(filepath.Join(root, splitFile))
	if err != nil {
		return nil, err
	}
	var ms []member
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 || (f[0] != "tune" && f[0] != "heldout") {
			return nil, fmt.Errorf("%s:%d: want: tune|heldout corpus module", splitFile, i+1)
		}
		ms = append(ms, member{half: f[0], corpus: f[1], module: f[2]})
	}
	return ms, nil
}
