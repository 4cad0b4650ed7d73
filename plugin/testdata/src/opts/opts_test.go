package opts

import "testing"

// golangci-lint decides whether test files are linted (run.tests): the
// plugin reports in them when it is given them.
func TestBuffers(t *testing.T) {
	_ = make(chan int, 700) // want `channel buffer of 700`
}
