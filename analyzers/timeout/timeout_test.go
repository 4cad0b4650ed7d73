package timeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/timeout"
	"github.com/distlint/distlint/internal/report"
)

// Each analysistest run loads net/http and its dependencies, so the
// scenarios share as few runs as their configurations allow.

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{}),
		"client",                      // http.Client literals, new, zero values, aliases, generics
		"clientevidence",              // a client is reported for a context-less request or an escape
		"clientinstance",              // sent through the field of a value it may be kept in
		"cloudsdk",                    // but not when handed to an SDK whose operations carry contexts
		"clienthelper",                // through helpers that configure and return it
		"wrapped",                     // or keep it where every request carries a context
		"wrappeduser",                 // seen across packages by BoundedClients facts
		"hooks", "hookauth", "hookca", // through option closures, fields and parameters of three packages
		"sharedhttp", "shareduser", // package-level clients, judged where other packages send
		"defaultclient",        // http.DefaultClient and http.Get and friends
		"dial",                 // net.Dial, tls.Dial, net.Dialer
		"serverhelper",         // servers handed to a helper that may set their timeouts
		"embedded",             // an http.Server embedded in a wrapper type
		"fieldserver",          // kept in a field the package gives a read timeout
		"unixsocket",           // served on a Unix-domain socket
		"suppress",             // //distlint:ignore
		"skiptests",            // _test.go files are skipped by default
		"testevidence",         // and a test's request is no evidence against a client
		"skipgenerated",        // and so are generated files
		"skiphelpers/testutil", // and test helper packages
	)
}

func TestServerFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeout.New(timeout.Config{}), "server")
}

func TestPolicyIncludesTestsAndGenerated(t *testing.T) {
	policy := &report.Policy{Tests: true, Generated: true}
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{Policy: policy}), "withtests", "withgenerated", "withhelpers/testutil")
}
