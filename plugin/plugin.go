// Package plugin registers distlint as a golangci-lint v2 module plugin
// named "distlint".
//
// Build a golangci-lint with it (see .custom-gcl.yml) and configure it in
// .golangci.yml (see .golangci.example.yml):
//
//	linters:
//	  enable: [distlint]
//	  settings:
//	    custom:
//	      distlint:
//	        type: module
//	        settings:
//	          disable: [unboundedqueue]
//	          unboundedqueue:
//	            maxbuffer: 5000
//
// The settings are: enable and disable, lists of analyzer names as for the
// CLI's -enable and -disable; and one map per analyzer whose keys are that
// analyzer's options, with the names of its -<analyzer>.<option> flags.
// Unknown keys are errors. Test files and generated files are left to
// golangci-lint's own run.tests and exclusion settings.
package plugin

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

func init() {
	register.Plugin("distlint", New)
}

// Plugin is the distlint golangci-lint plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from golangci-lint's settings for it.
func New(settings any) (register.LinterPlugin, error) {
	// golangci-lint decides which files are linted (run.tests, generated
	// file exclusions): distlint reports everywhere it is asked to look.
	suite := analyzers.New(&report.Policy{Tests: true, Generated: true})
	raw, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("distlint: settings: %w", err)
	}
	var enable, disable []string
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		value := raw[key]
		switch strings.ToLower(key) {
		case "enable", "disable":
			list, err := stringList(value)
			if err != nil {
				return nil, fmt.Errorf("distlint: settings: %s: %w", key, err)
			}
			if strings.EqualFold(key, "enable") {
				enable = list
			} else {
				disable = list
			}
		default:
			a := analyzers.Lookup(suite, key)
			if a == nil {
				return nil, fmt.Errorf("distlint: settings: unknown key %q (want enable, disable, or an analyzer name: %s)", key, strings.Join(analyzers.Names(suite), ", "))
			}
			if err := setOptions(a, value); err != nil {
				return nil, fmt.Errorf("distlint: settings: %s: %w", key, err)
			}
		}
	}
	selected, err := analyzers.Select(suite, enable, disable)
	if err != nil {
		return nil, fmt.Errorf("distlint: settings: %w", err)
	}
	return &Plugin{analyzers: selected}, nil
}

// setOptions sets an analyzer's options through its flags, the same path
// as the CLI's -<analyzer>.<option>.
func setOptions(a *analysis.Analyzer, value any) error {
	opts, ok := value.(map[string]any)
	if !ok {
		return fmt.Errorf("want a map of options, not %T", value)
	}
	var valid []string
	a.Flags.VisitAll(func(f *flag.Flag) { valid = append(valid, f.Name) })
	for name, v := range opts {
		f := lookupFlag(a, name)
		if f == nil {
			if len(valid) == 0 {
				return fmt.Errorf("unknown option %q: %s has no options", name, a.Name)
			}
			return fmt.Errorf("unknown option %q (options: %s)", name, strings.Join(valid, ", "))
		}
		if err := a.Flags.Set(f.Name, fmt.Sprint(v)); err != nil {
			return fmt.Errorf("option %s: %w", f.Name, err)
		}
	}
	return nil
}

func lookupFlag(a *analysis.Analyzer, name string) *flag.Flag {
	var found *flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) {
		if strings.EqualFold(f.Name, name) {
			found = f
		}
	})
	return found
}

func stringList(value any) ([]string, error) {
	switch v := value.(type) {
	case nil:
		return nil, nil
	case string:
		return strings.Split(v, ","), nil
	case []any:
		var out []string
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want analyzer names, not %v", e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of analyzer names, not %T", value)
}

// BuildAnalyzers returns the selected analyzers.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return slices.Clone(p.analyzers), nil
}

// GetLoadMode asks for type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
