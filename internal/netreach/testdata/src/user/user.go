// Package user calls helpers that reach the network in other packages.
package user

import (
	"a"
	"b"
	"c"
)

func calls(s *b.Store) {
	a.Run()         // want `via http \(\*net/http.Client\).Get|via http \(\*http.Client\).Get`
	a.Idle()        // reaches nothing
	s.Load("x")     // want `via http http.Get`
	c.Spawn("x")    // its goroutine is not waited for
	c.Handler()     // builds a function, calls nothing
	c.Callback(nil) // want `via http`
	_ = c.Pure("x") // pure
}
