package configignored

import "net/http"

func Fetch(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get uses http.DefaultClient`
}
