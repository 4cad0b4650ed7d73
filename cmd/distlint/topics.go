package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Topics that -explain and help print besides the analyzers: adopting
// distlint on an existing codebase.

const baselineTopic = `baseline: adopt distlint on a codebase that already has findings

A baseline records today's findings so that a CI gate fails only on new
ones. Write it once and commit it:

	distlint -baseline-write distlint-baseline.json ./...

Then check against it:

	distlint -baseline distlint-baseline.json ./...

prints and exits 1 on the findings the file does not record (0 when
there are none), in any output format (text, -json, -sarif, -sarif-out),
and says on stderr, in one line, how many recorded findings were hidden
and how many no longer match (fixed, or changed past recognition; a run
on some packages counts only their entries). When that count grows,
refresh the file with -baseline-write.

A finding matches its entry by fingerprint: the analyzer, the file (its
path from the module root), the enclosing function, and a hash of the
message and of the finding's line with its spacing normalised. Line
numbers are not part of it, so lines inserted or removed elsewhere, and
re-indentation, do not break the match; editing the line itself or
renaming the function does. Several identical findings in one function
are counted: a third copy where two were recorded is new.

The file is JSON, sorted by file, function and analyzer, with the
message of each entry for the reader of a diff; the same findings give
the same bytes on every machine.

SARIF output carries the same fingerprint in each result's
partialFingerprints ("distlint/v1"), so that GitHub code scanning follows
an alert across commits when lines move.

In CI: scripts/ci-gate passes -baseline on to distlint; the GitHub
Action takes the file as its baseline input. Under golangci-lint, use
its new-from-rev or new-from-merge-base instead.
`

const configTopic = `config: the .distlint.yaml configuration file

.distlint.yaml at the root of a module configures distlint for it, so
that the distlint command, go vet -vettool=$(which distlint), the
pre-commit hooks and the GitHub Action agree. For each package, the
file is found by walking up from the package's directory to the
directory that holds its go.mod.

	enable: [timeout, latency]     # only these analyzers (default: all)
	disable: [wallclock]           # all but these
	tests: true                    # also analyze _test.go files (-tests)
	generated: false               # also report in generated files (-generated)
	unboundedqueue:                # an analyzer's options, under their flag names
	  maxbuffer: 5000
	idempotency:
	  headers: [Idempotency-Key, X-Request-Id]   # a list option: a list or "a,b"
	exclude:                       # findings dropped, each with a reason
	  - path: internal/legacy/**   # glob from the module root; ** spans directories;
	    analyzers: [timeout]       #   a pattern without / matches file names
	    reason: the v1 client, removed in Q3

Flags override the file: -timeout, -enable and -disable change the
selection analyzer by analyzer, and an option or -tests given as a flag
replaces the file's value.

A mistake in the file (an unknown key, analyzer or option, a bad value,
an exclude entry without a reason) is one error line naming the file and
line, and exit status 2.

The go command caches go vet's results; distlint's -V=full (the tool ID
the go command asks for) covers the file found from the working
directory, so editing it re-runs the analysis. Run go vet from within
the module, or the cache may replay results from before the edit.

golangci-lint does not read the file: there the plugin's settings in
.golangci.yml are distlint's only configuration, with the same keys
(enable, disable, and a map per analyzer); use golangci-lint's own
run.tests and issues.exclude-rules for the rest.
`

// explainTopic prints the topic name, if it is one, and reports whether
// it was.
func explainTopic(w io.Writer, suite []*analysis.Analyzer, name string) bool {
	switch strings.ToLower(name) {
	case "baseline":
		fmt.Fprint(w, baselineTopic)
	case "config", ".distlint.yaml":
		fmt.Fprint(w, configTopic)
		fmt.Fprint(w, "\nAnalyzers and their options:\n\n")
		for _, a := range suite {
			var opts []string
			a.Flags.VisitAll(func(f *flag.Flag) { opts = append(opts, fmt.Sprintf("%s (default %q)", f.Name, f.DefValue)) })
			if len(opts) == 0 {
				fmt.Fprintf(w, "\t%s\n", a.Name)
				continue
			}
			fmt.Fprintf(w, "\t%s: %s\n", a.Name, strings.Join(opts, ", "))
		}
	default:
		return false
	}
	return true
}
