package idempotency_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/idempotency"
	"github.com/distlint/distlint/internal/testmod"
)

// The default evidence standard: unkeyed HTTP writes with a replay or a
// once-only operation in view, and the SDK struct rule.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), idempotency.New(idempotency.Config{Operations: idempotency.MoneyOperations}),
		"evidence",            // replay and once-only evidence, and the classes without it
		"evidence/caller",     // callers that retry, or name, a helper's write (facts)
		"sdkwrites",           // the SDK and RPC struct rule
		"sdknames",            // tokens the SDK fills, requests that name their resource
		"sdkflow/launcher",    // a helper sending its caller's request in a retry closure
		"sdkflow",             // factory functions and helpers that send the caller's request
		"transports",          // transports and client wrappers that replay
		"drained",             // but not those that never rewind the body
		"identitybody",        // replayed bodies that carry their own stable identifier
		"identitybody/pbjson", // the program's own encoders (facts)
		"setvalue",            // set-to-value writes: bodies built from constants alone
		"localpeer",           // writes to a server on this machine, and their look-alikes
	)
}

// Strict mode reports every unkeyed POST and PATCH, as the analyzer did
// before the evidence standard: the following packages' findings are its
// recall.
func TestStrict(t *testing.T) {
	a := idempotency.New(idempotency.Config{})
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a,
		"httpwrite",    // requests made, keyed or not, and sent
		"retries",      // retrying clients, retry loops, backoff
		"restyuse",     // resty's request builder
		"twolayer/app", // helpers two layers deep in other packages (facts)
		"twolayer/api", // the upper layer's facts
		"twolayer/reqlib",
	)
}

// The header names, key fields and read prefixes are options.
func TestOptions(t *testing.T) {
	a := idempotency.New(idempotency.Config{})
	for name, value := range map[string]string{
		"headers":      "X-Request-Key",
		"fields":       "OperationID",
		"readprefixes": "Preview",
		"operations":   "provision",
	} {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, analysistest.TestData(), a, "optionsset")
	// Another instance keeps the defaults: flags are per instance.
	if got := idempotency.New(idempotency.Config{}).Flags.Lookup("headers").Value.String(); got != "Idempotency-Key,X-Idempotency-Key" {
		t.Errorf("a new instance has headers %q, want the defaults", got)
	}
}

// The struct rule on the real stripe-go v85 and AWS SDK v2 EC2 types.
func TestRealSDKs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS EC2 SDK from source")
	}
	dir := testmod.Download(t, "testdata/realmod")
	analysistest.Run(t, dir, idempotency.New(idempotency.Config{}), "./...")
}

// golangci-lint hands list settings over as fmt prints them.
func TestListFlagForms(t *testing.T) {
	for _, in := range []string{"A-Key,B-Key", "A-Key, B-Key", "[A-Key B-Key]"} {
		a := idempotency.New(idempotency.Config{})
		if err := a.Flags.Set("headers", in); err != nil {
			t.Fatal(err)
		}
		if got := a.Flags.Lookup("headers").Value.String(); got != "A-Key,B-Key" {
			t.Errorf("Set(%q) = %q, want A-Key,B-Key", in, got)
		}
	}
}

// By default no word names a once-only operation: an unkeyed write with a
// payment's name and no replay in view is silent, and the same write
// retried is reported.
func TestDefaultOperations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), idempotency.New(idempotency.Config{}), "defaultops")
	if got := idempotency.New(idempotency.Config{}).Flags.Lookup("operations").Value.String(); got != "" {
		t.Errorf("operations default to %q, want none", got)
	}
}

// Under -idempotency.strict, transports that replay a request without
// rewinding its body are reported too: a write with no body is replayed
// whole.
func TestStrictDrained(t *testing.T) {
	a := idempotency.New(idempotency.Config{})
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	var n int
	for _, r := range analysistest.Run(new(recorder), analysistest.TestData(), a, "drained") {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "sends the request again after a failure") {
				n++
			}
		}
	}
	if n != 2 {
		t.Errorf("strict: %d replay findings in drained, want 2", n)
	}
}

// recorder collects analysistest's complaints instead of failing: the
// strict run's findings have no // want comments.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
