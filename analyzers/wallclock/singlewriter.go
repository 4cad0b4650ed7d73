package wallclock

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// writers counts, per struct field, the places in the package that write
// it, and remembers whether the one write sets the value's identity
// from a random source beside it. A timestamp written once, when a
// value with a random identity is created (an instance's start time, a
// lock holder's acquisition time, a session's creation), has one
// writer: comparing two of them picks the older instance or the earlier
// session, it does not let one machine's write replace another's.
type writers struct {
	info   *types.Info
	writes *flow.Writes
	// added holds the fields the package adds to atomically
	// (atomic.AddInt64(&s.seq, 1), s.seq.Add(1)).
	added map[*types.Var]bool
}

func newWriters(info *types.Info, writes *flow.Writes) *writers {
	return &writers{info: info, writes: writes, added: make(map[*types.Var]bool)}
}

// noteAdd records the field an atomic add call adds to.
func (w *writers) noteAdd(call *ast.CallExpr) {
	fn := match.Callee(w.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" || !strings.HasPrefix(fn.Name(), "Add") {
		return
	}
	var loc ast.Expr
	if fn.Signature().Recv() == nil && len(call.Args) == 2 {
		if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
			loc = u.X
		}
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		loc = sel.X
	}
	if f := match.SelectedField(w.info, loc); loc != nil && f != nil {
		w.added[f] = true
	}
}

// incremented reports whether the package increments the field f (f++,
// f += n, atomic adds): a field seeded from the clock and then
// incremented is a counter.
func (w *writers) incremented(f *types.Var) bool {
	if w.added[f.Origin()] {
		return true
	}
	for _, wr := range w.writes.Of(f) {
		switch n := wr.Cursor.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ADD_ASSIGN {
				return true
			}
		case *ast.IncDecStmt:
			if n.Tok == token.INC {
				return true
			}
		}
	}
	return false
}

// single reports whether the package writes field f exactly once, beside
// a random identity; an increment is a writer of its own, and counts
// twice. A field it never writes (another package's type) has writers
// out of view.
func (w *writers) single(f *types.Var) bool {
	if f == nil {
		return false
	}
	f = f.Origin()
	count, random := 0, false
	for _, wr := range w.writes.Of(f) {
		switch n := wr.Cursor.Node().(type) {
		case *ast.AssignStmt:
			count++
			random = random || enclosingSetsRandomID(w.info, wr.Cursor, f)
		case *ast.IncDecStmt:
			count += 2
		case *ast.CompositeLit:
			count++
			for _, fv := range match.LiteralFields(w.info, n) {
				random = random || randomID(w.info, fv.Value)
			}
		}
		if count > 1 {
			return false
		}
	}
	return count == 1 && random
}

// enclosingSetsRandomID reports whether the function around cur also
// assigns a random identity to another field of f's struct.
func enclosingSetsRandomID(info *types.Info, cur inspector.Cursor, f *types.Var) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, body := match.FuncParts(fn.Node())
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				return !found
			}
			for i, lhs := range as.Lhs {
				if g := match.SelectedField(info, lhs); g != nil && g != f && randomID(info, as.Rhs[i]) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	return false
}

// randomPkgs are the last elements of the import paths of packages
// that make random identities.
var randomPkgs = map[string]bool{"uuid": true, "ksuid": true, "xid": true, "ulid": true, "shortid": true, "nanoid": true}

// randomID reports whether e calls something that draws a random
// identity: a UUID, KSUID, XID or ULID package, math/rand or crypto/rand.
func randomID(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := match.Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		p := fn.Pkg().Path()
		base := path.Base(p)
		if len(base) > 1 && base[0] == 'v' && base[1] >= '0' && base[1] <= '9' {
			base = path.Base(path.Dir(p)) // a major version: github.com/gofrs/uuid/v5
		}
		found = p == "math/rand" || p == "math/rand/v2" || p == "crypto/rand" || randomPkgs[base]
		return !found
	})
	return found
}
