package idempotency

import (
	"slices"
	"testing"
)

func TestCamelWords(t *testing.T) {
	for name, want := range map[string][]string{
		"getOCSPStatus":           {"Get", "OCSP", "Status"},
		"RetrieveWithCredContext": {"Retrieve", "With", "Cred", "Context"},
		"executeReadRequest":      {"Execute", "Read", "Request"},
		"Store":                   {"Store"},
		"read_all":                {"Read", "All"},
		"HTTPGet":                 {"HTTP", "Get"},
	} {
		if got := camelWords(name); !slices.Equal(got, want) {
			t.Errorf("camelWords(%q) = %q, want %q", name, got, want)
		}
	}
}
