package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// An identified body is a request body that is the encoding of a value
// whose type carries its own identity (a WebhookEvent with its unique
// Id): the receiver recognises a repeat by it, as it would by an
// idempotency key, as long as every attempt sends the same identifier.
type identified struct {
	encode *ast.CallExpr // the call that encodes the value (json.Marshal)
	value  ast.Expr      // the value encoded
	field  *types.Var    // its identity field, or nil for a GetId getter
	name   string        // the type and field, for the record (Event.ID)
	// constant: the value is a struct literal whose fields are all
	// constants or locals given only constants (Value: role, role
	// "primary" or "replica"): a set-to-value write whose repeat leaves
	// the same state.
	constant bool
}

// identityFields are the names of the fields that hold the sender's own
// identifier of the thing sent. Names of references to other things
// (CustomerID, OrderID) are not among them: they name what the message
// is about, not the message.
var identityFields = []string{
	"ID", "Id", "UUID", "Uuid",
	"EventID", "EventId", "MessageID", "MessageId", "RequestID", "RequestId",
	"IdempotencyKey", "DedupID",
}

// encodedArg returns the index of the argument that a call of fn
// encodes whole into the bytes it returns (json.Marshal,
// protojson.Marshal, proto.Marshal, a function with an EncodesParam
// fact), or -1.
func (c *checker) encodedArg(fn *types.Func) int {
	const (
		protojsonPkg = "google.golang.org/protobuf/encoding/protojson"
		protoPkg     = "google.golang.org/protobuf/proto"
		oldProtoPkg  = "github.com/golang/protobuf/proto"
	)
	switch {
	case match.IsFunc(fn, "encoding/json", "Marshal", "MarshalIndent"),
		match.IsFunc(fn, "encoding/xml", "Marshal", "MarshalIndent"),
		match.IsFunc(fn, protojsonPkg, "Marshal"), match.IsFunc(fn, protoPkg, "Marshal"),
		match.IsFunc(fn, oldProtoPkg, "Marshal"),
		match.IsMethod(fn, protojsonPkg, "MarshalOptions", "Marshal"),
		match.IsMethod(fn, protoPkg, "MarshalOptions", "Marshal"):
		return 0
	}
	var enc EncodesParam
	if fn != nil && c.pass.ImportObjectFact(fn, &enc) {
		return enc.Index
	}
	return -1
}

// bodyIdentity returns what identifies the request body e, or nil: e
// must be, through readers, conversions and local variables given one
// value, the result of an encoding call whose argument's type has an
// identity field. A map, a form, or a type without such a field has no
// identity of its own.
func (f *funcFlow) bodyIdentity(e ast.Expr) *identified {
	return f.followBody(e, e, 0)
}

// followBody is bodyIdentity for e, a part of the body expression top.
func (f *funcFlow) followBody(top, e ast.Expr, depth int) *identified {
	info := f.c.info
	if e == nil || depth > 6 {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || !f.locals[v] {
			return nil
		}
		if isBuffer(v.Type()) {
			return f.bufferIdentity(top, v)
		}
		defs, ok := flow.Defs(info, f.body, v)
		if !ok || len(defs) != 1 {
			return nil // given several values: not the same bytes on every path
		}
		if defs[0].Index == 0 {
			return f.followBody(top, defs[0].Expr, depth+1)
		}
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND {
			if v, ok := info.Uses[id].(*types.Var); ok && f.locals[v] && isBuffer(v.Type()) {
				return f.bufferIdentity(top, v)
			}
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.followBody(top, x.Args[0], depth+1) // string(b), []byte(s)
		}
		fn := match.Callee(info, x)
		switch {
		case fn == nil:
		case match.IsFunc(fn, "bytes", "NewReader", "NewBuffer"), match.IsFunc(fn, "strings", "NewReader"), match.IsFunc(fn, "io", "NopCloser"):
			if len(x.Args) == 1 {
				return f.followBody(top, x.Args[0], depth+1)
			}
		case match.IsMethod(fn, "bytes", "Buffer", "Bytes", "String"):
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return f.followBody(top, sel.X, depth+1)
			}
		default:
			if i := f.c.encodedArg(fn); i >= 0 && i < len(x.Args) {
				if id := identityOf(info, x, x.Args[i]); id != nil {
					return id
				}
				if f.constantValue(x.Args[i], 0) {
					return &identified{encode: x, value: x.Args[i], name: "constant", constant: true}
				}
			}
		}
	}
	return nil
}

// bufferIdentity returns what identifies the content of the local
// buffer v when it is written once, by json.NewEncoder(&v).Encode(x),
// and otherwise only read or given as the body top.
func (f *funcFlow) bufferIdentity(top ast.Expr, v *types.Var) *identified {
	info := f.c.info
	var id *identified
	for _, u := range flow.Uses(info, f.body, v) {
		if n := u.Node(); n.Pos() >= top.Pos() && n.End() <= top.End() {
			continue // the body itself
		}
		at := u
		if un, ok := at.Parent().Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
			at = at.Parent()
		}
		newEnc, ok := at.Parent().Node().(*ast.CallExpr)
		if !ok || !match.IsFunc(match.Callee(info, newEnc), "encoding/json", "NewEncoder") {
			if sel, isSel := at.Parent().Node().(*ast.SelectorExpr); isSel {
				if fn, isFn := info.Uses[sel.Sel].(*types.Func); isFn && match.IsMethod(fn, "bytes", "Buffer", "Bytes", "String", "Len") {
					continue // read
				}
			}
			if _, isDecl := at.Parent().Node().(*ast.ValueSpec); isDecl {
				continue
			}
			return nil
		}
		// json.NewEncoder(&v).Encode(x), the only write.
		sel, ok := at.Parent().Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Encode" {
			return nil
		}
		enc, ok := at.Parent().Parent().Parent().Node().(*ast.CallExpr)
		if !ok || len(enc.Args) != 1 || id != nil {
			return nil
		}
		if id = identityOf(info, enc, enc.Args[0]); id == nil {
			return nil
		}
	}
	return id
}

func isBuffer(t types.Type) bool { return match.IsTypeOrPointer(t, "bytes.Buffer") }

// identityOf returns the identity of the value x encoded by call, if its
// type has an identity field (or a protobuf GetId getter).
func identityOf(info *types.Info, call *ast.CallExpr, x ast.Expr) *identified {
	t := info.TypeOf(x)
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, isStruct := n.Underlying().(*types.Struct); !isStruct {
		return nil // a map, a slice, a string: no identity of its own
	}
	for _, name := range identityFields {
		obj, _, _ := types.LookupFieldOrMethod(n, true, n.Obj().Pkg(), name)
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Exported() {
			return &identified{encode: call, value: x, field: v, name: n.Obj().Name() + "." + name}
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(n, true, n.Obj().Pkg(), "GetId")
	if fn, ok := obj.(*types.Func); ok && fn.Signature().Params().Len() == 0 && fn.Signature().Results().Len() == 1 {
		return &identified{encode: call, value: x, name: n.Obj().Name() + ".GetId"}
	}
	return nil
}

// stableIdentity reports whether every attempt of a write whose body is
// id sends the same identifier: the value is encoded outside the code
// run again on each attempt (scope; none when the client itself
// replays the request it was given), or inside it with neither its
// identity field assigned there nor the value made there by a call.
func (f *funcFlow) stableIdentity(id *identified, scope inspector.Cursor) bool {
	if id == nil {
		return false
	}
	if id.constant {
		return true // the same constants on every attempt
	}
	if !scope.Valid() {
		return true // the client replays the request it was given
	}
	sn := scope.Node()
	within := func(n ast.Node) bool { return n.Pos() >= sn.Pos() && n.End() <= sn.End() }
	if !within(id.encode) {
		return true // encoded once, before the first attempt
	}
	info := f.c.info
	// A value made on each attempt by a call may get a new identifier.
	if p, ok := flow.PathOf(info, unaddr(id.value)); ok && sn.Pos() <= p.Root.Pos() && p.Root.Pos() < sn.End() {
		defs, ok := flow.Defs(info, scope, p.Root)
		if !ok {
			return false
		}
		for _, d := range defs {
			if _, isLit := ast.Unparen(unaddr(d.Expr)).(*ast.CompositeLit); d.Expr != nil && !isLit {
				return false
			}
		}
	}
	if id.field == nil {
		return true
	}
	// The identity field assigned on each attempt (ev.ID = uuid.NewString(),
	// Event{ID: newID()}): every attempt is a new message.
	for cur := range scope.Preorder((*ast.SelectorExpr)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if s, ok := info.Selections[n]; ok && s.Obj() == id.field {
				if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && isLHS(as, n) {
					return false
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && info.ObjectOf(key) == id.field {
				return false
			}
		}
	}
	return true
}

func isLHS(as *ast.AssignStmt, e ast.Expr) bool {
	for _, l := range as.Lhs {
		if ast.Unparen(l) == e {
			return true
		}
	}
	return false
}

func unaddr(e ast.Expr) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return u.X
	}
	return e
}

// argAt returns the i-th argument of call, or nil.
func argAt(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// constantValue reports whether e, an encoded value, is built from
// constants alone: a struct literal (or its address) whose every field
// value is a constant, a local variable whose every assignment in the
// function is a constant (a choice between constants), or such a
// literal in turn. A parameter, a field, a call or a map carries data
// that may differ between calls.
func (f *funcFlow) constantValue(e ast.Expr, depth int) bool {
	info := f.c.info
	if e == nil || depth > 4 {
		return false
	}
	e = ast.Unparen(unaddr(e))
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if _, isStruct := types.Unalias(info.TypeOf(x)).Underlying().(*types.Struct); !isStruct {
			return false
		}
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !f.constantValue(elt, depth+1) {
				return false
			}
		}
		return true
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || !f.locals[v] {
			return false
		}
		defs, ok := flow.Defs(info, f.body, v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil || d.Index != 0 {
				return false
			}
			if tv, ok := info.Types[ast.Unparen(d.Expr)]; !ok || tv.Value == nil {
				return false
			}
		}
		return true
	}
	return false
}

// contentWords name a query parameter that carries a digest of the
// content written: a write so addressed names its own content, and the
// receiver stores a repeat under the same name (an OCI registry's blob
// upload, POST /v2/<name>/blobs/uploads/?digest=sha256:...).
var contentWords = map[string]bool{"digest": true, "sha256": true, "sha512": true, "checksum": true}

// namesContent reports whether the function sets, on a url.Values, a
// query parameter whose constant name says it is a digest of the
// content (q.Set("digest", blob.Digest)): its writes are addressed by
// their content, so a replay after a lost response writes the same
// thing under the same name.
func (f *funcFlow) namesContent() bool {
	found := false
	for cur := range f.body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !match.IsMethod(match.Callee(f.c.info, call), "net/url", "Values", "Set", "Add") || len(call.Args) != 2 {
			continue
		}
		if key, ok := match.ConstString(f.c.info, call.Args[0]); ok && names.HasWord(key, func(w string) bool { return contentWords[w] }) {
			found = true
			break
		}
	}
	return found
}
