package skipgenerated

import "net/http"

func Own() { http.Get("https://example.com") } // want `http.Get uses http.DefaultClient`
