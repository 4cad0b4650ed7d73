package analyzers

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Select returns the analyzers of suite to run: if enable names any,
// only those; then all but the ones disable names. Names are matched
// case-insensitively (golangci-lint lower-cases configuration keys); an
// unknown name is an error, so that a typo never silently checks nothing.
func Select(suite []*analysis.Analyzer, enable, disable []string) ([]*analysis.Analyzer, error) {
	known := make(map[string]bool)
	for _, a := range suite {
		known[a.Name] = true
	}
	norm := func(list []string) ([]string, error) {
		var out []string
		for _, n := range list {
			n = strings.ToLower(strings.TrimSpace(n))
			if n == "" {
				continue
			}
			if !known[n] {
				return nil, fmt.Errorf("unknown analyzer %q (analyzers: %s)", n, strings.Join(Names(suite), ", "))
			}
			out = append(out, n)
		}
		return out, nil
	}
	en, err := norm(enable)
	if err != nil {
		return nil, err
	}
	dis, err := norm(disable)
	if err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	for _, a := range suite {
		if (len(en) == 0 || slices.Contains(en, a.Name)) && !slices.Contains(dis, a.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}

// Names returns the names of the analyzers in suite.
func Names(suite []*analysis.Analyzer) []string {
	var names []string
	for _, a := range suite {
		names = append(names, a.Name)
	}
	return names
}

// Lookup returns the analyzer of suite named name, case-insensitively.
func Lookup(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if strings.EqualFold(a.Name, name) {
			return a
		}
	}
	return nil
}
