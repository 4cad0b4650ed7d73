// Package unixsocket serves HTTP on Unix-domain sockets, which no remote
// client can reach, and on look-alike listeners that stay reported.
package unixsocket

import (
	"context"
	"net"
	"net/http"
	"os"
)

type Stats struct {
	ln   net.Listener
	mux  *http.ServeMux
	path string
}

// Serve keeps the socket in a field, as smokescreen's stats server does.
func (s *Stats) Serve() error {
	ln, err := net.Listen("unix", s.path)
	if err != nil {
		return err
	}
	os.Chmod(s.path, 0o700)
	s.ln = ln
	return http.Serve(s.ln, s.mux) // no finding: a Unix-domain socket
}

func serveLocal(path string, h http.Handler) error {
	ln, err := net.Listen("unixpacket", path)
	if err != nil {
		return err
	}
	l := ln
	return http.Serve(l, h) // no finding: through locals
}

func serveUnix(path string, h http.Handler) error {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // no finding
}

func serveConfig(ctx context.Context, path string, h http.Handler) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "unix", path)
	if err != nil {
		return err
	}
	return http.ServeTLS(ln, h, "cert.pem", "key.pem") // no finding
}

type sock struct {
	ln net.Listener
}

func newSock(path string) (*sock, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	return &sock{ln: ln}, nil
}

func (s *sock) run(h http.Handler) error {
	return http.Serve(s.ln, h) // no finding: the field only holds Unix sockets
}

// Look-alikes that stay reported.

func serveTCP(addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve serves with no timeouts`
}

func serveNetwork(network, addr string, h http.Handler) error {
	ln, err := net.Listen(network, addr) // the network is not a visible constant
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve serves with no timeouts`
}

func serveParam(ln net.Listener, h http.Handler) error {
	return http.Serve(ln, h) // want `http.Serve serves with no timeouts`
}

type mixed struct {
	ln net.Listener
}

func (m *mixed) listen(path, addr string, tcp bool) (err error) {
	if tcp {
		m.ln, err = net.Listen("tcp", addr)
	} else {
		m.ln, err = net.Listen("unix", path)
	}
	return err
}

func (m *mixed) run(h http.Handler) error {
	return http.Serve(m.ln, h) // want `http.Serve serves with no timeouts`
}

type Exported struct {
	Ln net.Listener
}

func (e *Exported) Init(path string) {
	e.Ln, _ = net.Listen("unix", path)
}

func (e *Exported) Run(h http.Handler) error {
	return http.Serve(e.Ln, h) // want `http.Serve serves with no timeouts`
}

func listenAndServe(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe serves with no timeouts`
}
