package flow

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// probe asks Engine.Unset about the argument of every call of check
// (field Token) and checkKey (field IdempotencyKey through Params).
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report struct values built without a field",
	Requires: []*analysis.Analyzer{Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		e := pass.ResultOf[Analyzer].(*Engine)
		for cur := range inspector.New(pass.Files).Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := match.Callee(pass.TypesInfo, call)
			if fn == nil || len(call.Args) != 1 {
				continue
			}
			var f Field
			switch fn.Name() {
			case "check":
				f = Field{Name: "Token"}
			case "checkKey":
				f = Field{Name: "IdempotencyKey", Embedded: []string{"Params"}}
			default:
				continue
			}
			arg := cur.ChildAt(edge.CallExpr_Args, 0)
			if e.Unset(arg, call.Args[0], f) {
				pass.Reportf(call.Pos(), "%s unset", f.Name)
			}
		}
		return nil, nil
	},
}

func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "sdk", "helpers")
}

func TestUnset(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "values")
}
