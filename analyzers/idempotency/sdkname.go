package idempotency

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/names"
)

// Two kinds of SDK write have no duplicate to fear, whatever their
// idempotency field says (tune corpus: rain's CloudFormation calls).

// sdkFillsToken reports whether the SDK fills field kf of the request
// type named, the input of operation op, itself when the caller leaves
// it unset. Both AWS SDKs for Go do, once per call and before their own
// retries, so every resend of the SDK carries the same token:
//   - v2 generates, for each operation whose input has an idempotency
//     token, an initialize step addIdempotencyToken_op<Op>Middleware
//     in the operation's package;
//   - v1 tags the field `idempotencyToken:"true"`, and its protocol
//     marshalers fill a tagged field that is empty when they build the
//     request, which they do once per call.
//
// A retry of the program around the call draws a new token per attempt,
// and is still reported.
func sdkFillsToken(named *types.Named, kf flow.Field, op string) bool {
	pkg := named.Obj().Pkg()
	if pkg != nil && op != "" {
		if _, ok := pkg.Scope().Lookup("addIdempotencyToken_op" + op + "Middleware").(*types.Func); ok {
			return true
		}
	}
	return tokenTagged(named, kf)
}

// tokenTagged reports whether field kf of the struct type t carries the
// tag idempotencyToken, following the embedded fields on its way.
func tokenTagged(t types.Type, kf flow.Field) bool {
	path := append(slices.Clone(kf.Embedded), kf.Name)
	for i, name := range path {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		found := false
		for j := range st.NumFields() {
			if f := st.Field(j); f.Name() == name {
				if i == len(path)-1 {
					return reflect.StructTag(st.Tag(j)).Get("idempotencyToken") != ""
				}
				t, found = f.Type(), true
				break
			}
		}
		if !found {
			return false
		}
	}
	return false
}

// namesResource reports whether the request arg sets, in view, the name
// of the resource that operation op acts on: a field whose words are the
// op's object words followed by name or identifier (CreateChangeSet with
// ChangeSetName, DeleteStack with StackName, CreateDBInstance with
// DBInstanceIdentifier). A cloud API keeps such names unique: a repeated
// create is refused as a duplicate, a repeated delete or execute finds
// the resource gone or already changed, so a replay cannot do the
// write twice. A name field of another resource (a CreateOrder given a
// CustomerName) or a bare Name is no such evidence.
func (c *checker) namesResource(cur inspector.Cursor, arg ast.Expr, op string) bool {
	ow := names.Words(op)
	if len(ow) < 2 {
		return false
	}
	object := ow[1:] // the words after the verb
	return c.setsField(cur, arg, func(field string) bool {
		fw := names.Words(field)
		if len(fw) < 2 {
			return false
		}
		last := fw[len(fw)-1]
		if last != "name" && last != "identifier" {
			return false
		}
		fw = fw[:len(fw)-1]
		// The field names the op's object, or its last words
		// (ExecuteChangeSet's ChangeSetName, CreateStackSet's StackSetName).
		return len(fw) <= len(object) && slices.Equal(object[len(object)-len(fw):], fw)
	})
}

// opName returns the operation's name from a function name as the value
// engine prints it: "(*ec2.Client).RunInstances" is RunInstances.
func opName(sends string) string {
	if i := strings.LastIndexByte(sends, '.'); i >= 0 {
		return sends[i+1:]
	}
	return sends
}
