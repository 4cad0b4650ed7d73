package wallclock

import (
	"testing"
)

func TestIdentityName(t *testing.T) {
	names := make(map[string]bool)
	for _, n := range DefaultIdentNames {
		names[n] = true
	}
	match := []string{"id", "ID", "orderID", "Seq", "eventVersion", "req_id", "nodeIDs", "SeqNo",
		"lastRevision", "nonce", "Generation", "commitLSN", "offset", "counter", "rev"}
	noMatch := []string{"provider", "border", "reorder", "recorder", "offsetter", "ordered", "identity",
		"idle", "video", "reverse", "prev", "sequential", "versionTime", "idTimestamp", "epochMillis", "epoch", "currentEpoch", "raftEpoch",
		"seqDeadline", "createdAt", "seed", "orderedAt", "width", "period", "valid", "modified", "rand"}
	for _, n := range match {
		if _, ok := identityName(n, names); !ok {
			t.Errorf("identityName(%q) = false, want true", n)
		}
	}
	for _, n := range noMatch {
		if w, ok := identityName(n, names); ok {
			t.Errorf("identityName(%q) = true (word %q), want false", n, w)
		}
	}
}

func TestTimeFieldName(t *testing.T) {
	for _, n := range []string{"UpdatedAt", "ModifiedTime", "Timestamp", "LastTS", "updated", "mtime", "EventTime"} {
		if !timeFieldName(n) {
			t.Errorf("timeFieldName(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"ExpiresAt", "Deadline", "Count", "Version", "RetryTime", "NotAfter", "WaitTime", "Index", "Format", "ModifiedIndex", "UpdatedVersion"} {
		if timeFieldName(n) {
			t.Errorf("timeFieldName(%q) = true, want false", n)
		}
	}
}
