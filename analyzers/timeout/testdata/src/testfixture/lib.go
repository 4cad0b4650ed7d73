package testfixture

import (
	"net"
	"net/http"
)

type server struct{ lis net.Listener }

func (s *server) addr() string { return s.lis.Addr().String() }

// Production code dialing a computed address is still reported: the
// address may name any host.
func Connect(s *server) (net.Conn, error) {
	return net.Dial("tcp", s.addr()) // want `net.Dial has no timeout`
}

// Production code serving on a listener it opened is still reported.
func Serve(h http.Handler) error {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	go srv.Serve(l)
	return http.Serve(l, h) // want `http.Serve serves with no timeouts`
}
