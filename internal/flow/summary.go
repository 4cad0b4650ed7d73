package flow

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
)

// Analyzer summarizes what each function of a package does with the
// struct values it is given and returns, and exports the summaries of
// exported functions as Summary facts, so that a value built in one
// function and completed, sent or made in another (a factory, a helper
// that sends its parameter, a builder method) is followed across
// functions and packages. Its result is an *Engine.
var Analyzer = &analysis.Analyzer{
	Name:       "flowsummary",
	Doc:        "summarize what functions do with the struct values they are given and return",
	URL:        "https://github.com/distlint/distlint/tree/main/internal/flow",
	Run:        report.Protect(runSummaries),
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	FactTypes:  []analysis.Fact{new(Summary), new(FieldOrigins)},
	ResultType: reflect.TypeFor[*Engine](),
}

// A Summary is the fact of what a function does with struct values.
type Summary struct {
	// Fresh is set when every return gives result 0 a struct value the
	// function makes itself (a literal, new, a zero value): a factory.
	Fresh *Use
	// Params summarize the uses of the parameters that are structs or
	// pointers to structs, the receiver first (Index -1).
	Params []Use
}

// A Use is what a function does with one struct value: a parameter, or
// the fresh value it returns.
type Use struct {
	Index int      // the parameter's index, -1 for the receiver (unused for Fresh)
	Type  string   // the struct type, qualified ("net/http.Server")
	Set   []string // the fields it may set, embedded fields on the way included
	// Methods are methods called on the value whose bodies are out of
	// view (another package without facts, an interface): a setter may
	// hide among them, named after the field it sets.
	Methods []string
	// Sends names the network call that the value is the request of
	// (directly or through the functions it is passed to).
	Sends string
	// Returned is set when the function returns the value (a builder
	// method returning its receiver).
	Returned bool
	// Escapes is set when the value goes where it cannot be followed:
	// stored in a field, a global or a collection, its address taken,
	// passed to a function with no summary. What happens to it there is
	// out of view.
	Escapes bool
}

// AFact marks Summary as a fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	if s.Fresh != nil {
		parts = append(parts, "fresh "+s.Fresh.String())
	}
	for _, p := range s.Params {
		name := fmt.Sprintf("param %d", p.Index)
		if p.Index < 0 {
			name = "receiver"
		}
		parts = append(parts, name+" "+p.String())
	}
	return strings.Join(parts, "; ")
}

func (u *Use) String() string {
	s := u.Type
	if len(u.Set) > 0 {
		s += " sets " + strings.Join(u.Set, ",")
	}
	if len(u.Methods) > 0 {
		s += " calls " + strings.Join(u.Methods, ",")
	}
	if u.Sends != "" {
		s += " sent via " + u.Sends
	}
	if u.Returned {
		s += " returned"
	}
	if u.Escapes {
		s += " escapes"
	}
	return s
}

// merge adds what callee does with the value to u.
func (u *Use) merge(callee Use) {
	for _, f := range callee.Set {
		if !slices.Contains(u.Set, f) {
			u.Set = append(u.Set, f)
		}
	}
	for _, m := range callee.Methods {
		if !slices.Contains(u.Methods, m) {
			u.Methods = append(u.Methods, m)
		}
	}
	if u.Sends == "" {
		u.Sends = callee.Sends
	}
	u.Escapes = u.Escapes || callee.Escapes
}

// An Engine answers, for one package, questions about struct values
// across functions: what a call makes, what a helper does with what it
// is given.
type Engine struct {
	pass  *analysis.Pass
	local map[*types.Func]*Summary // computed summaries; nil while in progress
	decls map[*types.Func]inspector.Cursor
	order []*types.Func
	// fields are the origins of the package's interface-typed fields.
	fields map[*types.Var]*FieldOrigins
	// writes are the package's writes of fields and package variables.
	writes *Writes
}

// Writes returns the index of the values the package gives its struct
// fields and package-level variables, shared by every analyzer that
// requires the Engine's.
func (e *Engine) Writes() *Writes { return e.writes }

// Summary returns the summary of fn, from the package's analysis or
// from facts, or nil when fn is out of view.
func (e *Engine) Summary(fn *types.Func) *Summary {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == e.pass.Pkg {
		return e.summaryOf(fn)
	}
	var s Summary
	if e.pass.ImportObjectFact(fn, &s) {
		return &s
	}
	return nil
}

// ParamUse returns what fn does with its parameter i (-1: the
// receiver), or ok false when it is out of view.
func (e *Engine) ParamUse(fn *types.Func, i int) (Use, bool) {
	s := e.Summary(fn)
	if s == nil {
		return Use{}, false
	}
	for _, p := range s.Params {
		if p.Index == i {
			return p, true
		}
	}
	return Use{}, false
}

// A Field names a struct field to look for, and the embedded fields on
// the way to it (Params for stripe's ChargeParams.Params.IdempotencyKey).
type Field struct {
	Name     string
	Embedded []string
}

func (f Field) names() []string { return append([]string{f.Name}, f.Embedded...) }

// Unset reports whether the struct value expr, at cur, is built in view
// and never given field f: it is a composite literal, new(T), a zero
// value, a call of a factory (a Fresh summary) or a local variable
// holding only those; no literal, factory, assignment, helper it is
// passed to or builder method it goes through sets f (or an embedded
// field on the way); no method out of view named after f is called on
// it; and it goes nowhere out of view. ok is false when any of that
// cannot be seen.
func (e *Engine) Unset(cur inspector.Cursor, expr ast.Expr, f Field) bool {
	info := e.pass.TypesInfo
	x := ast.Unparen(expr)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		return !litSets(info, x, f)
	case *ast.CallExpr:
		return e.madeUnset(x, f)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		body, ok := EnclosingFunc(cur)
		if !ok || v.Pos() < body.Node().Pos() || v.Pos() >= body.Node().End() {
			return false // a parameter, a global: built out of view
		}
		// Its address may be taken (send(&in)): every use, that one
		// excepted, is followed below.
		defs, ok := assigned(info, body, v, true)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil {
				continue // var v T: the zero value
			}
			if d.Index != 0 {
				return false
			}
			r := ast.Unparen(d.Expr)
			if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
				r = ast.Unparen(u.X)
			}
			switch r := r.(type) {
			case *ast.CompositeLit:
				if litSets(info, r, f) {
					return false
				}
			case *ast.CallExpr:
				if !e.madeUnset(r, f) {
					return false
				}
			default:
				return false
			}
		}
		u := e.useOf(body, v, x)
		if u.Escapes || u.Returned {
			return false
		}
		return !u.Sets(f)
	}
	return false
}

// madeUnset reports whether call makes a fresh struct without f: new(T),
// or a factory whose Fresh summary does not set it.
func (e *Engine) madeUnset(call *ast.CallExpr, f Field) bool {
	if match.IsBuiltin(e.pass.TypesInfo, call, "new") {
		return true
	}
	s := e.Summary(match.Callee(e.pass.TypesInfo, call))
	return s != nil && s.Fresh != nil && !s.Fresh.Escapes && !s.Fresh.Sets(f)
}

// Sets reports whether u sets f or an embedded field on its way, or
// calls a method out of view named after one of them (a setter such as
// SetIdempotencyKey) or named as a decoder, which fills the value from a
// payload (Unmarshal, UnmarshalVT, UnmarshalJSON, Decode, DecodeMsg,
// Merge: the methods of generated code export no summary).
func (u Use) Sets(f Field) bool {
	for _, m := range u.Methods {
		if isDecoder(m) {
			return true
		}
	}
	for _, n := range f.names() {
		if slices.Contains(u.Set, n) {
			return true
		}
		for _, m := range u.Methods {
			if strings.Contains(m, n) {
				return true
			}
		}
	}
	return false
}

// isDecoder reports whether a method's name says it fills its receiver
// from encoded data.
func isDecoder(name string) bool {
	for _, p := range []string{"Unmarshal", "Decode", "Merge"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// litSets reports whether a struct literal sets f, directly or in an
// embedded struct's literal (or gives the embedded struct a value that
// cannot be seen into), to anything but a constant zero (Timeout: 0 is
// the zero value written out). A positional literal sets every field.
func litSets(info *types.Info, lit *ast.CompositeLit, f Field) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if key.Name == f.Name {
			return len(f.Embedded) > 0 || !IsZeroConst(info, kv.Value)
		}
		if len(f.Embedded) > 0 && key.Name == f.Embedded[0] {
			v := ast.Unparen(kv.Value)
			if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
				v = ast.Unparen(u.X)
			}
			inner, ok := v.(*ast.CompositeLit)
			if !ok || litSets(info, inner, Field{Name: f.Name, Embedded: f.Embedded[1:]}) {
				return true
			}
		}
	}
	return false
}

// litFields returns the fields a struct literal sets by key, and
// whether it is positional (sets them all).
func litFields(lit *ast.CompositeLit) (set []string, all bool) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, true
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			set = append(set, key.Name)
		}
	}
	return set, false
}

// useOf summarizes what the function body does with the variable v (a
// parameter or a local), except at the identifier skip (the use being
// asked about).
func (e *Engine) useOf(body inspector.Cursor, v *types.Var, skip *ast.Ident) Use {
	return e.useOfIdents(v, Uses(e.pass.TypesInfo, body, v), skip)
}

// useOfIdents is useOf over the identifiers uses that refer to v.
func (e *Engine) useOfIdents(v *types.Var, uses []inspector.Cursor, skip *ast.Ident) Use {
	info := e.pass.TypesInfo
	var u Use
	if n := match.NamedStruct(v.Type()); n != nil {
		u.Type = types.TypeString(n, nil)
	}
	for _, cur := range uses {
		id := cur.Node().(*ast.Ident)
		if id == skip {
			continue
		}
		// Climb field selections: v.Params.IdempotencyKey.
		top := cur
		var path []string
		for {
			p := top.Parent()
			if _, ok := p.Node().(*ast.ParenExpr); ok {
				top = p
				continue
			}
			if _, ok := p.Node().(*ast.StarExpr); ok {
				top = p
				continue
			}
			if sel, ok := p.Node().(*ast.SelectorExpr); ok && top.ParentEdgeKind() == edge.SelectorExpr_X {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					path = append(path, embeddedPath(s)...)
					top = p
					continue
				}
			}
			break
		}
		parent := top.Parent()
		switch p := parent.Node().(type) {
		case *ast.SelectorExpr:
			// A method of the value (or of a field of it).
			s, ok := info.Selections[p]
			if !ok || s.Kind() != types.MethodVal || top.ParentEdgeKind() != edge.SelectorExpr_X {
				u.Escapes = true
				continue
			}
			if _, isCall := parent.Parent().Node().(*ast.CallExpr); !isCall || parent.ParentEdgeKind() != edge.CallExpr_Fun {
				u.Escapes = true // a method value
				continue
			}
			m, _ := s.Obj().(*types.Func)
			if mu, ok := e.ParamUse(m, -1); ok && len(path) == 0 {
				u.merge(mu)
				if mu.Returned && resultEscapes(parent.Parent()) {
					u.Escapes = true // a builder's result goes on elsewhere
				}
				continue
			}
			if len(path) > 0 {
				// A method of a field: it may set that field's fields.
				u.merge(Use{Set: path[:1], Methods: []string{p.Sel.Name}})
				continue
			}
			if !slices.Contains(u.Methods, p.Sel.Name) {
				u.Methods = append(u.Methods, p.Sel.Name)
			}
		case *ast.AssignStmt:
			if top.ParentEdgeKind() == edge.AssignStmt_Lhs {
				if top == cur {
					continue // v = T{...}: a value of its own
				}
				if len(path) == 0 {
					u.Escapes = true // *p = T{...}: every field given a value out of view here
					continue
				}
				for _, f := range path {
					if !slices.Contains(u.Set, f) {
						u.Set = append(u.Set, f)
					}
				}
				continue
			}
			if top == cur {
				u.Escapes = true // copied to another variable or field
			}
		case *ast.UnaryExpr:
			if _, isRet := parent.Parent().Node().(*ast.ReturnStmt); isRet && p.Op == token.AND && len(path) == 0 {
				u.Returned = true // return &v
				continue
			}
			if p.Op == token.AND && len(path) == 0 {
				// &v handed to a call is the value itself.
				if e.argUse(parent, &u) {
					continue
				}
			}
			if p.Op == token.AND {
				u.Escapes = true
			}
		case *ast.CallExpr:
			if top != cur && match.NamedStruct(info.TypeOf(top.Node().(ast.Expr))) == nil {
				continue // a field's value read: nothing of the value changes
			}
			if top == cur || len(path) > 0 {
				if !e.argUse(top, &u) {
					u.Escapes = true
				} else if len(path) > 0 {
					// A field's struct handed to a helper: it may set that field.
					u.Set = appendNew(u.Set, path[0])
				}
			}
		case *ast.ReturnStmt:
			if top == cur {
				u.Returned = true
			}
		default:
			if top == cur {
				switch parent.Node().(type) {
				case *ast.BinaryExpr, *ast.IfStmt, *ast.ExprStmt:
				default:
					u.Escapes = true // stored, sent, captured in a literal
				}
			}
		}
	}
	return u
}

// argUse merges, into u, what the call that the argument at arg is
// passed to does with it: false when it cannot be seen.
func (e *Engine) argUse(arg inspector.Cursor, u *Use) bool {
	if arg.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := arg.Parent().Node().(*ast.CallExpr)
	i := arg.ParentEdgeIndex()
	if c, ok := netreach.Classify(e.pass.TypesInfo, call); ok && c.Req == i {
		if u.Sends == "" {
			u.Sends = c.Name()
		}
		return true
	}
	fn := match.Callee(e.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if sig := fn.Signature(); sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	pu, ok := e.ParamUse(fn, i)
	if !ok {
		return false
	}
	u.merge(pu)
	return !pu.Returned || !resultEscapes(arg.Parent())
}

// resultEscapes reports whether the result of the call at cur is used
// other than as a statement of its own (a builder's result stored or
// passed on carries the value further).
func resultEscapes(cur inspector.Cursor) bool {
	_, ok := cur.Parent().Node().(*ast.ExprStmt)
	return !ok
}

// embeddedPath returns the names of the fields a field selection goes
// through, implicit embedded fields included, in order.
func embeddedPath(s *types.Selection) []string {
	var names []string
	t := s.Recv()
	for _, i := range s.Index() {
		st, ok := derefStruct(t)
		if !ok || i >= st.NumFields() {
			break
		}
		f := st.Field(i)
		names = append(names, f.Name())
		t = f.Type()
	}
	return names
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func runSummaries(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	e := &Engine{pass: pass, local: make(map[*types.Func]*Summary), writes: NewWrites(pass.Pkg, pass.TypesInfo, insp.Root())}
	if inGOROOT(pass) {
		// The standard library builds no request of a user's: its
		// network calls are classified by netreach, its other functions
		// need no summary. Leaving it keeps the facts cheap.
		return e, nil
	}
	e.decls = make(map[*types.Func]inspector.Cursor)
	generated := make(map[*types.Func]bool)
	for file := range insp.Root().Children() {
		gen := generatedFile(file.Node().(*ast.File))
		for cur := range file.Preorder((*ast.FuncDecl)(nil)) {
			fd := cur.Node().(*ast.FuncDecl)
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || fd.Body == nil || !interesting(fn) {
				continue
			}
			e.decls[fn] = cur
			e.order = append(e.order, fn)
			generated[fn] = gen && fd.Recv != nil
		}
	}
	for _, fn := range e.order {
		// A method's facts travel with every package that imports its
		// own, down the whole graph (the go/analysis facts of methods are
		// re-exported). The methods of generated code (API models'
		// marshalling, deep copies, setters and builders: most of the
		// methods of a Kubernetes or cloud SDK graph) export none: a
		// value given to one is out of view, and a method called on it
		// is judged by its name, as a method of a package without facts
		// is. Their own package still follows them.
		if generated[fn] {
			continue
		}
		if s := e.summaryOf(fn); s != nil && fn.Exported() {
			if f := factOf(s); f != nil {
				pass.ExportObjectFact(fn, f)
			}
		}
	}
	e.fieldOrigins(pass)
	return e, nil
}

// summaryOf returns the summary of the package's function fn, computing
// it (and those of the functions it calls) the first time. A function
// met again while its summary is being computed (recursion) has none:
// what it does is out of view for the functions of the cycle.
func (e *Engine) summaryOf(fn *types.Func) *Summary {
	if s, ok := e.local[fn]; ok {
		return s
	}
	decl, ok := e.decls[fn]
	if !ok {
		return nil
	}
	e.local[fn] = nil // in progress
	s := e.summarize(fn, decl)
	e.local[fn] = s
	return s
}

// generatedFile reports whether f is generated code: it has the
// standard "// Code generated ... DO NOT EDIT." comment, or a header
// comment (before the package clause, other than the package's doc
// comment) with a line that says the file was generated: one that
// starts "File generated", "Code generated", "This file was generated",
// "Auto-generated" and the like (stripe-go's "File generated from our
// OpenAPI spec"), or that says "generated by" (from, with) and "do not
// edit" ("AUTO-GENERATED FILE. Do not edit.", "Generated by X. DO NOT
// EDIT."). A
// package doc or licence that only mentions generated files, or asks
// not to edit something, is no such header.
func generatedFile(f *ast.File) bool {
	if ast.IsGenerated(f) {
		return true
	}
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		if g == f.Doc {
			continue
		}
		for line := range strings.Lines(g.Text()) {
			line = strings.ToLower(strings.TrimSpace(line))
			for _, prefix := range []string{"code generated ", "file generated ", "this file was generated ", "this file is generated ", "this file was automatically generated", "this file is automatically generated", "auto-generated ", "autogenerated ", "automatically generated "} {
				if strings.HasPrefix(line, prefix) {
					return true
				}
			}
			if strings.Contains(line, "do not edit") && (strings.Contains(line, "generated by") || strings.Contains(line, "generated from") || strings.Contains(line, "generated with") || strings.Contains(line, "auto-generated") || strings.Contains(line, "autogenerated")) {
				return true
			}
		}
	}
	return false
}

// inGOROOT reports whether the package is part of the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// factOf returns what of s other packages need, or nil: facts cross
// every package boundary, so they carry only what changes an answer. A
// use that escapes says no more than no use at all (out of view), and a
// receiver that is only read (a getter: most methods) would only repeat
// what the name of the method says.
func factOf(s *Summary) *Summary {
	f := &Summary{Fresh: s.Fresh}
	if f.Fresh != nil && f.Fresh.Escapes {
		f.Fresh = nil
	}
	for _, u := range s.Params {
		switch {
		case u.Escapes:
		case u.Index < 0 && len(u.Set) == 0 && len(u.Methods) == 0 && u.Sends == "" && !u.Returned:
		default:
			f.Params = append(f.Params, u)
		}
	}
	if f.Fresh == nil && len(f.Params) == 0 {
		return nil
	}
	return f
}

// interesting reports whether fn takes or returns a struct or a pointer
// to one: only those have summaries.
func interesting(fn *types.Func) bool {
	sig := fn.Signature()
	if r := sig.Recv(); r != nil && match.NamedStruct(r.Type()) != nil {
		return true
	}
	for v := range sig.Params().Variables() {
		if match.NamedStruct(v.Type()) != nil {
			return true
		}
	}
	return sig.Results().Len() > 0 && match.NamedStruct(sig.Results().At(0).Type()) != nil
}

// summarize computes fn's summary from its declaration.
func (e *Engine) summarize(fn *types.Func, decl inspector.Cursor) *Summary {
	s := new(Summary)
	body := decl.ChildAt(edge.FuncDecl_Body, -1)
	sig := fn.Signature()
	uses := make(map[types.Object][]inspector.Cursor)
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		if obj := e.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)]; obj != nil {
			if v, ok := obj.(*types.Var); ok && !v.IsField() && match.NamedStruct(v.Type()) != nil {
				uses[obj] = append(uses[obj], cur)
			}
		}
	}
	if r := sig.Recv(); r != nil && match.NamedStruct(r.Type()) != nil {
		u := e.useOfIdents(r, uses[r], nil)
		u.Index = -1
		if _, isPtr := types.Unalias(r.Type()).(*types.Pointer); isPtr {
			s.Params = append(s.Params, u)
		}
	}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if match.NamedStruct(p.Type()) == nil {
			continue
		}
		if _, isPtr := types.Unalias(p.Type()).(*types.Pointer); !isPtr {
			continue // a copy: nothing the function does reaches the caller's value
		}
		u := e.useOfIdents(p, uses[p], nil)
		u.Index = i
		s.Params = append(s.Params, u)
	}
	if sig.Results().Len() > 0 && match.NamedStruct(sig.Results().At(0).Type()) != nil {
		s.Fresh = e.fresh(body, uses, sig.Results().At(0))
	}
	return s
}

// fresh returns what a function makes and returns as result 0 (result,
// the variable of a named one), when every return gives it a value the
// function makes itself. A return of nil (return nil, err) gives none.
func (e *Engine) fresh(body inspector.Cursor, uses map[types.Object][]inspector.Cursor, result *types.Var) *Use {
	var out *Use
	ok := true
	for cur := range body.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		ret, isRet := cur.Node().(*ast.ReturnStmt)
		if !isRet || !ok {
			continue
		}
		if inLit(cur, body) {
			continue
		}
		var u Use
		var made bool
		switch {
		case len(ret.Results) == 0:
			// A bare return gives the named result its last value.
			if result.Name() == "" || result.Name() == "_" {
				ok = false
				continue
			}
			u, made = e.madeVar(body, result, result, uses, 0)
		case e.pass.TypesInfo.Types[ret.Results[0]].IsNil():
			continue
		default:
			u, made = e.made(body, ret.Results[0], uses, result, 0)
		}
		if !made {
			ok = false
			continue
		}
		if out == nil {
			out = &u
		} else {
			out.merge(u)
		}
	}
	if !ok || out == nil {
		return nil
	}
	return out
}

// inLit reports whether cur is inside a function literal within body.
func inLit(cur, body inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
		return e.Node().Pos() > body.Node().Pos()
	}
	return false
}

// made returns what a returned expression is, when the function makes
// it: a literal, new, a zero value, a factory's result or a local
// variable (or the named result) holding only those (with what the
// function does to it).
func (e *Engine) made(body inspector.Cursor, expr ast.Expr, uses map[types.Object][]inspector.Cursor, result *types.Var, depth int) (Use, bool) {
	info := e.pass.TypesInfo
	if depth > maxDepth {
		return Use{}, false
	}
	x := ast.Unparen(expr)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	var u Use
	if n := match.NamedStruct(info.TypeOf(x)); n != nil {
		u.Type = types.TypeString(n, nil)
	} else {
		return Use{}, false
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		set, all := litFields(x)
		if all {
			return Use{}, false
		}
		u.Set = set
		return u, true
	case *ast.CallExpr:
		if match.IsBuiltin(info, x, "new") {
			return u, true
		}
		if s := e.Summary(match.Callee(info, x)); s != nil && s.Fresh != nil {
			return *s.Fresh, true
		}
		return Use{}, false
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return Use{}, false
		}
		return e.madeVar(body, v, result, uses, depth)
	}
	return Use{}, false
}

// madeVar is made for a local variable v, or the function's named
// result (result), given values only in body.
func (e *Engine) madeVar(body inspector.Cursor, v, result *types.Var, uses map[types.Object][]inspector.Cursor, depth int) (Use, bool) {
	info := e.pass.TypesInfo
	var u Use
	if n := match.NamedStruct(v.Type()); n != nil {
		u.Type = types.TypeString(n, nil)
	} else {
		return Use{}, false
	}
	var defs []Def
	var ok bool
	if v == result {
		defs, ok = Assigned(info, body, v)
		ok = ok && len(defs) > 0
	} else {
		defs, ok = Defs(info, body, v)
	}
	if !ok {
		return Use{}, false
	}
	for _, d := range defs {
		if d.Expr == nil {
			continue
		}
		if d.Index != 0 {
			return Use{}, false
		}
		du, ok := e.made(body, d.Expr, uses, result, depth+1)
		if !ok {
			return Use{}, false
		}
		u.merge(du)
	}
	vu := e.useOfIdents(v, uses[v], nil)
	vu.Returned = false
	u.merge(vu)
	return u, true
}
