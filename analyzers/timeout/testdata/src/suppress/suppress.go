package suppress

import "net/http"

func sameLine() {
	http.Get("https://example.com") //distlint:ignore timeout the health probe runs under an external watchdog
}

func lineAbove() {
	//distlint:ignore idempotency,timeout this client is wrapped by a deadline-setting transport
	_ = &http.Client{}
}

func otherAnalyzer() {
	//distlint:ignore idempotency not about timeouts
	http.Get("https://example.com") // want `http.Get uses http.DefaultClient`
}

func tooFarAway() {
	//distlint:ignore timeout directives reach only the next line

	http.Get("https://example.com") // want `http.Get uses http.DefaultClient`
}

func notADirective() {
	// distlint:ignore timeout a space after the slashes makes it prose
	http.Get("https://example.com") // want `http.Get uses http.DefaultClient`
}
