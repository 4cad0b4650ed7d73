package flow_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// siteProbe asks a SiteFinder where the argument of every call of sites
// is made (naming each site by the "// site:NAME" comment on its line),
// whether the two arguments of same may be one value, and which fields
// the method value given to getter returns.
var siteProbe = &analysis.Analyzer{
	Name:     "siteprobe",
	Doc:      "report where struct values are made",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		names := make(map[int]string) // line -> site name
		for _, f := range pass.Files {
			for _, cg := range f.Comments {
				if name, ok := strings.CutPrefix(strings.TrimSpace(cg.Text()), "site:"); ok {
					names[pass.Fset.Position(cg.Pos()).Line] = name
				}
			}
		}
		root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
		finder := flow.NewSiteFinder(flow.NewWrites(pass.Pkg, pass.TypesInfo, root))
		for cur := range root.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := match.Callee(pass.TypesInfo, call)
			if fn == nil {
				continue
			}
			body, ok := flow.EnclosingFunc(cur)
			if !ok {
				continue
			}
			switch fn.Name() {
			case "sites":
				s := finder.Of(body, call.Args[0])
				if s.All {
					pass.Reportf(call.Pos(), "made where it cannot be seen")
					continue
				}
				at := []string{}
				for _, pos := range s.Positions() {
					at = append(at, names[pass.Fset.Position(pos).Line])
				}
				if len(at) == 0 {
					at = append(at, "<none>")
				}
				pass.Reportf(call.Pos(), "made at %s", strings.Join(at, " "))
			case "same":
				if finder.Of(body, call.Args[0]).Meets(finder.Of(body, call.Args[1])) {
					pass.Reportf(call.Pos(), "may be one")
				} else {
					pass.Reportf(call.Pos(), "distinct")
				}
			case "getter":
				sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				m, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok {
					continue
				}
				recv := match.NamedStruct(m.Signature().Recv().Type())
				for f := range recv.Underlying().(*types.Struct).Fields() {
					if finder.Getter(m, f) {
						pass.Reportf(call.Pos(), "getter of %s", f.Name())
					}
				}
			}
		}
		return nil, nil
	},
}

func TestSites(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), siteProbe, "sites")
}

func TestSitesSet(t *testing.T) {
	var s flow.Sites
	if s.Meets(flow.SiteAt(1)) || len(s.Positions()) != 0 {
		t.Error("the zero Sites holds a value")
	}
	s.Add(flow.SiteAt(token.Pos(2)))
	s.Add(flow.SiteAt(token.Pos(1)))
	if got := s.Positions(); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("Positions = %v, want [1 2]", got)
	}
	if !s.Meets(flow.SiteAt(2)) || s.Meets(flow.SiteAt(3)) {
		t.Error("Meets compares the wrong sites")
	}
	s.Add(flow.AllSites)
	if !s.All || len(s.Positions()) != 0 || !s.Meets(flow.SiteAt(3)) {
		t.Error("a site out of view does not make the set All")
	}
}
