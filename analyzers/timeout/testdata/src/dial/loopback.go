package dial

import (
	"crypto/tls"
	"fmt"
	"net"
)

// Dials to this machine: a peer here accepts or refuses at once.
func telemetry(port uint16) (net.Conn, error) {
	address := fmt.Sprintf("127.0.0.1:%d", port)
	return net.Dial("tcp", address)
}

func agent(port string) {
	net.Dial("tcp", "localhost:"+port)
	net.Dial("tcp", net.JoinHostPort("::1", port))
	net.Dial("tcp", fmt.Sprintf(":%s", port))
	(&net.Dialer{}).Dial("tcp", "127.0.0.1:8126")
	tls.Dial("tcp", "[::1]:8443", &tls.Config{})
}

// Look-alikes: a host formatted in, a remote constant, a host from
// configuration, an address that is loopback on one path only.
func remote(host string, port int, loopback bool) {
	net.Dial("tcp", fmt.Sprintf("%s:%d", host, port))             // want `net.Dial has no timeout`
	net.Dial("tcp", "db.internal:5432")                           // want `net.Dial has no timeout`
	net.Dial("tcp", net.JoinHostPort(host, "80"))                 // want `net.Dial has no timeout`
	(&net.Dialer{}).Dial("tcp", fmt.Sprintf("10.0.0.1:%d", port)) // want `net.Dialer has neither Timeout nor Deadline`
	addr := "127.0.0.1:9000"
	if !loopback {
		addr = host + ":9000"
	}
	net.Dial("tcp", addr) // want `net.Dial has no timeout`
}
