package netreach

import "strings"

// A Statement is what the constant text of a SQL statement says it does,
// read from its first keyword.
type Statement uint8

const (
	StmtUnknown Statement = iota // not a constant, or empty
	StmtRead                     // SELECT, SHOW, EXPLAIN, VALUES, TABLE, DESCRIBE, a WITH that writes nothing
	StmtInsert                   // INSERT, UPSERT, MERGE, REPLACE: rows are added (or merged)
	StmtUpdate                   // UPDATE or DELETE: rows that exist change
	StmtOther                    // anything else: DDL, SET, LOCK, a call
)

// Write reports whether the statement changes rows.
func (s Statement) Write() bool { return s == StmtInsert || s == StmtUpdate }

// StatementOf returns what SQL text does, from its first keyword after
// any leading comments. A WITH clause is a write when its text names a
// write anywhere (a data-modifying common table expression).
func StatementOf(text string) Statement {
	text = strings.TrimSpace(text)
	for {
		if rest, ok := strings.CutPrefix(text, "--"); ok {
			_, rest, _ = strings.Cut(rest, "\n")
			text = strings.TrimSpace(rest)
			continue
		}
		if rest, ok := strings.CutPrefix(text, "/*"); ok {
			_, rest, _ = strings.Cut(rest, "*/")
			text = strings.TrimSpace(rest)
			continue
		}
		break
	}
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	})
	if len(words) == 0 {
		return StmtUnknown
	}
	switch strings.ToUpper(words[0]) {
	case "INSERT", "UPSERT", "MERGE", "REPLACE":
		return StmtInsert
	case "UPDATE", "DELETE":
		return StmtUpdate
	case "SELECT", "SHOW", "EXPLAIN", "VALUES", "TABLE", "DESCRIBE":
		return StmtRead
	case "WITH":
		upper := strings.ToUpper(text)
		switch {
		case strings.Contains(upper, "INSERT "):
			return StmtInsert
		case strings.Contains(upper, "UPDATE "), strings.Contains(upper, "DELETE "):
			return StmtUpdate
		}
		return StmtRead
	}
	return StmtOther
}
