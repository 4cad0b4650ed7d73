// Command distlint runs the distlint analyzers: static checks for the
// mistakes distributed systems punish.
//
// Usage:
//
//	distlint [flags] [packages]           # analyze packages (default ./...)
//	distlint -explain <analyzer>          # print an analyzer's documentation
//	go vet -vettool=$(which distlint) ./... # run under go vet
//	go fix -fixtool=$(which distlint) ./... # apply suggested fixes
//
// Exit status: 0 no findings, 1 findings, 2 usage errors, packages that
// fail to load or type-check, and analyzer failures.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

func main() {
	args := os.Args[1:]
	if vetMode(args) {
		// The go command's vet/fix protocol: one package per process,
		// described by a .cfg file; facts travel through files.
		// The go command always asks for -json and prints the text itself,
		// without analyzer names: put the name into the message.
		policy := &report.Policy{NameInMessage: true}
		suite := analyzers.New(policy)
		registerVetFlags(policy, suite)
		unitchecker.Main(suite...) // does not return
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// vetMode reports whether distlint was started by the go command
// (go vet -vettool, go fix -fixtool): with -flags or -V to describe
// itself, or with a single .cfg file to analyze.
func vetMode(args []string) bool {
	if hasFlag(args, "flags") || hasFlag(args, "V") {
		return true
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// hasFlag reports whether args contain the flag -name or --name, with or
// without a value.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue // a package pattern, not a flag
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}
