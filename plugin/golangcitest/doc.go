// Package golangcitest tests the plugin inside a real golangci-lint: it
// builds golangci-lint v2.15.0 with the plugin from the module proxy,
// which takes minutes on an empty build cache, so it is a test binary of
// its own with its own share of go test's timeout.
package golangcitest
