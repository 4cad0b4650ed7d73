package plugin_test

import (
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
)

// The boundary gate is set from golangci-lint's settings: a YAML list
// reaches the option printed as "[a b]".
func TestBoundaryRequireSetting(t *testing.T) {
	as, err := build(t, map[string]any{"boundary": map[string]any{"require": []any{"timeout", "Breaker"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := analyzers.Lookup(as, "boundary").Flags.Lookup("require").Value.String(); got != "timeout,breaker" {
		t.Errorf("boundary require = %q, want timeout,breaker", got)
	}
	_, err = build(t, map[string]any{"boundary": map[string]any{"require": "timeouts"}})
	if err == nil || !strings.Contains(err.Error(), `unknown protection "timeouts"`) {
		t.Errorf("an unknown protection: err = %v", err)
	}
}
