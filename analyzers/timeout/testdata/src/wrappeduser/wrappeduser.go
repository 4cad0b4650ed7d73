// Clients handed to another package's functions, judged by that
// package's BoundedClients facts.
package wrappeduser

import (
	"net/http"

	"wrapped"
)

func options() []wrapped.Option {
	return []wrapped.Option{
		wrapped.SetHttpClient(http.DefaultClient),
		wrapped.SetHttpClient(&http.Client{}),
	}
}

func signing() *http.Client {
	return wrapped.NewSigningClientWith("key", &http.Client{})
}

// Look-alikes: kept where requests are sent with no context.
func retriever() *wrapped.Retriever {
	return wrapped.NewRetriever(&http.Client{}) // want `http.Client has no Timeout and is handed to NewRetriever, which sends it a request with no context at wrapped.go:132`
}

func poller() func(*wrapped.Poller) {
	return wrapped.WithClient(http.DefaultClient) // want `http.DefaultClient has no Timeout`
}
