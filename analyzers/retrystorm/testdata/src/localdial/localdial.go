package localdial

import (
	"fmt"
	"net"
	"time"
)

// A peer on this machine, often a child the program started: one client
// waits for it, not a fleet, so a bounded retry of the dial cannot bring
// waves of clients onto a server that is down.

// A debugger's stub the program spawned on a local port, its readiness
// polled a few times.
func waitStub(port int) (net.Conn, error) {
	var err error
	for i := 0; i < 10; i++ {
		var conn net.Conn
		conn, err = net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			return conn, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

// A worker the program started on a port its own listener picked, the
// address kept in an unexported field.
type child struct {
	addr string
}

func spawn() (*child, error) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, err
	}
	defer lis.Close()
	return &child{addr: lis.Addr().String()}, nil
}

func (c *child) connect() (net.Conn, error) {
	var err error
	for i := 0; i < 5; i++ {
		var conn net.Conn
		if conn, err = c.dial(); err == nil {
			return conn, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

func (c *child) dial() (net.Conn, error) {
	return net.DialTimeout("tcp", c.addr, time.Second)
}

// Look-alikes: the same loops to an address from a parameter or a field
// that a parameter may set.
func waitRemote(host string, port int) (net.Conn, error) {
	var err error
	for i := 0; i < 10; i++ { // want `retry loop around net.Dial waits a fixed delay with no jitter`
		var conn net.Conn
		conn, err = net.Dial("tcp", fmt.Sprintf("%s:%d", host, port))
		if err == nil {
			return conn, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

type server struct {
	addr string
}

func newServer(addr string) *server { return &server{addr: addr} }

func defaultServer() *server { return &server{addr: "127.0.0.1:7000"} }

func (s *server) connect() (net.Conn, error) {
	var err error
	for i := 0; i < 5; i++ { // want `retry loop around net.DialTimeout waits a fixed delay with no jitter`
		var conn net.Conn
		if conn, err = net.DialTimeout("tcp", s.addr, time.Second); err == nil {
			return conn, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// Look-alike: a local dial retried without a limit still reports.
func waitForever(port int) net.Conn {
	for { // want `retry loop around net.Dial waits a fixed delay with no jitter and has no limit`
		conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			return conn
		}
		time.Sleep(time.Second)
	}
}
