package httpwrite

import "testing"

// Test helpers outside _test.go files (a file that imports testing is
// test code, and so is a function that takes a *testing.T) (corpus: nats-server's
// internal/ocsp SetOCSPStatus(t *testing.T, ...)).
func SetStatus(t *testing.T, u string) { client.Post(u, "text/plain", nil) }
