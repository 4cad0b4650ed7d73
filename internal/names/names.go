// Package names splits Go identifiers and string keys into words, so
// that analyzers which read intent from names (watchEvents, orderID,
// getOCSPStatus) agree on what a word is.
package names

import (
	"strings"
	"unicode"
)

// Fields splits an identifier or a string key into its words, keeping
// their case. Words end at any rune that is not a letter (underscores,
// hyphens, dots, spaces, digits), before an upper-case letter that
// follows a lower-case one (fooBar), and before the last upper-case
// letter of an acronym that a lower-case word follows (HTTPServer). An
// acronym keeps a plural s: NodeIDs is Node, IDs.
func Fields(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
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

// Words returns the words of name (see Fields) in lower case:
// "NodeIDs" is node, ids; "HTTPServer" is http, server; "lsn2" is lsn.
func Words(name string) []string {
	ws := Fields(name)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// HasWord reports whether one of the words of name (in lower case)
// satisfies pred.
func HasWord(name string, pred func(word string) bool) bool {
	for _, w := range Words(name) {
		if pred(w) {
			return true
		}
	}
	return false
}

// pluralAcronym reports whether the lower-case letter at rs[i] is the s
// that makes an acronym plural (IDs), ending the word.
func pluralAcronym(rs []rune, i int) bool {
	if rs[i] != 's' {
		return false
	}
	return i+1 == len(rs) || !unicode.IsLower(rs[i+1])
}

// SchemaSetup reports whether name names schema setup: it has a word that
// starts with "migrat" (migrate, migration, migrations) or is "schema"
// (execSchemaWithRetry, ApplyMigrationInTx, ensureSchema). Such work runs
// once when a process starts, before it serves: ctxdeadline and retrystorm
// leave it alone.
func SchemaSetup(name string) bool {
	return HasWord(name, func(w string) bool { return strings.HasPrefix(w, "migrat") || w == "schema" })
}
