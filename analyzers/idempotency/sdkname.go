package idempotency

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/names"
)

// Two kinds of SDK write have no duplicate to fear, whatever their
// idempotency field says (tune corpus: rain's CloudFormation calls).

// sdkFillsToken reports whether the SDK fills the idempotency field of
// operation op itself when the caller leaves it unset. The AWS SDK for
// Go v2 generates, for each operation whose input has an idempotency
// token, an initialize step addIdempotencyToken_op<Op>Middleware that
// sets a random token once, before its retry loop: every resend of the
// SDK carries the same one. A retry of the program around the call draws
// a new token per attempt, and is still reported. pkg is the package of
// the operation's client or input.
func sdkFillsToken(pkg *types.Package, op string) bool {
	if pkg == nil || op == "" {
		return false
	}
	_, ok := pkg.Scope().Lookup("addIdempotencyToken_op" + op + "Middleware").(*types.Func)
	return ok
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
