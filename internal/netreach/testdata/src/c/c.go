// Package c makes the network call. // want package:"reaches the network"
package c

import "net/http"

func Fetch(url string) error { // want Fetch:`reaches http via \(\*net/http.Client\).Get|reaches http via \(\*http.Client\).Get`
	_, err := http.DefaultClient.Get(url)
	return err
}

func fetchLocal(url string) error { // unexported: no fact
	_, err := http.Get(url)
	return err
}

func Local(url string) error { // want Local:`reaches http via http.Get`
	return fetchLocal(url)
}

func Pure(s string) string { return s + "!" }

// Spawn starts the call in a goroutine it does not wait for.
func Spawn(url string) {
	go Fetch(url)
}

// Handler returns a function that makes the call: building it makes none.
func Handler() func() error {
	return func() error { return Fetch("http://x") }
}

// Callback hands the call to a function that runs it on its behalf.
func Callback(do func(func() error) error) error { // want Callback:`reaches http via`
	return do(func() error { return Fetch("http://x") })
}
