package dial

import (
	"context"
	"net"
	"time"
)

func zero(addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(context.Background(), "tcp", addr) // want `\(\*net.Dialer\).DialContext with context.Background\(\), which has no deadline, on a Dialer without Timeout: an unreachable host holds this dial until the operating system gives up; derive the context with context.WithTimeout`
}

func literal(addr string) {
	d := &net.Dialer{KeepAlive: time.Minute}
	d.DialContext(context.TODO(), "tcp", addr) // want `DialContext with context.TODO\(\)`
}

// Negatives.

func withTimeout(addr string) {
	d := &net.Dialer{Timeout: 5 * time.Second}
	d.DialContext(context.Background(), "tcp", addr)
}

func withDeadline(addr string) {
	d := net.Dialer{Deadline: time.Now().Add(time.Second)}
	d.DialContext(context.Background(), "tcp", addr)
}

func setLater(addr string) {
	var d net.Dialer
	d.Timeout = time.Second
	d.DialContext(context.Background(), "tcp", addr)
}

func given(d *net.Dialer, addr string) {
	d.DialContext(context.Background(), "tcp", addr)
}
