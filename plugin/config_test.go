package plugin_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers"
)

// Under golangci-lint, .distlint.yaml is not read: golangci-lint's
// settings for the plugin are its only configuration (see the README).
// The package's .distlint.yaml disables timeout and excludes every file;
// the plugin still reports.
func TestConfigFileNotRead(t *testing.T) {
	as, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), analyzers.Lookup(as, "timeout"), "configignored")
}
