package plugin_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/plugin"
)

func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	p, err := plugin.New(settings)
	if err != nil {
		return nil, err
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) string { return strings.Join(analyzers.Names(as), ",") }

func TestSelection(t *testing.T) {
	all := names(analyzers.All())
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{nil, all},
		{map[string]any{}, all},
		{map[string]any{"enable": []any{"timeout"}}, "timeout"},
		{map[string]any{"enable": []any{"Timeout", "LostContext"}}, "timeout,lostcontext"},
		{map[string]any{"disable": []any{"timeout"}}, strings.Replace(all, "timeout,", "", 1)},
		{map[string]any{"enable": []any{"timeout", "lostcontext"}, "disable": []any{"lostcontext"}}, "timeout"},
	} {
		got, err := build(t, tc.settings)
		if err != nil || names(got) != tc.want {
			t.Errorf("settings %v: analyzers %s, err %v; want %s", tc.settings, names(got), err, tc.want)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"enabled": []any{"timeout"}}, `unknown key "enabled" (want enable, disable, or an analyzer name: `},
		{map[string]any{"enable": []any{"nosuch"}}, `unknown analyzer "nosuch"`},
		{map[string]any{"enable": 3}, "want a list of analyzer names"},
		{map[string]any{"unboundedqueue": map[string]any{"maxbufer": 5}}, `unknown option "maxbufer" (options: maxbuffer, strict)`},
		{map[string]any{"unboundedqueue": map[string]any{"maxbuffer": "lots"}}, "option maxbuffer"},
		{map[string]any{"timeout": map[string]any{"x": 1}}, "timeout has no options"},
		{map[string]any{"unboundedqueue": 5}, "want a map of options"},
	} {
		_, err := build(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "distlint: settings: ") {
			t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

// An option in the settings changes what the analyzer reports, through
// the same flags as the CLI; keys are matched case-insensitively.
func TestOptionsReachAnalyzers(t *testing.T) {
	as, err := build(t, map[string]any{"enable": []any{"unboundedqueue"}, "UnboundedQueue": map[string]any{"MaxBuffer": 500, "Strict": true}})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), as[0], "opts")

	// A second plugin instance is not affected by the first's settings.
	fresh, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := analyzers.Lookup(fresh, "unboundedqueue").Flags.Lookup("maxbuffer").Value.String(); got != "10000" {
		t.Errorf("a new plugin instance has maxbuffer %s, want the default", got)
	}
}
