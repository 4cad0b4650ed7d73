package unixsocket

import (
	"context"
	"errors"
	"net"
	"strings"
	"time"
)

// A Unix-domain socket reaches a process on the same host only, and the
// kernel refuses a connect to it while nobody listens: a bounded retry of
// the dial (a client library reconnecting to its local agent) cannot
// bring a fleet back in waves onto one server.

// The statsd client's reconnect: a few attempts within a deadline,
// sleeping a fixed delay only while the agent's socket refuses.
func tryToDial(network, path string, timeout time.Duration) (net.Conn, error) {
	addr, err := net.ResolveUnixAddr(network, path)
	if err != nil {
		return nil, err
	}
	attemptsLeft := 3
	deadline := time.Now().Add(timeout)
	for {
		attemptsLeft--
		conn, err := net.DialTimeout(addr.Network(), addr.String(), time.Until(deadline))
		if err != nil {
			if strings.HasSuffix(err.Error(), "connection refused") && attemptsLeft > 0 {
				time.Sleep(timeout / 4)
				continue
			}
			return nil, err
		}
		return conn, nil
	}
}

func dialAgent(path string) (net.Conn, error) {
	var err error
	for i := 0; i < 3; i++ {
		var conn net.Conn
		if conn, err = net.Dial("unix", path); err == nil {
			return conn, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

const agentNetwork = "unixgram"

func dialAgentContext(ctx context.Context, d *net.Dialer, path string) (net.Conn, error) {
	var err error
	for range 5 {
		var conn net.Conn
		conn, err = d.DialContext(ctx, agentNetwork, path)
		if err == nil {
			return conn, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil, err
}

func dialUnix(path string) (*net.UnixConn, error) {
	raddr := &net.UnixAddr{Name: path, Net: "unixpacket"}
	var err error
	for i := 0; i < 3; i++ {
		var conn *net.UnixConn
		conn, err = net.DialUnix("unixpacket", nil, raddr)
		if err == nil {
			return conn, nil
		}
	}
	return nil, err
}

// A helper of this package whose only network reach is a dial of a Unix
// socket.
type agent struct {
	path string
	conn net.Conn
}

func (a *agent) connect() error {
	conn, err := net.Dial("unix", a.path)
	if err != nil {
		return err
	}
	a.conn = conn
	return nil
}

func (a *agent) reconnect() error {
	var err error
	for i := 0; i < 3; i++ {
		if err = a.connect(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Look-alikes that are still reported: a Unix dial retried forever, a
// bounded retry of a TCP dial, a network the analyzer cannot see (a
// parameter), and a helper that dials a Unix socket and a TCP server.
func dialAgentForever(path string) net.Conn {
	for { // want `retry loop around net.Dial waits a fixed delay with no jitter and has no limit on attempts or time`
		conn, err := net.Dial("unix", path)
		if err == nil {
			return conn
		}
		time.Sleep(time.Second)
	}
}

func dialServer(addr string) (net.Conn, error) {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around net.Dial waits a fixed delay with no jitter: clients that failed together`
		var conn net.Conn
		if conn, err = net.Dial("tcp", addr); err == nil {
			return conn, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

func dialNetwork(network, addr string) (net.Conn, error) {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around net.DialTimeout waits a fixed delay with no jitter: clients`
		var conn net.Conn
		if conn, err = net.DialTimeout(network, addr, time.Second); err == nil {
			return conn, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

var errNoUpstream = errors.New("no upstream")

func (a *agent) connectBoth(upstream string) error {
	if err := a.connect(); err != nil {
		return err
	}
	conn, err := net.Dial("tcp", upstream)
	if err != nil {
		return errors.Join(errNoUpstream, err)
	}
	return conn.Close()
}

func (a *agent) reconnectBoth(upstream string) error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around \(\*agent\).connectBoth .*waits a fixed delay with no jitter: clients`
		if err = a.connectBoth(upstream); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
