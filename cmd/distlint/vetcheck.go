package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

// Under go vet, distlint's flags reach it once per package: go vet
// checks their names (from distlint -flags) but not their values. A bad
// value would otherwise be reported by every package's process, each
// time with unitchecker's usage text. checkVetFlags reports it in one
// line, once per go vet run, and exits.

// checkVetFlags checks the values of distlint's own flags in args (the
// arguments of a vet-protocol call). When one is bad, the first process
// of the go vet run prints one line to stderr and exits with status 2,
// which fails the run; the others exit quietly with status 0, since the
// go command adds a line for every package whose tool fails. They write
// no facts, fixes or output, and the go command caches a package's vet
// result only when the tool wrote its facts file, so nothing is cached
// (cmd/go/internal/work.(*Builder).vet, go1.26).
func checkVetFlags(args []string, stderr io.Writer) {
	if err := vetFlagError(args); err != nil {
		failVetRun(args, stderr, err)
	}
}

// failVetRun reports err once per go vet run, as checkVetFlags describes,
// and exits.
func failVetRun(args []string, stderr io.Writer, err error) {
	cfg := args[len(args)-1]
	if strings.HasSuffix(cfg, ".cfg") {
		// The config lies in $WORK/bNNN/: $WORK belongs to this go
		// command run, which removes it when done.
		marker := filepath.Join(filepath.Dir(filepath.Dir(cfg)), "distlint-flag-error")
		f, ferr := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
		if ferr != nil && os.IsExist(ferr) {
			os.Exit(exitClean) // reported by another package's process
		}
		if f != nil {
			f.Close()
		}
	}
	fmt.Fprintf(stderr, "distlint: %v\n", err)
	os.Exit(exitFailure)
}

// vetFlagError returns the first error in the values of distlint's own
// flags in args (the analyzer switches, their options, -enable,
// -disable and the policy flags), checked on a fresh suite. Flags of the
// vet protocol itself (-json, -c, -fix, ...) are left to unitchecker.
func vetFlagError(args []string) error {
	policy := new(report.Policy)
	suite := analyzers.New(policy)
	fs := flag.NewFlagSet("distlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	policyFlags(fs, policy)
	newSelection(fs, suite)
	fs.Bool(reportDepsFlag, false, "")
	fs.String(reportModulesFlag, "", "")
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if !hasValue {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			}
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	return nil
}
