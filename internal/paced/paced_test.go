package paced_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/paced"
)

// marks reports every call of a function named mark that the clock
// paces.
var marks = &analysis.Analyzer{
	Name:     "marks",
	Doc:      "report the calls of mark that run at the clock's pace",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		x := paced.New(pass, insp)
		for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "mark" && x.Driven(cur) {
				pass.Reportf(call.Pos(), "paced")
			}
		}
		return nil, nil
	},
}

func TestDriven(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), marks, "a")
}
