// Servers handed to a helper that may set their timeouts are left alone
// (service corpus: kratos's graceful.WithDefaults(&http.Server{...})).
package serverhelper

import (
	"fmt"
	"net/http"
	"time"

	"graceful"
)

func direct(addr string) error {
	srv := graceful.WithDefaults(&http.Server{Addr: addr})
	return srv.ListenAndServe()
}

func throughVariable(addr string) error {
	srv := &http.Server{Addr: addr}
	graceful.WithDefaults(srv)
	return srv.ListenAndServe()
}

// A server copied into a helper and returned: the value engine has no
// summary of what happens to the copy, so it is out of view.
func byValue(addr string) http.Server {
	s := http.Server{Addr: addr}
	return graceful.Configure(s)
}

// A visible helper that sets no read timeout silences nothing (#15).
func localHelper(addr string) error {
	srv := &http.Server{Addr: addr} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	withHandler(srv)
	return srv.ListenAndServe()
}

func withHandler(s *http.Server) { s.Handler = http.NotFoundHandler() }

// A helper in view that sets one, directly or through another helper.
func viaLocalSetter(addr string) error {
	srv := &http.Server{Addr: addr}
	harden(srv)
	return srv.ListenAndServe()
}

func harden(s *http.Server) { defaults(s) }

func defaults(s *http.Server) { s.ReadTimeout = 30 * time.Second }

// A setter method of a wrapper, after the literal.
type wrapper struct{ srv *http.Server }

func (w *wrapper) withTimeouts() *wrapper {
	w.srv.ReadHeaderTimeout = 5 * time.Second
	return w
}

func viaSetterMethod(addr string) error {
	w := &wrapper{srv: &http.Server{Addr: addr}}
	w.withTimeouts()
	return w.srv.ListenAndServe()
}

// A function value: out of view.
func viaFuncValue(addr string, configure func(*http.Server)) error {
	srv := &http.Server{Addr: addr}
	configure(srv)
	return srv.ListenAndServe()
}

// Printing a server does not configure it.
func printed(addr string) error {
	srv := &http.Server{Addr: addr} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	fmt.Println(srv)
	return srv.ListenAndServe()
}
