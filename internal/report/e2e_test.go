package report_test

import (
	"testing"

	"github.com/distlint/distlint/internal/report"
)

// An end-to-end test harness package is test code; a module named e2e,
// its other packages, and paths that only contain the letters are not
// (tune3: go-redis's maintnotifications/e2e, a retry loop and a server
// that run only in its e2e tests).
func TestIsTestPackageE2E(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/redis/go-redis/v9/maintnotifications/e2e": true,
		"example.com/svc/e2e":      true,
		"example.com/e2e":          false,
		"example.com/e2e/findings": false,
		"example.com/e2ee/crypto":  false,
		"example.com/svc/e2eproxy": false,
	} {
		if got := report.IsTestPackage(path); got != want {
			t.Errorf("IsTestPackage(%q) = %v, want %v", path, got, want)
		}
	}
}
