package timeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/timeout"
	"github.com/distlint/distlint/internal/report"
)

func TestClients(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{}), "client", "defaultclient")
}

func TestServers(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeout.New(timeout.Config{}), "server")
}

func TestDials(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{}), "dial")
}

func TestSuppression(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{}), "suppress")
}

func TestFilePolicy(t *testing.T) {
	for _, tc := range []struct {
		pkg    string
		policy *report.Policy
	}{
		{"skiptests", nil},
		{"withtests", &report.Policy{Tests: true}},
		{"skipgenerated", nil},
		{"withgenerated", &report.Policy{Generated: true}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			analysistest.Run(t, analysistest.TestData(), timeout.New(timeout.Config{Policy: tc.policy}), tc.pkg)
		})
	}
}
