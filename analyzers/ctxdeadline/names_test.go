package ctxdeadline

import "testing"

func TestIsLongLived(t *testing.T) {
	for name, want := range map[string]bool{
		"WatchEvents": true, "LongPoll": true, "Subscribe": true, "Subscription": true,
		"StreamLogs": true, "ListenAndServe": true, "Serve": true, "pollUpdates": true,
		"Reserve": false, "GetServerInfo": false, "Upstream": false, "Observe": false, "Get": false,
	} {
		if got := isLongLived(name); got != want {
			t.Errorf("isLongLived(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsLifetime(t *testing.T) {
	for name, want := range map[string]bool{
		"Run": true, "runWorker": true, "Start": true, "eventLoop": true, "WatchKeys": true,
		"RuntimeInfo": false, "Restart": false, "Lookup": false, "Fetch": false,
	} {
		if got := isLifetime(name); got != want {
			t.Errorf("isLifetime(%q) = %v, want %v", name, got, want)
		}
	}
}
