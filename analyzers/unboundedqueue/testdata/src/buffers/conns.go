package buffers

import (
	"net"
	"time"
)

// Buffers of connections handed from one accept loop to another: the
// queue cannot hold more connections than the process can open.

type accepted struct {
	err  error
	conn net.Conn
}

// A connection of another package, told by its methods.
type wsConn struct{}

func (*wsConn) Read([]byte) (int, error)    { return 0, nil }
func (*wsConn) Write([]byte) (int, error)   { return 0, nil }
func (*wsConn) Close() error                { return nil }
func (*wsConn) SetDeadline(time.Time) error { return nil }
func (*wsConn) RemoteAddr() net.Addr        { return nil }

func connBuffers() {
	_ = make(chan net.Conn, 65536)
	_ = make(chan accepted, 1024*64)
	_ = make(chan *accepted, 1024*64)
	_ = make(chan *wsConn, 100000)
}

// Look-alikes: messages, bytes, and a struct carrying more than a
// connection and its error.

type message struct {
	conn    net.Conn
	payload []byte
}

type noConn struct{ err error }

func notConnBuffers() {
	_ = make(chan message, 65536)  // want `channel buffer of 65536`
	_ = make(chan []byte, 65536)   // want `channel buffer of 65536`
	_ = make(chan noConn, 65536)   // want `channel buffer of 65536`
	_ = make(chan net.Addr, 65536) // want `channel buffer of 65536`
}
