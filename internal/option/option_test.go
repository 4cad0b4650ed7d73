package option_test

import (
	"slices"
	"testing"

	"github.com/distlint/distlint/internal/option"
)

func TestList(t *testing.T) {
	for in, want := range map[string][]string{
		"a,b":                          {"a", "b"},
		"a b":                          {"a", "b"},
		"[a b]":                        {"a", "b"},
		" Idempotency-Key , X-Key ":    {"Idempotency-Key", "X-Key"},
		"github.com/x/y,example.com/z": {"github.com/x/y", "example.com/z"},
		"":                             nil,
	} {
		var l option.List
		if err := l.Set(in); err != nil || !slices.Equal(l, want) {
			t.Errorf("Set(%q) = %q, %v; want %q", in, l, err, want)
		}
	}
	l := option.List{"a", "b"}
	if got := l.String(); got != "a,b" {
		t.Errorf("String() = %q, want a,b", got)
	}
}
