package dial

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// A dial to an address this process listens on, opened by another
// function: the listener accepts or refuses at once (issue #14).

type endpoint struct{ Addr string }

type config struct {
	HTTP     endpoint
	Admin    endpoint
	Upstream endpoint
	Peers    []endpoint
}

type server struct{}

func (s *server) serveHTTP(cfg *config) error {
	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		return err
	}
	return (&http.Server{ReadHeaderTimeout: time.Second}).Serve(ln)
}

func (s *server) serveAdmin(cfg *config) *http.Server {
	srv := &http.Server{Addr: cfg.Admin.Addr, ReadHeaderTimeout: time.Second}
	go srv.ListenAndServe()
	return srv
}

const metricsAddr = "127.0.0.1:9090"

var debugAddr = "127.0.0.1:6060"

func serveSide() {
	go http.ListenAndServe(metricsAddr, nil) // want `http.ListenAndServe serves with no timeouts`
	srv := &http.Server{ReadHeaderTimeout: time.Second}
	srv.Addr = debugAddr
	go srv.ListenAndServe()
}

// Negatives: each dials an address served above.

func (s *server) waitReady(cfg *config) error {
	conn, err := net.Dial("tcp", cfg.HTTP.Addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func probeAdmin(c config) {
	addr := c.Admin.Addr
	tls.Dial("tcp", addr, nil)
	(&net.Dialer{}).Dial("tcp", c.Admin.Addr)
}

func probeSide() {
	net.Dial("tcp", metricsAddr)
	net.Dial("tcp", debugAddr)
}

// Positives: the look-alikes.

// Another field of the same configuration: nothing here listens on it.
func (s *server) callUpstream(cfg *config) {
	net.Dial("tcp", cfg.Upstream.Addr) // want `net.Dial has no timeout`
}

// An element of a list of peers with the same type as a listen address:
// not the same location.
func dialPeers(cfg *config) {
	for _, p := range cfg.Peers {
		net.Dial("tcp", p.Addr) // want `net.Dial has no timeout`
	}
}

// A parameter's address is any host, even next to a listener.
func relay(target string) {
	go http.ListenAndServe(":8080", nil) // want `http.ListenAndServe serves with no timeouts`
	net.Dial("tcp", target)              // want `net.Dial has no timeout`
}
