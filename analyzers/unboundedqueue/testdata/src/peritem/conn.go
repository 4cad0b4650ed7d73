package peritem

import (
	"net"
	"time"
)

// An accept loop behind a channel: one goroutine per connection, the
// net/http model, bounded by the listener and the operating system.
func serveConns(conns <-chan net.Conn, shutdown <-chan struct{}) {
	for {
		select {
		case conn := <-conns:
			go handleConn(conn)
		case <-shutdown:
			return
		}
	}
}

func handleConn(c net.Conn) { c.Close() }

// A connection type of its own, told by its methods.
type stream struct{}

func (*stream) Read(p []byte) (int, error)    { return 0, nil }
func (*stream) Write(p []byte) (int, error)   { return len(p), nil }
func (*stream) Close() error                  { return nil }
func (*stream) SetDeadline(t time.Time) error { return nil }
func (*stream) RemoteAddr() net.Addr          { return nil }
func handleStream(s *stream)                  {}
func serveStreams(streams chan *stream) {
	for s := range streams {
		go handleStream(s)
	}
}

// Look-alike: a request that carries its connection is a message, one
// goroutine per request.
type connRequest struct {
	Conn net.Conn
	Body []byte
}

func handleRequest(r connRequest) {}

func serveRequests(reqs <-chan connRequest) {
	for r := range reqs {
		go handleRequest(r) // want `goroutine started per item received from a channel with no limit on concurrency`
	}
}
