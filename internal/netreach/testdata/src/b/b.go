// Package b reaches the network through c. // want package:"reaches the network"
package b

import "c"

func Sync(url string) error { // want Sync:`reaches http via`
	return c.Fetch(url)
}

func Quiet() string { return c.Pure("x") }

type Store struct{}

func (s *Store) Load(url string) error { // want Load:`reaches http via`
	return s.load(url)
}

func (s *Store) load(url string) error { return c.Local(url) }
