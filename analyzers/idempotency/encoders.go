package idempotency

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// EncodesParam is the fact that a function only returns the encoding of
// its parameter Index (a program's protojson.Marshal with its own
// options): its result identifies what that value identifies.
type EncodesParam struct{ Index int }

func (*EncodesParam) AFact() {}

func (f *EncodesParam) String() string { return fmt.Sprintf("encodesParam(param %d)", f.Index) }

// encoders exports an EncodesParam fact for each function of the package
// whose body is a single return of an encoding call (identity.go) of one
// of its parameters: nothing else is done to the value on the way.
func (c *checker) encoders() {
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			fn, _ := c.info.Defs[fd.Name].(*types.Func)
			i := c.encodedArg(match.Callee(c.info, call))
			if fn == nil || i < 0 || i >= len(call.Args) {
				continue
			}
			id, ok := ast.Unparen(call.Args[i]).(*ast.Ident)
			if !ok {
				continue
			}
			params := fn.Signature().Params()
			for p := range params.Len() {
				if params.At(p) == c.info.Uses[id] {
					c.pass.ExportObjectFact(fn, &EncodesParam{Index: p})
				}
			}
		}
	}
}
