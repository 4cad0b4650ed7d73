// Command sarifschema validates a SARIF log on standard input against the
// SARIF 2.1.0 JSON schema (OASIS, errata 01). The schema text is read from
// the source of github.com/owenrumney/go-sarif, which carries it, so that
// it is not copied here; the document is validated as written, with
// github.com/xeipuuv/gojsonschema. This is its own module so that its
// dependencies stay out of distlint's go.mod.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif" // keeps the module in go.mod
	"github.com/xeipuuv/gojsonschema"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(2, err)
	}
	schema, err := loadSchema()
	if err != nil {
		fail(2, err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewBytesLoader(data))
	if err != nil {
		fail(1, fmt.Errorf("not a JSON document: %v", err))
	}
	if !res.Valid() {
		var msgs []string
		for _, e := range res.Errors() {
			msgs = append(msgs, e.String())
		}
		fail(1, fmt.Errorf("invalid SARIF 2.1.0:\n%s", strings.Join(msgs, "\n")))
	}
	fmt.Println("valid SARIF 2.1.0")
}

// loadSchema returns the schema constant of go-sarif's v210 package.
func loadSchema() (string, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif").Output()
	if err != nil {
		return "", fmt.Errorf("locating go-sarif: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return "", err
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Names) == 1 && vs.Names[0].Name == "schema" && len(vs.Values) == 1 {
				if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
					return strconv.Unquote(lit.Value)
				}
			}
		}
	}
	return "", fmt.Errorf("no schema constant in %s", file)
}

func fail(code int, err error) {
	fmt.Fprintln(os.Stderr, "sarifschema:", err)
	os.Exit(code)
}
