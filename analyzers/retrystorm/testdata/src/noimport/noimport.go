// Package noimport reaches no network package: the analyzer leaves it
// without a fact.
package noimport

func loop(f func() error) {
	for {
		if err := f(); err == nil {
			return
		}
	}
}
