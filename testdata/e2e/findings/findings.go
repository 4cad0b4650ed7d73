// Package findings has findings of the timeout analyzer.
package findings

import "net/http"

// Fetch uses the default client.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url)
}

// Serve has no ReadHeaderTimeout.
func Serve(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv.ListenAndServe()
}

// Probe is suppressed with a reason.
func Probe(url string) {
	//distlint:ignore timeout the probe runs under an external watchdog
	http.Head(url)
}

// Careless suppresses without a reason, which is itself reported.
func Careless(url string) {
	//distlint:ignore timeout
	http.Head(url)
}
