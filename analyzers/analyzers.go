// Package analyzers is the distlint suite: it lists every analyzer once,
// for the CLI, the tests and the golangci-lint plugin.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers/boundary"
	"github.com/distlint/distlint/analyzers/ctxdeadline"
	"github.com/distlint/distlint/analyzers/dualwrite"
	"github.com/distlint/distlint/analyzers/idempotency"
	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/analyzers/lostcontext"
	"github.com/distlint/distlint/analyzers/retrystorm"
	"github.com/distlint/distlint/analyzers/timeout"
	"github.com/distlint/distlint/analyzers/unboundedqueue"
	"github.com/distlint/distlint/analyzers/wallclock"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
)

// New returns a fresh instance of every analyzer in the suite. They share
// policy, which the caller may change until the analyzers run. Each call
// returns new analyzers with their own flags, so that two suites (a test
// and the plugin, say) never share configuration.
func New(policy *report.Policy) []*analysis.Analyzer {
	if policy == nil {
		policy = new(report.Policy)
	}
	// One list of retry libraries: -retrystorm.backoffpkgs extends it for
	// every analyzer that recognises retries.
	libs := new(retry.Libraries)
	return []*analysis.Analyzer{
		timeout.New(timeout.Config{Policy: policy}),
		unboundedqueue.New(unboundedqueue.Config{Policy: policy}),
		ctxdeadline.New(ctxdeadline.Config{Policy: policy}),
		lostcontext.New(lostcontext.Config{Policy: policy}),
		wallclock.New(wallclock.Config{Policy: policy}),
		dualwrite.New(dualwrite.Config{Policy: policy}),
		latency.New(latency.Config{Policy: policy}),
		idempotency.New(idempotency.Config{Policy: policy, Libraries: libs}),
		retrystorm.New(retrystorm.Config{Policy: policy, Libraries: libs}),
		boundary.New(boundary.Config{Policy: policy, Libraries: libs}),
	}
}

// All returns every analyzer with the default policy.
func All() []*analysis.Analyzer { return New(nil) }
