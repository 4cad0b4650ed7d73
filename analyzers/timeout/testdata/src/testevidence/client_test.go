package testevidence

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestNewClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, err := NewClient().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
	if _, err := NewClient().Do(req); err != nil {
		t.Fatal(err)
	}
}

func TestAPI(t *testing.T) {
	a := &API{HC: &http.Client{}}
	if _, err := a.HC.Get("http://127.0.0.1:1"); err == nil {
		t.Fatal("want an error")
	}
}
