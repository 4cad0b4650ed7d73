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
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

func main() {
	args := os.Args[1:]
	if vetMode(args) {
		tuneGC()
		checkVetFlags(args, os.Stderr)
		// The go command's vet/fix protocol: one package per process,
		// described by a .cfg file; facts travel through files.
		// The go command always asks for -json and prints the text itself,
		// without analyzer names: put the name into the message.
		policy := &report.Policy{NameInMessage: true}
		suite := analyzers.New(policy)
		// .distlint.yaml (config.go): -V=full covers it, and its settings
		// become flags before the command line's.
		if fullVersionFlag(args) {
			if err := printToolID(os.Stdout); err != nil {
				fmt.Fprintf(os.Stderr, "distlint: %v\n", err)
				os.Exit(exitFailure)
			}
			os.Exit(exitClean)
		}
		if strings.HasSuffix(args[len(args)-1], ".cfg") {
			withConfig, err := vetConfigArgs(args, suite)
			if err != nil {
				failVetRun(args, os.Stderr, err)
			}
			args = withConfig
			os.Args = append(os.Args[:1], args...)
		}
		registerVetFlags(policy, suite)
		// A dependency analyzed for its facts: the go command keeps them
		// and discards the findings, which the analyzers then skip;
		// except one whose findings the distlint command may keep
		// (modules.go), analyzed in full below. Not with -fix or -diff:
		// the go command gives dependencies no fix archive, and
		// unitchecker would then rewrite their files.
		if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") {
			policy.FactsOnly = factsOnlyConfig(cfg) && (boolFlag(args, "fix") || boolFlag(args, "diff") || !analyzeInFull(args, cfg))
		}
		if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") && !boolFlag(args, "fix") && !boolFlag(args, "diff") && (analyzeInFull(args, cfg) || countedFactsOnly(args, cfg)) {
			// In full; or, for the distlint command, a dependency outside
			// its modules vetted with no findings (policy.FactsOnly stays
			// set), so that unitchecker prints its empty JSON result and
			// the command's progress counts it as analyzed.
			full, err := fullConfig(cfg)
			if err != nil {
				fmt.Fprintf(os.Stderr, "distlint: %v\n", err)
				os.Exit(1)
			}
			os.Args[len(os.Args)-1] = full
		}
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

// boolFlag reports whether args set the boolean flag -name to true.
func boolFlag(args []string, name string) bool {
	set := false
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if a == name {
			set = true
		} else if v, ok := strings.CutPrefix(a, name+"="); ok {
			set, _ = strconv.ParseBool(v)
		}
	}
	return set
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

// reportDepsFlag asks distlint, under go vet, to report findings in the
// dependencies it analyzes for facts too. The distlint command sets it
// and keeps the findings of the packages it was asked for (see goVet)
// when it cannot list their modules for -report-modules (modules.go).
const reportDepsFlag = "report-deps"

// factsOnlyConfig reports whether the vet config at path asks for facts
// only (VetxOnly). An unreadable config is left to unitchecker to report.
func factsOnlyConfig(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// fullConfig returns the path of a copy of the go command's vet config
// at path that asks for diagnostics: VetxOnly (analyze for facts only)
// cleared. Other fields are kept as they are.
func fullConfig(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var cfg map[string]json.RawMessage
	if err := json.Unmarshal(data, &cfg); err != nil {
		return "", fmt.Errorf("reading %s: %v", path, err)
	}
	if string(cfg["VetxOnly"]) != "true" {
		return path, nil
	}
	cfg["VetxOnly"] = json.RawMessage("false")
	if data, err = json.Marshal(cfg); err != nil {
		return "", err
	}
	full := strings.TrimSuffix(path, ".cfg") + "-full.cfg"
	if err := os.WriteFile(full, data, 0o666); err != nil {
		return "", err
	}
	return full, nil
}
