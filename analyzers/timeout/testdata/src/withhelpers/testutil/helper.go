// Package testutil exists for tests (like nats-server/test or
// stripe-go/testing): it is test code even without a _test.go suffix.
package testutil

import "net"

func CheckSocket(addr string) bool {
	conn, err := net.Dial("tcp", addr) // want `net.Dial has no timeout`
	if err != nil {
		return false
	}
	conn.Close()
	return true
}
