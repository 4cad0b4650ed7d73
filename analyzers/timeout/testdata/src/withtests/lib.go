package withtests

import "net/http"

func Fetch() { http.Get("https://example.com") } // want `http.Get uses http.DefaultClient`
