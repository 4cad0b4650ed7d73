package flow

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
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
			arg := cur.ChildAt(edge.CallExpr_Args, 0)
			var f Field
			switch fn.Name() {
			case "origins":
				if os, ok := Origins(pass.TypesInfo, arg, call.Args[0]); ok {
					var names []string
					for _, o := range os {
						if o == nil {
							names = append(names, "<zero>")
						} else {
							names = append(names, types.ExprString(o))
						}
					}
					slices.Sort(names)
					pass.Reportf(call.Pos(), "origins: %s", strings.Join(names, ", "))
				}
				continue
			case "unique":
				if id, ok := call.Args[0].(*ast.Ident); ok {
					if c := UniqueCall(pass.TypesInfo, arg, id); c != nil {
						pass.Reportf(call.Pos(), "unique call: %s", types.ExprString(c))
					}
				}
				continue
			case "check":
				f = Field{Name: "Token"}
			case "checkKey":
				f = Field{Name: "IdempotencyKey", Embedded: []string{"Params"}}
			default:
				continue
			}
			if e.Unset(arg, call.Args[0], f) {
				pass.Reportf(call.Pos(), "%s unset", f.Name)
			}
		}
		return nil, nil
	},
}

func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "sdk", "helpers", "fields")
}

func TestUnset(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "values", "origins")
}
