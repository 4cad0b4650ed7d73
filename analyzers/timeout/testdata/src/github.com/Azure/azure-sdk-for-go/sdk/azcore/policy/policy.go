// Package policy stands in for azcore's policy package.
package policy

import "net/http"

type Transporter interface {
	Do(*http.Request) (*http.Response, error)
}

type ClientOptions struct{ Transport Transporter }
