package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/config"
)

// The configuration file, .distlint.yaml (see internal/config), is read
// in the process that analyzes a package: distlint under go vet, started
// by the go command for each package, whether a user ran go vet
// -vettool or the distlint command did. It finds the file from the
// package's directory and places the file's settings as flags before the
// command line's, which therefore override them. The distlint command
// also reads the file, from the working directory, to report a bad file
// before anything runs and to know which analyzers run.

// commandConfig reads the configuration file for the working directory,
// if there is one, and applies its analyzer selection where the command
// line made no choice for an analyzer. A bad file is an error.
func commandConfig(cwd string, suite []*analysis.Analyzer, sel *selection) (*config.File, error) {
	path, ok := config.Find(cwd)
	if !ok {
		return nil, nil
	}
	cfg, err := config.Load(relPath(cwd, path), suite)
	if err != nil {
		return nil, err
	}
	for name, on := range cfg.Selection() {
		if ts := sel.states[name]; ts != nil && *ts == unset {
			if on {
				*ts = setTrue
			} else {
				*ts = setFalse
			}
		}
	}
	return cfg, nil
}

// selectAll names the analyzers to run to go vet even when they are all
// of them: the configuration file, read again under go vet, must not
// narrow a selection the command line widened.
func selectAll(flags []string, cfg *config.File, suite, active []*analysis.Analyzer) []string {
	if cfg == nil || len(cfg.Selection()) == 0 || len(active) < len(suite) {
		return flags
	}
	for _, a := range active {
		flags = append(flags, "-"+a.Name+"=true")
	}
	return flags
}

// vetConfigArgs returns the arguments of distlint under go vet with the
// configuration file's settings for the package in the vet config (the
// last argument) placed first, and makes the suite drop the findings its
// exclude entries name. Without a file, args are returned as they are.
func vetConfigArgs(args []string, suite []*analysis.Analyzer) ([]string, error) {
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return nil, err
	}
	var vcfg struct {
		Dir           string
		GoFiles       []string
		ImportPath    string
		ModuleVersion string
		Standard      map[string]bool
	}
	if err := json.Unmarshal(data, &vcfg); err != nil {
		return nil, fmt.Errorf("reading %s: %v", args[len(args)-1], err)
	}
	// The standard library and dependencies at a version (analyzed for
	// their facts) are not the user's code: a file they ship is not read.
	if vcfg.ModuleVersion != "" || vcfg.Standard[vcfg.ImportPath] {
		return args, nil
	}
	dir := vcfg.Dir
	if dir == "" && len(vcfg.GoFiles) > 0 {
		dir = filepath.Dir(vcfg.GoFiles[0])
	}
	if dir == "" {
		return args, nil
	}
	path, ok := config.Find(dir)
	if !ok {
		return args, nil
	}
	cfg, err := config.Load(path, suite)
	if err != nil {
		return nil, err
	}
	if len(cfg.Exclude) > 0 {
		for _, a := range suite {
			excludeFindings(a, cfg)
		}
	}
	return append(cfg.Args(), args...), nil
}

// excludeFindings makes a drop the diagnostics that cfg excludes.
func excludeFindings(a *analysis.Analyzer, cfg *config.File) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if !cfg.Excluded(a.Name, pass.Fset.Position(d.Pos).Filename) {
				report(d)
			}
		}
		return run(pass)
	}
}

// printToolID answers the go command's -V=full: the tool's version line,
// whose build ID the go command puts into the key under which it caches
// each package's vet results. The ID covers the executable, as
// unitchecker's does, and the configuration file for the working
// directory, so that editing the file invalidates the cached results.
func printToolID(stdout io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if cwd, err := os.Getwd(); err == nil {
		if path, ok := config.Find(cwd); ok {
			data, _ := os.ReadFile(path)
			fmt.Fprintf(h, "\x00%s\x00%s", path, data)
		}
	}
	// The format of cmd/internal/objabi's -V=full for a development
	// build, which the go command parses.
	_, err = fmt.Fprintf(stdout, "%s version devel distlint buildID=%x\n", exe, h.Sum(nil))
	return err
}

// fullVersionFlag reports whether args ask for -V=full.
func fullVersionFlag(args []string) bool {
	for _, a := range args {
		if strings.TrimLeft(a, "-") == "V=full" {
			return true
		}
	}
	return false
}
