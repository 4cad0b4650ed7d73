package testfixture

import (
	"crypto/tls"
	"net"
	"net/http"
	"testing"
)

// Tests dial the servers they started: through a helper's address, a
// listener kept in a field, a loopback constant and port, or a dialer's
// address parameter. None of them is an unreachable host.
func TestDialFixture(t *testing.T) {
	s := &server{}
	net.Dial("tcp", s.addr())
	net.Dial("tcp", s.lis.Addr().String())
	net.Dial("tcp", "localhost:"+port(t))
	net.Dial("tcp", "127.0.0.1:8080")
	net.Dial("tcp", "[::1]:8080")
	var d net.Dialer
	d.Dial("tcp", s.addr())
	tls.Dial("tcp", s.addr(), nil)
	dial := func(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
	dial(s.addr())
}

func clientHandle(t *testing.T, lisAddr string) {
	net.Dial("tcp", lisAddr)
}

func port(t *testing.T) string { return "8080" }

// A test that dials a remote host by name can wait on it until the
// operating system gives up: still reported.
func TestDialRemote(t *testing.T) {
	net.Dial("tcp", "db.example.com:5432")      // want `net.Dial has no timeout`
	net.Dial("tcp", "db.example.com:"+port(t))  // want `net.Dial has no timeout`
	tls.Dial("tcp", "api.example.com:443", nil) // want `tls.Dial has no timeout`
	var d net.Dialer
	d.Dial("tcp", "10.0.0.7:9000") // want `net.Dialer has neither Timeout nor Deadline`
}

// A test's server on the listener it opened serves only the test's
// client.
func TestServeFixture(t *testing.T) {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(l)
	go func() {
		http.Serve(l, http.NotFoundHandler())
	}()
}

// A test that listens on a fixed address with no listener of its own is
// reported as elsewhere.
func TestListenAndServe(t *testing.T) {
	http.ListenAndServe(":8080", nil)                                   // want `http.ListenAndServe serves with no timeouts`
	srv := &http.Server{Addr: ":8081", Handler: http.NotFoundHandler()} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	srv.ListenAndServe()
}
