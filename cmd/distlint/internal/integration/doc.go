// Package integration holds the distlint command's slow end-to-end
// tests: real libraries from the module proxy, the go tool directive and
// the pre-commit hooks. They build what they run from the module proxy
// and the build cache, so they are a test binary of their own, with its
// own share of go test's timeout, run beside the command's quick tests.
package integration
