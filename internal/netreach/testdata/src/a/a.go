// Package a reaches the network through b and c. // want package:"reaches the network"
// It imports no network package.
package a

import "b"

func Run() error { // want Run:`reaches http via`
	return b.Sync("http://x")
}

func Idle() string {
	return b.Quiet()
}

func Method(s *b.Store) error { // want Method:`reaches http via`
	return s.Load("x")
}
