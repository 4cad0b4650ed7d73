package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The corpora, relative to the repository root, and the half that each
// one's modules belong to (round 16 of the split, issue #14). Round 2
// dealt the modules of the first three by a seeded hash; its held-out
// half was run once on 2026-12-06 and triaged, and all of round 2's
// modules are tune since. Round 3 held out bench/services3 and round 4
// bench/services4 and round 5 bench/services5, each run once on
// 2026-12-06 and triaged; each joined the tune half in the next round,
// and so did round 6's bench/services8, round 7's bench/services9,
// round 8's bench/services10, round 9's bench/services11, round 10's
// bench/services14, round 11's bench/services17, round 12's
// bench/services19, round 13's bench/services21, round 14's
// bench/services23 and round 15's bench/services25. bench/services27 is
// the fresh held-out half: modules nobody has read, 110 packages from
// forty-three code bases.
var (
	tuneCorpora = []string{
		"bench/corpus", "bench/services", "bench/services2", "bench/services3", "bench/services4", "bench/services5",
		// Extra tune corpora of fresh modules (run and triaged as tune
		// from the start) go here, after the former held-out halves.
		"bench/services6", "bench/services7", "bench/services12", "bench/services13", "bench/services15", "bench/services16", "bench/services18", "bench/services20", "bench/services22", "bench/services24", "bench/services26", "bench/services28",
		// Round 6's held-out half, tune since round 7, round 7's, tune
		// since round 8, round 8's, tune since round 9, round 9's, tune
		// since round 10, round 10's, tune since round 11, and round
		// 11's, tune since round 12, round 12's, tune since round 13,
		// round 13's, tune since round 14, round 14's, tune since round
		// 15, and round 15's, tune since round 16.
		"bench/services8", "bench/services9", "bench/services10", "bench/services11", "bench/services14", "bench/services17", "bench/services19", "bench/services21", "bench/services23", "bench/services25",
	}
	heldoutCorpora = []string{"bench/services27"}
	corpora        = append(append([]string(nil), tuneCorpora...), heldoutCorpora...)
)

// splitRound names the rule in force, for the header of bench/split.txt.
const splitRound = 16

// round2Seed was the seed of round 2's hash deal (kept for the record in
// bench/split.txt's header: the modules of bench/corpus, bench/services
// and bench/services2 sorted by the hex SHA-256 of the seed, a space and
// the module path; the first half, rounded up, tune, the rest held out).
const round2Seed = "distlint issue 14 split 2026-12-06"

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

// corpusHalf returns the half of a corpus's modules under the rule in
// force, or "" for a directory that is no corpus.
func corpusHalf(corpus string) string {
	switch {
	case slices.Contains(tuneCorpora, corpus):
		return "tune"
	case slices.Contains(heldoutCorpora, corpus):
		return "heldout"
	}
	return ""
}

// dealSplit applies the rule: every module of a tune corpus is tune,
// every module of a held-out corpus held out; within each half the
// modules are in corpus order and sorted by path. Nobody chooses a
// module's half: it follows from the corpus it was added to, and a
// module joins the held-out corpus only before anyone reads its code or
// findings.
func dealSplit(root string) ([]member, error) {
	var all []member
	seen := make(map[string]string) // module -> corpus
	for _, c := range corpora {
		mods, err := readModules(filepath.Join(root, c))
		if err != nil {
			return nil, err
		}
		slices.Sort(mods)
		for _, m := range mods {
			if prev, ok := seen[m]; ok {
				return nil, fmt.Errorf("module %s is in both %s and %s", m, prev, c)
			}
			seen[m] = c
			all = append(all, member{half: corpusHalf(c), corpus: c, module: m})
		}
	}
	return all, nil
}

// formatSplit writes the split in the form of bench/split.txt.
func formatSplit(members []member) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# The corpus modules, split into a tune half and a held-out half (issue #14).
# Round %d (bench/cmd/corpus, dealSplit): every module of %s
# is tune; every module of %s is held out. Written with
# go run ./bench/cmd/corpus -split > bench/split.txt when bench/services27 was
# built, before anyone ran distlint on it or read its code; TestSplit checks
# this file against the rule. Rules are fixed from tune findings only; the
# held-out half is run once, by the lead, when the rules are done
# (bench/README.md).
# History. Round 2 dealt the modules of bench/corpus, bench/services and
# bench/services2 by a seeded hash: sorted by the hex SHA-256 of
# %q, a space and the module path, the first half
# (rounded up) tune and the rest held out. Its held-out half (12 modules)
# was run once on 2026-12-06 and triaged (docs/precision.md, "Held-out
# half"); its verdicts moved to bench/verdicts/tune.tsv and its modules
# joined the tune half in round 3. Round 3 held out every module of
# bench/services3 (10 modules, 286 packages): run once on 2026-12-06 and
# triaged, 55 findings, precision 0.64 (docs/precision.md, "Held-out
# half, round 3"; bench/reports/heldout-round3.md); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round 4.
# Round 4 held out every module of bench/services4 (12 modules, 141
# packages): run once on 2026-12-06 and triaged, 33 findings, precision
# 0.70 (docs/precision.md, "Held-out half, round 4";
# bench/reports/heldout-round4.md); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round 5.
# Round 5 held out every module of bench/services5 (10 modules, 103
# packages): run once on 2026-12-06 and triaged, 6 findings, precision
# 0.67 (docs/precision.md, "Held-out half, round 5";
# bench/reports/heldout-round5.md); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round 6,
# with the extra tune corpora bench/services6 and bench/services7 (fresh
# modules run once and triaged before any rule was fixed from them).
# Round 6 held out every module of bench/services8 (12 modules, 57
# packages), modules nobody had run distlint on or read. It was run once
# on 2026-12-06 and triaged: 4 findings, precision 0.50 (docs/precision.md,
# "Held-out half, round 6"; bench/reports/heldout-round6.md); its verdicts
# moved to bench/verdicts/tune.tsv and its modules joined the tune half in
# round 7. Round 7 held out every module of bench/services9, a larger
# fresh corpus (VictoriaMetrics and SpiceDB, 346 packages, so that one
# class cannot swing the number by 0.2), built on 2026-12-06 before
# anyone ran distlint on it: run once and triaged, 13 findings, precision
# 0.62 (docs/precision.md, "Held-out half, round 7";
# bench/reports/heldout-round7.md); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 8. Round 8 held out every module of bench/services10 (304 packages,
# nine code bases, 28 modules), built the same way: run once and
# triaged, 14 findings, precision 0.64 (docs/precision.md, "Held-out
# half, round 8"; bench/reports/heldout-round8.md); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 9. Round 9 held out every module of bench/services11 (296 packages
# from sixteen code bases, none over a quarter of them), built the same
# way: run once and triaged, 26 findings, precision 0.38
# (docs/precision.md, "Held-out half, round 9"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 10. Round 10 held out every module of bench/services14 (241 packages
# from 21 code bases in 25 modules, none over a quarter of them), built
# the same way: run once and triaged, 41 findings, precision 0.29
# (docs/precision.md, "Held-out half, round 10"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 11. Round 11 held out every module of bench/services17 (192 packages
# from 27 code bases in 29 modules, none over a quarter of them), built
# the same way: run once and triaged, 21 findings, precision 0.67
# (docs/precision.md, "Round 11"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 12. Round 12 held out every module of bench/services19 (154 packages
# from 26 code bases in 27 modules, none over a fifth of them), built
# the same way: run once and triaged, 10 findings, precision 0.60
# (docs/precision.md, "Round 12"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 13. Round 13 held out every module of bench/services21 (156 packages
# from 44 code bases in 47 modules, none over a quarter of them), built
# the same way: run once and triaged, 35 findings, precision 0.80
# (docs/precision.md, "Round 13"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 14. Round 14 held out every module of bench/services23 (141 packages
# from 46 code bases in 68 modules, none over a fifth of them), built
# the same way: run once and triaged, 16 findings, precision 0.81
# (docs/precision.md, "Round 14"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 15. Round 15 held out every module of bench/services25 (132 packages
# from 19 code bases in 21 modules, none over a sixth of them), built
# the same way: run once and triaged, 19 findings, precision 0.79
# (docs/precision.md, "Round 15"); its verdicts moved to
# bench/verdicts/tune.tsv and its modules joined the tune half in round
# 16. Round 16 holds out every module of bench/services27 (110 packages
# from 43 code bases in 45 modules, none over a seventh of them), built
# the same way.
# half    corpus  module
`, splitRound, strings.Join(tuneCorpora, ", "), strings.Join(heldoutCorpora, ", "), round2Seed)
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
