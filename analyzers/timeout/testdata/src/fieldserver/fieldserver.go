// Package fieldserver keeps http.Servers in unexported struct fields
// that the package's methods may give a read timeout before serving.
package fieldserver

import (
	"net"
	"net/http"
	"time"
)

// Proxy's server is given its timeouts by Serve, from Proxy's fields.
type Proxy struct {
	srv               *http.Server
	ln                net.Listener
	ReadHeaderTimeout time.Duration
}

func NewProxy() *Proxy {
	p := &Proxy{ReadHeaderTimeout: 10 * time.Second}
	p.srv = &http.Server{Handler: http.NotFoundHandler()} // no finding: Serve sets ReadHeaderTimeout on p.srv
	return p
}

func (p *Proxy) Serve() error {
	p.srv.ReadHeaderTimeout = p.ReadHeaderTimeout
	return p.srv.Serve(p.ln)
}

// Reader's server is given ReadTimeout by a function of the package.
type Reader struct {
	srv *http.Server
}

func NewReader() *Reader {
	return &Reader{}
}

func (r *Reader) init() {
	r.srv = new(http.Server) // no finding: configure sets ReadTimeout
}

func configure(r *Reader, d time.Duration) {
	r.srv.ReadTimeout = d
}

// Inline keeps its server from a literal of the struct.
type Inline struct {
	srv *http.Server
}

func NewInline() *Inline {
	in := &Inline{srv: &http.Server{}} // no finding: Start sets ReadHeaderTimeout
	return in
}

func (in *Inline) Start(ln net.Listener) error {
	in.srv.ReadHeaderTimeout = 5 * time.Second
	return in.srv.Serve(ln)
}

// Look-alikes that stay reported.

// Plain's server is never given a read timeout (litefs's other server).
type Plain struct {
	srv *http.Server
	ln  net.Listener
}

func NewPlain() *Plain {
	p := &Plain{}
	p.srv = &http.Server{Handler: http.NotFoundHandler()} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	return p
}

func (p *Plain) Serve() error {
	p.srv.WriteTimeout = time.Minute // not a read timeout
	return p.srv.Serve(p.ln)
}

// Zeroed's server is given only a zero read timeout.
type Zeroed struct {
	srv *http.Server
}

func NewZeroed() *Zeroed {
	z := &Zeroed{}
	z.srv = &http.Server{} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	z.srv.ReadTimeout = 0
	return z
}

// Other's server field has a timeout set, but on another field.
type Other struct {
	srv   *http.Server
	admin *http.Server
}

func NewOther() *Other {
	o := &Other{}
	o.srv = &http.Server{}   // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	o.admin = &http.Server{} // no finding: its ReadHeaderTimeout is set below
	o.admin.ReadHeaderTimeout = time.Second
	return o
}

// Public's server field is exported: another package may serve it as it is.
type Public struct {
	Srv *http.Server
}

func NewPublic() *Public {
	p := &Public{}
	p.Srv = &http.Server{} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	return p
}

func (p *Public) Serve(ln net.Listener) error {
	p.Srv.ReadHeaderTimeout = time.Second
	return p.Srv.Serve(ln)
}
