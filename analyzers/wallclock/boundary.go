package wallclock

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// boundary answers, per type and once per pass, whether values of a
// struct type cross a process boundary.
type boundary struct {
	cache map[*types.TypeName]bool
	// decoded holds the types whose values this package decodes from
	// the wire (json.Unmarshal, Decoder.Decode, Rows.Scan into them).
	decoded map[*types.TypeName]bool
	// writes are the package's writes of struct fields.
	writes *flow.Writes
}

func newBoundary(writes *flow.Writes) *boundary {
	return &boundary{
		cache:   make(map[*types.TypeName]bool),
		decoded: make(map[*types.TypeName]bool),
		writes:  writes,
	}
}

// isDecoded reports whether the package decodes values of type t.
func (b *boundary) isDecoded(t types.Type) bool {
	n := namedStruct(t)
	return n != nil && b.decoded[n.Obj()]
}

// stamped reports whether this package writes the struct field f, in
// an assignment (an operator assignment included) or a composite
// literal: values whose timestamps the package sets itself are (at
// least partly) its own.
func (b *boundary) stamped(f *types.Var) bool {
	for _, w := range b.writes.Of(f) {
		switch w.Cursor.Node().(type) {
		case *ast.AssignStmt, *ast.CompositeLit:
			return true
		}
	}
	return false
}

// namedStruct returns the generic origin of the named struct type that t
// is, points to, or aliases, or nil.
func namedStruct(t types.Type) *types.Named {
	if n := match.NamedStruct(t); n != nil {
		return n.Origin()
	}
	return nil
}

// crosses reports whether values of type t (a struct or a pointer to
// one) are sent to or received from another process: the struct has
// serialization tags (itself or in an embedded struct), is a generated
// protobuf message, or is decoded from the wire in this package.
func (b *boundary) crosses(t types.Type) bool {
	n := namedStruct(t)
	if n == nil {
		// An unnamed struct: tags only.
		if st, ok := types.Unalias(t).Underlying().(*types.Struct); ok {
			return hasWireTags(st, b, 0)
		}
		return false
	}
	obj := n.Obj()
	if v, ok := b.cache[obj]; ok {
		return v
	}
	b.cache[obj] = false // cycles through embedding end here
	v := b.decoded[obj] || isProtoMessage(n) || !isConfigType(n) && hasWireTags(n.Underlying().(*types.Struct), b, 0)
	b.cache[obj] = v
	return v
}

// configPkgs are the package names that hold a program's configuration.
var configPkgs = map[string]bool{
	"config": true, "configs": true, "configuration": true, "conf": true, "cfg": true, "settings": true,
}

// isConfigType reports whether n is configuration: it is declared in a
// package named config (conf, cfg, settings), or its name ends in
// Config, Configuration or Settings. Its serialization tags are for a
// local configuration file or API, not evidence that its values come
// from other machines; decoding in the package or a protobuf message
// still is.
func isConfigType(n *types.Named) bool {
	obj := n.Obj()
	if obj.Pkg() != nil && configPkgs[obj.Pkg().Name()] {
		return true
	}
	ws := names.Words(obj.Name())
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "config", "configuration", "settings":
		return true
	}
	return false
}

// hasWireTags reports whether a field of st, or of a struct it embeds,
// has a serialization tag.
func hasWireTags(st *types.Struct, b *boundary, depth int) bool {
	for i := range st.NumFields() {
		if match.WireTag(st.Tag(i)) {
			return true
		}
		if f := st.Field(i); f.Embedded() && depth < 3 {
			if namedStruct(f.Type()) != nil {
				if b.crosses(f.Type()) {
					return true
				}
			} else if inner, ok := types.Unalias(f.Type()).Underlying().(*types.Struct); ok && hasWireTags(inner, b, depth+1) {
				return true
			}
		}
	}
	return false
}

// isProtoMessage reports whether n is a generated protobuf message: it
// has a protoimpl.MessageState field or a ProtoReflect method.
func isProtoMessage(n *types.Named) bool {
	st := n.Underlying().(*types.Struct)
	for i := range st.NumFields() {
		t := st.Field(i).Type()
		if match.IsType(t, "google.golang.org/protobuf/internal/impl.MessageState") ||
			match.IsType(t, "google.golang.org/protobuf/runtime/protoimpl.MessageState") {
			return true
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), false, nil, "ProtoReflect")
	fn, ok := obj.(*types.Func)
	return ok && fn.Signature().Params().Len() == 0 && fn.Signature().Results().Len() == 1
}

// decoders are the functions and methods whose argument at index arg
// receives values decoded from the wire.
var decoders = []struct {
	pkg, recv string
	names     []string
	arg       int // -1: every argument
}{
	{"encoding/json", "", []string{"Unmarshal"}, 1},
	{"encoding/json", "Decoder", []string{"Decode"}, 0},
	{"encoding/xml", "", []string{"Unmarshal"}, 1},
	{"encoding/xml", "Decoder", []string{"Decode", "DecodeElement"}, 0},
	{"encoding/gob", "Decoder", []string{"Decode"}, 0},
	{"gopkg.in/yaml.v2", "", []string{"Unmarshal", "UnmarshalStrict"}, 1},
	{"gopkg.in/yaml.v3", "", []string{"Unmarshal"}, 1},
	{"gopkg.in/yaml.v3", "Decoder", []string{"Decode"}, 0},
	{"sigs.k8s.io/yaml", "", []string{"Unmarshal", "UnmarshalStrict"}, 1},
	{"google.golang.org/protobuf/proto", "", []string{"Unmarshal"}, 1},
	{"github.com/vmihailenco/msgpack/v5", "", []string{"Unmarshal"}, 1},
	{"go.mongodb.org/mongo-driver/bson", "", []string{"Unmarshal"}, 1},
	{"database/sql", "Rows", []string{"Scan"}, -1},
	{"database/sql", "Row", []string{"Scan"}, -1},
}

// noteDecode records the types of the values that call decodes into,
// if it is a decoding call.
func (b *boundary) noteDecode(info *types.Info, call *ast.CallExpr) {
	fn := match.Callee(info, call)
	if fn == nil {
		return
	}
	for _, d := range decoders {
		if d.recv == "" && !match.IsFunc(fn, d.pkg, d.names...) || d.recv != "" && !match.IsMethod(fn, d.pkg, d.recv, d.names...) {
			continue
		}
		for i, arg := range call.Args {
			if d.arg >= 0 && i != d.arg {
				continue
			}
			b.noteDecodedValue(info, arg, d.arg < 0)
		}
		return
	}
}

// noteDecodedValue marks the struct types that a decoding target holds:
// &v and the elements of slices, arrays and maps; with fields (Scan),
// the struct owning &v.Field too, as Rows.Scan(&e.ID, ...) fills e.
// (json.Unmarshal(b, &c.opts) decodes c.opts, not c.)
func (b *boundary) noteDecodedValue(info *types.Info, arg ast.Expr, fields bool) {
	arg = ast.Unparen(arg)
	if u, ok := arg.(*ast.UnaryExpr); ok && fields {
		if sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				b.markType(info.TypeOf(sel.X), 0)
			}
		}
	}
	b.markType(info.TypeOf(arg), 0)
}

func (b *boundary) markType(t types.Type, depth int) {
	if t == nil || depth > 4 {
		return
	}
	if n := namedStruct(t); n != nil {
		b.decoded[n.Obj()] = true
		delete(b.cache, n.Obj())
		return
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Pointer:
		b.markType(u.Elem(), depth+1)
	case *types.Slice:
		b.markType(u.Elem(), depth+1)
	case *types.Array:
		b.markType(u.Elem(), depth+1)
	case *types.Map:
		b.markType(u.Elem(), depth+1)
	}
}
