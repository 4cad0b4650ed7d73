package dial

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func dials(addr string, raddr *net.TCPAddr) {
	net.Dial("tcp", addr)                // want `net.Dial has no timeout: an unreachable host blocks the dial`
	net.Dial("tcp4", addr)               // want `net.Dial has no timeout`
	net.DialTCP("tcp", nil, raddr)       // want `net.DialTCP has no timeout`
	tls.Dial("tcp", addr, &tls.Config{}) // want `tls.Dial has no timeout`
}

func dialers(addr string) {
	(&net.Dialer{}).Dial("tcp", addr)                       // want `net.Dialer has neither Timeout nor Deadline and Dial takes no context`
	(&net.Dialer{KeepAlive: time.Minute}).Dial("tcp", addr) // want `net.Dialer has neither`

	var d net.Dialer
	d.Dial("tcp", addr) // want `net.Dialer has neither`

	d2 := &net.Dialer{Timeout: 0}
	d2.Dial("tcp", addr) // want `net.Dialer has neither`

	d3 := new(net.Dialer)
	d3.Dial("tcp6", addr) // want `net.Dialer has neither`

	tls.DialWithDialer(&net.Dialer{}, "tcp", addr, nil) // want `net.Dialer has neither Timeout nor Deadline: an unreachable host`
}

// Negatives.

func bounded(ctx context.Context, addr string, network string, d *net.Dialer) {
	net.DialTimeout("tcp", addr, time.Second)
	net.Dial("udp", addr)      // connectionless: no peer to wait on
	net.Dial("unix", "/tmp/s") // local socket
	net.Dial(network, addr)    // network out of view
	tls.Dial("udp", addr, nil) // not a stream dial

	(&net.Dialer{Timeout: time.Second}).Dial("tcp", addr)
	(&net.Dialer{Deadline: time.Now().Add(time.Second)}).Dial("tcp", addr)
	(&net.Dialer{}).DialContext(ctx, "tcp", addr) // the caller's context bounds it

	var d1 net.Dialer
	d1.Timeout = 5 * time.Second
	d1.Dial("tcp", addr)

	d.Dial("tcp", addr) // a parameter: its configuration is out of view

	tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", addr, nil)
}

var shared = &net.Dialer{}

func global(addr string) {
	shared.Dial("tcp", addr) // a package-level dialer may be configured elsewhere
}

// A dial to the listener the function just opened cannot wait on an
// unreachable host.
func loopback() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	tls.Dial("tcp", addr, nil)
	(&net.Dialer{}).Dial("tcp", addr)
	return conn.Close()
}

// A listener's address from elsewhere is any host.
func otherListener(ln net.Listener) {
	net.Dial("tcp", ln.Addr().String()) // want `net.Dial has no timeout`
}

// In a handler, net.Dial is lostcontext's finding.
func handler(w http.ResponseWriter, r *http.Request) {
	net.Dial("tcp", "backend:80")
}
