package lostcontext

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/match"
)

// DropsContext is the object fact of a function that would lose the
// context of its context (or request) parameter if that held an incoming
// request: it passes context.Background() on, makes a request with no
// context, or calls a context-less form, where the parameter is in scope
// (directly, or through a function it hands the parameter to). A handler
// in another package that calls the function with its request's context
// gets the finding at the call, since the analyzer cannot know, in the
// function's own package, that a request feeds it.
type DropsContext struct {
	Params []DroppedParam
}

// A DroppedParam is one parameter of a function and where its context is
// lost.
type DroppedParam struct {
	Index int    // position in the signature (receiver excluded)
	Where string // what loses it, for messages: "context.Background() at store.go:14"
}

// AFact marks DropsContext as an analysis fact.
func (*DropsContext) AFact() {}

func (f *DropsContext) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("param %d: %s", p.Index, p.Where))
	}
	return "dropsContext(" + strings.Join(parts, "; ") + ")"
}

func (f *DropsContext) where(index int) (string, bool) {
	for _, p := range f.Params {
		if p.Index == index {
			return p.Where, true
		}
	}
	return "", false
}

// drops collects, while the package is checked, what each function's
// parameters would lose if they held a request.
type drops map[*types.Func]*DropsContext

// add records that parameter index of fn loses its context at where,
// and reports whether that is new.
func (d drops) add(fn *types.Func, index int, where string) bool {
	f := d[fn]
	if f == nil {
		f = new(DropsContext)
		d[fn] = f
	}
	if _, ok := f.where(index); ok {
		return false
	}
	f.Params = append(f.Params, DroppedParam{Index: index, Where: where})
	return true
}

// emit reports d where the scope holds an incoming request; where it
// only might (a parameter no request is seen to feed), it records what
// the parameter would lose, for the fact.
func (c *checker) emit(s scope, d analysis.Diagnostic, what string) {
	if !s.hypothetical {
		c.rep.Report(d)
		return
	}
	if owner, ok := c.req.owner[s.param]; ok {
		pos := c.pass.Fset.Position(d.Pos)
		c.drops.add(owner.fn, owner.index, fmt.Sprintf("%s at %s:%d", what, baseName(pos.Filename), pos.Line))
	}
}

// dropCalls handles the calls that hand a context on to a function that
// drops it (by its fact, or by what this package found): in a function
// serving a request, the call is reported; in one that might, the drop
// is carried to its own parameter. A call is examined again when what
// its callee drops grows, so that chains of helpers are seen through;
// a call reported is one to another package's function, whose fact does
// not change.
func (c *checker) dropCalls(calls []inspector.Cursor) {
	callee := func(cur inspector.Cursor) []*types.Func {
		if fn := match.Callee(c.info, cur.Node().(*ast.CallExpr)); fn != nil {
			return []*types.Func{fn.Origin()}
		}
		return nil
	}
	fixpoint.Solve(calls, callee, func(cur inspector.Cursor, changed func(*types.Func)) {
		call := cur.Node().(*ast.CallExpr)
		fn := match.Callee(c.info, call)
		if fn == nil {
			return
		}
		fn = fn.Origin()
		for i, arg := range call.Args {
			where, ok := c.dropOf(fn, i)
			if !ok {
				continue
			}
			argCur := cur.ChildAt(edge.CallExpr_Args, i)
			f := c.fileOf(call)
			s, ok := c.requestScope(f, argCur)
			if !ok || !c.req.carriesIn(argCur, arg, s.hypothetical) {
				continue
			}
			if !s.hypothetical {
				if fn.Pkg() == c.pass.Pkg {
					continue // reported where it is lost
				}
				c.rep.Report(analysis.Diagnostic{
					Pos:      call.Pos(),
					End:      call.End(),
					Category: "helper",
					Message:  funcName(c.pass.Pkg, fn) + " is given " + s.expr + " and loses it (" + where + "): the work there ignores the request's deadline and cancellation and drops its trace; pass the context on there",
				})
				return
			}
			if owner, ok := c.req.owner[s.param]; ok && c.drops.add(owner.fn, owner.index, "through "+funcName(c.pass.Pkg, fn)+": "+where) {
				changed(owner.fn)
			}
		}
	})
}

// dropOf returns where fn loses the context of parameter index, by this
// package's findings or by fact.
func (c *checker) dropOf(fn *types.Func, index int) (string, bool) {
	if fn.Pkg() == c.pass.Pkg {
		if f := c.drops[fn]; f != nil {
			return f.where(index)
		}
		return "", false
	}
	f := new(DropsContext)
	if !c.pass.ImportObjectFact(fn, f) {
		return "", false
	}
	return f.where(index)
}

// exportDrops exports the facts of the functions other packages can call.
func (c *checker) exportDrops() {
	for fn, f := range c.drops {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn, f)
		}
	}
}

func (c *checker) fileOf(n ast.Node) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}

// funcName names fn for messages: F or T.M inside from, pkg.F or
// pkg.T.M outside.
func funcName(from *types.Package, fn *types.Func) string {
	name := fn.Name()
	if r := match.RecvName(fn); r != "" {
		name = r + "." + name
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
