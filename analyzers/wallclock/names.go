package wallclock

import (
	"strings"
	"unicode"
)

// words splits an identifier or a string key into lower-case words at
// underscores, hyphens, dots, spaces, digits and camelCase boundaries.
// An acronym keeps a plural s: "NodeIDs" is node, ids; "HTTPServer" is
// http, server.
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			// fooBar: a new word at B.
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && !pluralAcronym(rs, i+1):
			// HTTPServer: the last capital starts the next word.
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// pluralAcronym reports whether the lower-case letter at rs[i] is the s
// that makes an acronym plural (IDs), ending the word.
func pluralAcronym(rs []rune, i int) bool {
	if rs[i] != 's' {
		return false
	}
	return i+1 == len(rs) || !unicode.IsLower(rs[i+1])
}

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
// words is in names (or its plural), and no word says time. It returns
// the last word that matched, the head of the name (orderID is an id).
func identityName(name string, names map[string]bool) (string, bool) {
	var hit string
	for _, w := range words(name) {
		if timeWords[w] {
			return "", false
		}
		if names[w] || (len(w) > 2 && strings.HasSuffix(w, "s") && names[w[:len(w)-1]]) {
			hit = w
		}
	}
	return hit, hit != ""
}

// timeFieldName reports whether an integer field's name says it holds a
// point in time: *At, *Time, *Timestamp, *TS, Updated*, Modified*.
func timeFieldName(name string) bool {
	ws := words(name)
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
	for _, w := range words(name) {
		if deadlineWords[w] {
			return true
		}
	}
	return false
}
