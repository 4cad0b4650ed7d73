package server

import "net/http"

func noTimeImport(h http.Handler) *http.Server {
	return &http.Server{Handler: h} // want `http.Server has neither`
}
