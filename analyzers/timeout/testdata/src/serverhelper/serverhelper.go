// Servers handed to a helper that may set their timeouts are left alone
// (service corpus: kratos's graceful.WithDefaults(&http.Server{...})).
package serverhelper

import (
	"fmt"
	"net/http"

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

func byValue(addr string) http.Server {
	s := http.Server{Addr: addr}
	return graceful.Configure(s)
}

// Printing a server does not configure it.
func printed(addr string) error {
	srv := &http.Server{Addr: addr} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	fmt.Println(srv)
	return srv.ListenAndServe()
}
