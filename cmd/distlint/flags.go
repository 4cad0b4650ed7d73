package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

// policyFlags binds the suite-wide reporting policy to fs.
func policyFlags(fs *flag.FlagSet, policy *report.Policy) {
	fs.BoolVar(&policy.Tests, "tests", false, "also analyze _test.go files")
	fs.BoolVar(&policy.Generated, "generated", false, "also report findings in generated files")
}

// listFlag is a comma-separated list of analyzer names, checked against
// the suite so that a typo is a usage error and not a silent no-op.
type listFlag struct {
	names []string
	valid []string
	set   func(name string) error // called for each name, if non-nil
}

func (l *listFlag) String() string { return strings.Join(l.names, ",") }

func (l *listFlag) Set(s string) error {
	for name := range strings.SplitSeq(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if !slices.Contains(l.valid, name) {
			return fmt.Errorf("unknown analyzer %q (analyzers: %s)", name, strings.Join(l.valid, ", "))
		}
		if l.set != nil {
			if err := l.set(name); err != nil {
				return err
			}
		}
		l.names = append(l.names, name)
	}
	return nil
}

// registerVetFlags adds distlint's own flags to the global flag set that
// unitchecker parses, so that go vet accepts and forwards them
// (go vet asks the tool for its flags with -flags). -enable and -disable
// become the per-analyzer -NAME flags that unitchecker defines.
func registerVetFlags(policy *report.Policy, suite []*analysis.Analyzer) {
	policyFlags(flag.CommandLine, policy)
	valid := analyzers.Names(suite)
	flag.Var(&listFlag{valid: valid, set: func(n string) error { return flag.Set(n, "true") }},
		"enable", "comma-separated analyzers to run (all others are off)")
	flag.Var(&listFlag{valid: valid, set: func(n string) error { return flag.Set(n, "false") }},
		"disable", "comma-separated analyzers not to run")
	flag.Bool(reportDepsFlag, false, "also report findings in the dependencies analyzed for facts (the distlint command sets it and keeps the packages it was asked for)")
	flag.String(reportModulesFlag, "", "comma-separated modules (std: the standard library) whose dependencies are analyzed in full, findings included (the distlint command sets it to the modules of the packages it was asked for)")
}

// toolFlags names the flags distlint defines under go vet: the
// analyzers, their options, the policy flags, -enable, -disable and
// -report-deps and -report-modules.
func toolFlags(suite []*analysis.Analyzer) []string {
	names := []string{"tests", "generated", "enable", "disable", reportDepsFlag, reportModulesFlag}
	for _, a := range suite {
		names = append(names, a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, a.Name+"."+f.Name) })
	}
	return names
}

// triState is a boolean flag that remembers whether it was set, like the
// per-analyzer flags of go vet: -timeout selects, -timeout=false deselects.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false, not %q", s)
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}

// selection decides which analyzers run, from -NAME, -enable and -disable.
type selection struct {
	states map[string]*triState
}

func newSelection(fs *flag.FlagSet, suite []*analysis.Analyzer) *selection {
	sel := &selection{states: make(map[string]*triState)}
	valid := analyzers.Names(suite)
	for _, a := range suite {
		ts := new(triState)
		sel.states[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s analyzer (-%s=false disables it)", a.Name, a.Name))
		// Options: -NAME.option, bound to the analyzer's own flags.
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Var(&listFlag{valid: valid, set: func(n string) error { *sel.states[n] = setTrue; return nil }},
		"enable", "comma-separated analyzers to run (all others are off)")
	fs.Var(&listFlag{valid: valid, set: func(n string) error { *sel.states[n] = setFalse; return nil }},
		"disable", "comma-separated analyzers not to run")
	return sel
}

// active returns the analyzers to run: if any is selected, only those,
// less the deselected ones; otherwise all but the deselected ones.
func (sel *selection) active(suite []*analysis.Analyzer) []*analysis.Analyzer {
	var enable, disable []string
	for name, ts := range sel.states {
		switch *ts {
		case setTrue:
			enable = append(enable, name)
		case setFalse:
			disable = append(disable, name)
		}
	}
	out, err := analyzers.Select(suite, enable, disable)
	if err != nil {
		panic(err) // the flags only hold the suite's names
	}
	return out
}
