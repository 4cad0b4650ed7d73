package main

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
)

// Which packages a go vet run of the distlint command analyzes in full.
//
// The go command (go1.26, cmd/go/internal/work.(*Builder).vet) caches a
// package's vet output under a key that hashes the tool's flags but not
// whether the package was vetted or analyzed for its facts only
// (VetxOnly). A package analyzed for facts only as a dependency would
// replay its empty output when it is asked for later. So the command
// passes -report-modules with the modules of the packages it is asked
// for: a dependency in one of them is analyzed in full (another run with
// the same modules may ask for it, and replay this output), any other
// dependency for its facts only. The modules are part of the key, and a
// package asked for always has its module in the list, so a facts-only
// output is only replayed in runs where the package is again a
// dependency. Runs with the same modules (./... then ./pkg/...) share
// the cache.

// reportModulesFlag lists, comma-separated and sorted, the modules whose
// packages distlint analyzes in full under go vet (see above).
const reportModulesFlag = "report-modules"

// stdModule stands, in -report-modules, for the packages the vet config
// gives no module path: the standard library, GOPATH mode, and packages
// whose module has an error.
const stdModule = "std"

// moduleKey is how -report-modules names the module at path ("" when the
// package has none).
func moduleKey(path string) string {
	if path == "" {
		return stdModule
	}
	return path
}

// joinModules is the value of -report-modules for a set of module keys:
// sorted, so that the same set gives the same flag and the same cache
// key.
func joinModules(set map[string]bool) string {
	return strings.Join(slices.Sorted(maps.Keys(set)), ",")
}

// stringFlag returns the value of the flag -name (or --name) in args,
// given as -name=value or -name value, and whether it is set. Parsing
// stops at "--" and at the first argument that is not a flag.
func stringFlag(args []string, name string) (value string, set bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			value, set = v, true
		} else if a == name && i+1 < len(args) {
			i++
			value, set = args[i], true
		}
	}
	return value, set
}

// analyzeInFull reports whether the package of the vet config at cfg
// is analyzed with its findings even when the go command asks for its
// facts only: every package with -report-deps, the packages of the
// listed modules with -report-modules. An unreadable config is left to
// unitchecker to report.
func analyzeInFull(args []string, cfg string) bool {
	if boolFlag(args, reportDepsFlag) {
		return true
	}
	modules, ok := stringFlag(args, reportModulesFlag)
	if !ok {
		return false
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		return false
	}
	var c struct{ ModulePath string }
	if err := json.Unmarshal(data, &c); err != nil {
		return false
	}
	return slices.Contains(strings.Split(modules, ","), moduleKey(c.ModulePath))
}

// countedFactsOnly reports whether the package of the vet config at cfg
// is a dependency the distlint command analyzes for its facts only
// (-report-modules names other modules) with -json: run as vetted, with
// the facts-only policy, it prints an empty result, which the command's
// progress counts; as VetxOnly it would print nothing.
func countedFactsOnly(args []string, cfg string) bool {
	if _, ok := stringFlag(args, reportModulesFlag); !ok || !boolFlag(args, "json") {
		return false
	}
	return factsOnlyConfig(cfg) && !analyzeInFull(args, cfg)
}
