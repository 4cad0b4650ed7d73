// Package sharedhttp defines module-wide clients the way mongo-driver's
// internal httputil does: package-level clients with no Timeout, used
// from other packages. Those packages' uses are out of view here; each
// is judged where it sends, by the SharedClient facts.
package sharedhttp

import "net/http"

// DefaultHTTPClient is shared by the module; every request the module
// sends through it carries a context.
var DefaultHTTPClient = &http.Client{} // want DefaultHTTPClient:"shared client sharedhttp.DefaultHTTPClient made at sharedhttp.go:11"

// NewHTTPClient returns the shared client, with the default transport.
func NewHTTPClient() *http.Client { // want NewHTTPClient:"shared client sharedhttp.DefaultHTTPClient made at sharedhttp.go:11"
	client := DefaultHTTPClient
	if _, ok := http.DefaultTransport.(*http.Transport); !ok {
		client.Transport = http.DefaultTransport
	}
	return client
}

var quiet = new(http.Client)

// Quiet returns an unexported shared client.
func Quiet() *http.Client { // want Quiet:"shared client sharedhttp.quiet made at sharedhttp.go:22"
	return quiet
}

// Look-alike: a shared client whose context-less send is in view here is
// reported at its definition, and gets no fact.
var Leaky = &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line 34\)`

func ping(u string) error {
	resp, err := Leaky.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A shared client with a Timeout is no finding, and gets no fact.
var Bounded = &http.Client{Timeout: 1}

// A client an exported function makes and returns, with no request in
// view: no finding (the caller's package is where its requests are).
func NewClient() *http.Client {
	return &http.Client{} // no finding: no request with no context in view
}

// Handed to a function out of view: no evidence for a shared client.
func register(set func(*http.Client)) {
	set(DefaultHTTPClient)
}

// Look-alike: an unexported package-level client that no exported name
// reaches is not shared; handed to a function out of view, no finding.
var private = &http.Client{} // no finding: no request with no context in view

func registerPrivate(set func(*http.Client)) {
	set(private)
}
