package boundary_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/boundary"
	"github.com/distlint/distlint/internal/retry"
)

func TestGate(t *testing.T) {
	t.Parallel()
	a := boundary.New(boundary.Config{Require: boundary.Protections})
	analysistest.Run(t, analysistest.TestData(), a, "gate", "wrapuser", "breakers")
}

// With no option the analyzer reports nothing.
func TestOffByDefault(t *testing.T) {
	t.Parallel()
	res := analysistest.Run(ignore{}, analysistest.TestData(), boundary.New(boundary.Config{}), "breakers")
	for _, r := range res {
		if len(r.Diagnostics) > 0 {
			t.Errorf("default configuration reported %d diagnostics", len(r.Diagnostics))
		}
	}
}

func TestRequireFlag(t *testing.T) {
	a := boundary.New(boundary.Config{})
	if err := a.Flags.Set("require", "timeout, Breaker"); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("require").Value.String(); got != "timeout,breaker" {
		t.Errorf("require = %q", got)
	}
	if err := a.Flags.Set("require", "timeouts"); err == nil || !strings.Contains(err.Error(), `unknown protection "timeouts"`) {
		t.Errorf("unknown protection: err = %v", err)
	}
}

// ignore collects nothing: map entries are not // want expectations.
type ignore struct{}

func (ignore) Errorf(string, ...any) {}

// TestMap checks the entries of -boundary.map: one per call, with the
// statuses the doc defines.
func TestMap(t *testing.T) {
	t.Parallel()
	a := boundary.New(boundary.Config{Map: true})
	res := analysistest.Run(ignore{}, analysistest.TestData(), a, "gate", "wrapuser", "breakers")
	got := make(map[string][]string) // function -> "kind op timeout retry idempotency breaker"
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if d.Category != boundary.MapCategory {
				t.Errorf("category %q, want %q", d.Category, boundary.MapCategory)
				continue
			}
			var e boundary.Entry
			if err := json.Unmarshal([]byte(d.Message), &e); err != nil {
				t.Fatalf("entry %q: %v", d.Message, err)
			}
			fn := e.Function[strings.LastIndex(e.Function, ".")+1:]
			got[fn] = append(got[fn], fmt.Sprintf("%s|%s|%s|%s|%s|%s", e.Kind, e.Operation, e.Timeout.Status, e.Retry.Status, e.Idempotency.Status, e.Breaker.Status))
		}
	}
	want := map[string]string{
		"retriedDefaultPost":    "http|POST https://api.example.com/v1/charges|missing|unsafe|missing|missing",
		"protectedPost":         "http|POST https://api.example.com/v1/charges|set|none|set|set",
		"backoffPost":           "http|POST https://api.example.com/v1/charges|set|backoff|set|set",
		"queryWithParamContext": "sql|(*sql.DB).QueryRowContext|caller|none|n/a|set",
		"queryBackground":       "sql|(*sql.DB).ExecContext|missing|none|missing|missing",
		"queryUnknownContext":   "sql|(*sql.DB).ExecContext|unknown|none|set|set",
		"dialTimeout":           "dial|dial tcp db.internal:5432|set|none|n/a|set",
		"dialNoTimeout":         "dial|dial tcp db.internal:5432|missing|none|n/a|missing",
		"dialerWithTimeout":     "dial|dial tcp db.internal:5432|set|none|n/a|set",
		"clientFromElsewhere":   "http|(*http.Client).Do|unknown|none|unknown|set",
		"hotLoop":               "sql|(*sql.DB).ExecContext|caller|unsafe|n/a|set",
		"itemsLoop":             "sql|(*sql.DB).ExecContext|caller|none|n/a|set",
		"inHystrix":             "dial|dial tcp cache:6379|set|none|n/a|set",
		"failsafeBreaker":       "dial|dial tcp cache:6379|set|none|n/a|set",
		"failsafeRetryOnly":     "dial|dial tcp cache:6379|set|none|n/a|missing",
		"afterHystrixConfigure": "dial|dial tcp cache:6379|set|none|n/a|missing",
		"viaWrapper":            "http|GET https://api.example.com/v1/items|set|none|n/a|set",
		"viaNonWrapper":         "http|GET https://api.example.com/v1/items|set|none|n/a|missing",
	}
	for fn, w := range want {
		if len(got[fn]) != 1 || got[fn][0] != w {
			t.Errorf("%s: entries %q, want [%q]", fn, got[fn], w)
		}
	}
	for fn, g := range got {
		if _, ok := want[fn]; !ok {
			t.Errorf("unexpected entries in %s: %q", fn, g)
		}
	}
}

// The backoff libraries that -retrystorm.backoffpkgs adds (shared through
// Config.Libraries) count for boundary too.
func TestBackoffLibraries(t *testing.T) {
	t.Parallel()
	retries := func(libs *retry.Libraries) int {
		a := boundary.New(boundary.Config{Require: []string{"retry"}, Libraries: libs})
		n := 0
		for _, r := range analysistest.Run(ignore{}, analysistest.TestData(), a, "custombackoff") {
			for _, d := range r.Diagnostics {
				if d.Category == "retry" {
					n++
				}
			}
		}
		return n
	}
	if n := retries(nil); n != 1 {
		t.Errorf("without the library: %d retry findings, want 1", n)
	}
	libs := new(retry.Libraries)
	if err := libs.Set("acme/backoff"); err != nil {
		t.Fatal(err)
	}
	if n := retries(libs); n != 0 {
		t.Errorf("with -retrystorm.backoffpkgs=acme/backoff: %d retry findings, want 0", n)
	}
}
