// Package docs extracts an analyzer's documentation from the package
// comment of its doc.go, so that godoc, -help, -explain, SARIF rules and
// editors all show the same text.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the "# Analyzer name" section of the package comment
// in the Go source content (a doc.go file). It panics if the section is
// missing: that is a programming error caught by every analyzer's tests.
func Extract(content, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		panic(fmt.Sprintf("docs: parsing doc.go of %s: %v", name, err))
	}
	if f.Doc == nil {
		panic(fmt.Sprintf("docs: doc.go of %s has no package comment", name))
	}
	heading := "# Analyzer " + name
	text := f.Doc.Text()
	_, section, found := strings.Cut(text, heading+"\n")
	if !found {
		panic(fmt.Sprintf("docs: doc.go of %s has no %q section", name, heading))
	}
	// The section ends at the next top-level heading, if any.
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	return strings.TrimSpace(section)
}

// Title returns the first line of an analyzer's Doc without the
// "name: " prefix.
func Title(doc string) string {
	line, _, _ := strings.Cut(doc, "\n")
	if _, rest, ok := strings.Cut(line, ": "); ok {
		return rest
	}
	return line
}
