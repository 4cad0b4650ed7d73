// Package shop is distlint's demo: a small order service with one
// mistake per analyzer, each beside its fixed version. Run from the
// repository's root:
//
//	go run ./cmd/distlint ./examples/...
//
// Every finding points at a function whose comment starts with
// "MISTAKE"; the function after it, "FIXED", is what distlint asks for
// and is not reported. The package compiles and its fixed functions are
// reasonable code, but it is a demo: nothing runs it.
package shop
