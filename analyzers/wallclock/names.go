package wallclock

import (
	"strings"

	"github.com/distlint/distlint/internal/names"
)

// timeWords are words that make a name a timestamp or a duration rather
// than an identity: versionTime, idTimestamp, epochMillis, seqDeadline.
var timeWords = map[string]bool{
	"time": true, "times": true, "timestamp": true, "timestamps": true, "ts": true, "stamp": true,
	"at": true, "date": true, "now": true, "unix": true, "clock": true, "when": true,
	"ms": true, "millis": true, "milli": true, "msec": true, "nanos": true, "nano": true, "ns": true,
	"us": true, "micros": true, "sec": true, "secs": true, "second": true, "seconds": true,
	"minute": true, "minutes": true, "hour": true, "hours": true, "day": true, "days": true,
	"created": true, "updated": true, "modified": true, "started": true,
	"deadline": true, "expires": true, "expiry": true, "expiration": true, "ttl": true, "timeout": true,
	"elapsed": true, "age": true, "duration": true, "seen": true, "tz": true, "zone": true,
	"seed": true,
}

// identityName reports whether name says identity or order: one of its
// words is in known (or its plural), and no word says time. It returns
// the last word that matched, the head of the name (orderID is an id).
func identityName(name string, known map[string]bool) (string, bool) {
	var hit string
	for _, w := range names.Words(name) {
		if timeWords[w] {
			return "", false
		}
		if known[w] || (len(w) > 2 && strings.HasSuffix(w, "s") && known[w[:len(w)-1]]) {
			hit = w
		}
	}
	return hit, hit != ""
}

// timeFieldName reports whether an integer field's name says it holds a
// point in time: *At, *Time, *Timestamp, *TS, Updated*, Modified*.
func timeFieldName(name string) bool {
	ws := names.Words(name)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if deadlineWords[w] || logicalWords[w] {
			return false
		}
	}
	switch ws[len(ws)-1] {
	case "at", "time", "timestamp", "ts", "stamp", "mtime":
		return true
	}
	switch ws[0] {
	case "updated", "modified", "mtime":
		return true
	}
	return false
}

// logicalWords mark an integer as a logical clock (ModifyIndex,
// UpdatedVersion): comparing it is the right way to order writes.
var logicalWords = map[string]bool{
	"index": true, "idx": true, "version": true, "seq": true, "sequence": true, "rev": true,
	"revision": true, "generation": true, "gen": true, "lsn": true, "offset": true, "epoch": true,
	"counter": true, "term": true, "serial": true,
}

// deadlineWords mark a time field as a deadline, an expiry or a
// duration: comparing it is a TTL check, not an ordering of events.
var deadlineWords = map[string]bool{
	"deadline": true, "expires": true, "expire": true, "expiry": true, "expiration": true, "expired": true,
	"ttl": true, "timeout": true, "until": true, "not": true, "after": true, "before": true,
	"retry": true, "backoff": true, "wait": true, "elapsed": true, "duration": true, "interval": true,
	"lease": true, "renew": true, "next": true, "due": true, "scheduled": true, "lock": true, "valid": true,
	// Bounds and reference points: a comparison with them is a range
	// check or an age, not an order of two events.
	"max": true, "min": true, "limit": true, "cutoff": true, "threshold": true, "bound": true,
	"horizon": true, "window": true, "now": true, "oldest": true,
}

// isDeadlineName reports whether a time field's name says deadline or
// expiry (ExpiresAt, Deadline, NotAfter, RetryAt, LeaseTime).
func isDeadlineName(name string) bool {
	for _, w := range names.Words(name) {
		if deadlineWords[w] {
			return true
		}
	}
	return false
}
