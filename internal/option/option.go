// Package option holds the flag types of analyzer options, shared so that
// every list option reads the same forms from the command line and from
// golangci-lint's settings.
package option

import (
	"strings"
	"unicode"
)

// List is a flag.Value holding a list of names (words, header names,
// import paths), written "a,b" or "a b". Brackets are ignored, so a YAML
// list from golangci-lint's settings, which reaches the flag printed by
// fmt as "[a b]", works too. Names never contain commas, spaces or
// brackets.
type List []string

func (l *List) String() string { return strings.Join(*l, ",") }

func (l *List) Set(s string) error {
	*l = strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '[' || r == ']' || unicode.IsSpace(r) })
	return nil
}
