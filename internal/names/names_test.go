package names

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for name, want := range map[string][]string{
		// wallclock's cases.
		"orderID":      {"order", "id"},
		"NodeIDs":      {"node", "ids"},
		"HTTPServer":   {"http", "server"},
		"event_seq":    {"event", "seq"},
		"X-Request-ID": {"x", "request", "id"},
		"lsn2":         {"lsn"},
		"ID":           {"id"},
		"eventVersion": {"event", "version"},
		"UUIDString":   {"uuid", "string"},
		// ctxdeadline's cases.
		"WatchEvents": {"watch", "events"},
		"longPoll":    {"long", "poll"},
		"stream_logs": {"stream", "logs"},
		"GetV2":       {"get", "v"},
		"x":           {"x"},
		"":            nil,
		// idempotency's cases.
		"getOCSPStatus":           {"get", "ocsp", "status"},
		"RetrieveWithCredContext": {"retrieve", "with", "cred", "context"},
		"executeReadRequest":      {"execute", "read", "request"},
		"Store":                   {"store"},
		"read_all":                {"read", "all"},
		"HTTPGet":                 {"http", "get"},
		// Plural acronyms against a following word.
		"listIDsForUser": {"list", "ids", "for", "user"},
		"URLsToFetch":    {"urls", "to", "fetch"},
		"IDsAndKeys":     {"ids", "and", "keys"},
		"__x__y":         {"x", "y"},
		"ÜberName":       {"über", "name"},
	} {
		if got := Words(name); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFields(t *testing.T) {
	for name, want := range map[string][]string{
		"getOCSPStatus": {"get", "OCSP", "Status"},
		"NodeIDs":       {"Node", "IDs"},
		"read_all":      {"read", "all"},
	} {
		if got := Fields(name); !slices.Equal(got, want) {
			t.Errorf("Fields(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestHasWord(t *testing.T) {
	isServe := func(w string) bool { return w == "serve" }
	if !HasWord("ListenAndServe", isServe) {
		t.Error(`HasWord("ListenAndServe", serve) = false`)
	}
	if HasWord("Reserve", isServe) {
		t.Error(`HasWord("Reserve", serve) = true`)
	}
}
