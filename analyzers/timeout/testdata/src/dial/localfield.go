package dial

import "net"

// A child process's stub on a local port, its address kept in an
// unexported field written only with this machine's addresses: the dial
// cannot wait on an unreachable host.
type stub struct {
	addr string
}

func startStub() (*stub, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &stub{}
	s.addr = lis.Addr().String()
	return s, nil
}

func fixedStub() *stub {
	return &stub{addr: "localhost:2345"}
}

func (s *stub) attach() (net.Conn, error) {
	return net.Dial("tcp", s.addr)
}

// Look-alike: the same field, but one write takes the host from a
// parameter, so the peer may be across the network.
type peer struct {
	addr string
}

func newPeer(host string) *peer {
	return &peer{addr: host + ":2345"}
}

func localPeer() *peer {
	return &peer{addr: "localhost:2345"}
}

func (p *peer) attach() (net.Conn, error) {
	return net.Dial("tcp", p.addr) // want `net.Dial has no timeout`
}

// Look-alike: an exported field, which other packages may write.
type Target struct {
	Addr string
}

func (t *Target) attach() (net.Conn, error) {
	t.Addr = "127.0.0.1:1"
	return net.Dial("tcp", t.Addr) // want `net.Dial has no timeout`
}
