package server

import (
	"net"
	"net/http"
	"time"
)

func literal(h http.Handler) error {
	srv := &http.Server{ // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout: slow or idle clients \(slowloris\)`
		Addr:    ":8080",
		Handler: h,
	}
	return srv.ListenAndServe()
}

func oneLine(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}

func empty() *http.Server {
	return &http.Server{} // want `http.Server has neither`
}

func explicitZero() *http.Server {
	return &http.Server{ReadHeaderTimeout: 0} // want `http.Server has neither`
}

func writeOnly() *http.Server {
	return &http.Server{WriteTimeout: time.Second, IdleTimeout: time.Minute} // want `http.Server has neither`
}

func withNew() *http.Server {
	return new(http.Server) // want `http.Server has neither`
}

func zeroDecl(h http.Handler) error {
	var srv http.Server // want `http.Server srv has neither`
	srv.Handler = h
	return srv.ListenAndServe()
}

func listen(h http.Handler, l net.Listener) {
	http.ListenAndServe(":8080", h)              // want `http.ListenAndServe serves with no timeouts`
	http.ListenAndServeTLS(":8443", "c", "k", h) // want `http.ListenAndServeTLS serves with no timeouts`
	http.Serve(l, h)                             // want `http.Serve serves with no timeouts`
	http.ServeTLS(l, h, "c", "k")                // want `http.ServeTLS serves with no timeouts`
}

// Negatives.

func readHeader(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 10 * time.Second}
}

func readTimeout(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadTimeout: time.Minute}
}

func setLater(h http.Handler) error {
	srv := &http.Server{Handler: h}
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

func zeroDeclSetLater(h http.Handler) error {
	var srv http.Server
	srv.ReadTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

func newSetLater() *http.Server {
	srv := new(http.Server)
	srv.ReadHeaderTimeout = time.Second
	return srv
}

// A user type with a ListenAndServe method is not http.ListenAndServe.
type fake struct{}

func (fake) ListenAndServe(string, http.Handler) error { return nil }

func userListen() { fake{}.ListenAndServe(":1", nil) }
