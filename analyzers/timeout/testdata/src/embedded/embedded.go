// An http.Server embedded by value in a wrapper type: its zero value has
// no read timeout unless the package sets one through the wrapper.
package embedded

import (
	"net/http"
	"time"
)

// Positives: served, and no builder sets a read timeout.

type Server struct {
	http.Server
	name string
}

func New(addr string) *Server {
	s := &Server{name: "api"} // want `Server embeds an http.Server that has neither ReadHeaderTimeout nor ReadTimeout, and nothing in the package sets one`
	s.Addr = addr
	return s
}

func (s *Server) WithHandler(h http.Handler) *Server {
	s.Handler = h
	return s
}

func (s *Server) Start() error { return s.ListenAndServe() }

type admin struct{ http.Server }

func serveAdmin() error {
	var a admin // want `admin embeds an http.Server`
	a.Addr = ":9090"
	return a.Server.ListenAndServe()
}

// Negatives.

// A builder method sets a read timeout.
type Gateway struct{ http.Server }

func NewGateway(addr string) *Gateway { return &Gateway{} }

func (g *Gateway) WithReadTimeout(d time.Duration) *Gateway {
	g.ReadHeaderTimeout = d
	return g
}

func (g *Gateway) Run() error { return g.ListenAndServe() }

// Set through the embedded field's name.
type metrics struct{ http.Server }

func newMetrics() *metrics {
	m := new(metrics)
	m.Server.ReadTimeout = 10 * time.Second
	return m
}

func (m *metrics) run() error { return m.ListenAndServe() }

// The embedded server is given as a literal, checked as one.
type proxy struct{ http.Server }

func newProxy() *proxy {
	return &proxy{Server: http.Server{ReadHeaderTimeout: time.Second}}
}

func (p *proxy) run() error { return p.ListenAndServe() }

// Never served in the package: only a holder of settings.
type config struct{ http.Server }

func defaults() config { return config{} }

// A pointer embedded: its http.Server literal is checked where it is made.
type tls struct{ *http.Server }

func newTLS() *tls { return &tls{} }

func (t *tls) run() error { return t.ListenAndServe() }
