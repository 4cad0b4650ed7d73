package wallclock

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// cursorWords name a position to resume reading from (a cursor, a
// checkpoint, a watermark): a clock reading there skips what other
// machines wrote with earlier clocks. They are not options: a cursor
// is one whatever the identity words are.
var cursorWords = map[string]bool{"cursor": true, "checkpoint": true, "watermark": true, "resume": true}

// uniqueWords are identity names whose promise is uniqueness; the others
// (seq, version, offset, ...) promise order.
var uniqueWords = map[string]bool{"id": true, "ids": true, "nonce": true, "nonces": true}

// maxDefDepth bounds how far local variables are followed back to
// time.Now (now := time.Now(); ts := now.UnixNano(); id := ts).
const maxDefDepth = 3

// identityNode checks the places a clock value can be given a name:
// assignments, declarations, struct and map literals, call arguments
// and return values.
func (c *checker) identityNode(cur inspector.Cursor) {
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, lhs := range n.Lhs {
			c.mapKey(cur, lhs)
			name, ok := c.targetName(lhs)
			if !ok {
				continue
			}
			c.identity(cur, n.Rhs[i], name, lhs)
		}
	case *ast.ValueSpec:
		if len(n.Names) != len(n.Values) {
			return
		}
		for i, id := range n.Names {
			c.identity(cur, n.Values[i], id.Name, id)
		}
	case *ast.CompositeLit:
		for _, elt := range n.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := c.info.ObjectOf(id).(*types.Var); ok && f.IsField() {
					c.identityOf(cur, kv.Value, id.Name, nil, f)
				}
				continue
			}
			if key, ok := c.constString(kv.Key); ok {
				c.identity(cur, kv.Value, key, nil)
			}
		}
	case *ast.CallExpr:
		c.identityArgs(cur, n)
	case *ast.ReturnStmt:
		c.identityReturn(cur, n)
	}
}

// targetName returns the name an assignment's left-hand side gives its
// value: a variable, a field, or a map entry with a constant string key.
func (c *checker) targetName(lhs ast.Expr) (string, bool) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		return l.Name, l.Name != "_"
	case *ast.SelectorExpr:
		return l.Sel.Name, true
	case *ast.IndexExpr:
		return c.constString(l.Index)
	}
	return "", false
}

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// identityArgs checks arguments passed to parameters named like an
// identity, and to one-argument setters (SetVersion, WithID).
func (c *checker) identityArgs(cur inspector.Cursor, call *ast.CallExpr) {
	if tv, ok := c.info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return
	}
	sig, ok := types.Unalias(c.info.TypeOf(call.Fun)).Underlying().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return
	}
	if name, value, ok := c.atomicStore(call); ok {
		c.identity(cur, value, name, nil)
		return
	}
	if fn := match.Callee(c.info, call); len(call.Args) == 2 && fn != nil && fn.Signature().Recv() != nil && !sig.Variadic() {
		// h.Set("X-Version", v), md.Append("version", v): a method
		// storing a value under a key, which names it. Functions (log
		// fields, format strings) are left alone.
		if key, ok := c.constString(call.Args[0]); ok {
			c.identity(cur, call.Args[1], key, nil)
			return
		}
	}
	for i, arg := range call.Args {
		pi := min(i, sig.Params().Len()-1)
		if sig.Variadic() && pi == sig.Params().Len()-1 {
			break // fmt-like variadics name nothing
		}
		name := sig.Params().At(pi).Name()
		if len(call.Args) == 1 {
			if fn := match.Callee(c.info, call); fn != nil {
				for _, prefix := range []string{"Set", "With"} {
					if rest, ok := strings.CutPrefix(fn.Name(), prefix); ok && rest != "" {
						name = rest
					}
				}
			}
		}
		if name != "" {
			c.identity(cur, arg, name, nil)
		}
	}
}

// atomicStore returns the name of the location that a sync/atomic store
// writes (atomic.StoreInt64(&s.seq, v), s.seq.Store(v)) and the value.
func (c *checker) atomicStore(call *ast.CallExpr) (string, ast.Expr, bool) {
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return "", nil, false
	}
	if fn.Signature().Recv() == nil {
		if !strings.HasPrefix(fn.Name(), "Store") && !strings.HasPrefix(fn.Name(), "Swap") || len(call.Args) != 2 {
			return "", nil, false
		}
		addr, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
		if !ok || addr.Op != token.AND {
			return "", nil, false
		}
		name, ok := c.targetName(addr.X)
		return name, call.Args[1], ok
	}
	if fn.Name() != "Store" && fn.Name() != "Swap" || len(call.Args) != 1 {
		return "", nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil, false
	}
	name, ok := c.targetName(sel.X)
	return name, call.Args[0], ok
}

// identityReturn checks values returned by functions named like an
// identity (newID, nextSeq) or into results so named.
func (c *checker) identityReturn(cur inspector.Cursor, ret *ast.ReturnStmt) {
	decl, ok := match.DeclOf(cur)
	if !ok || decl.Type.Results == nil {
		return
	}
	var names []string
	for _, f := range decl.Type.Results.List {
		if len(f.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	if len(names) != len(ret.Results) {
		return
	}
	for i, r := range ret.Results {
		name := names[i]
		if name == "" && len(names) == 1 {
			name = decl.Name.Name
		}
		if name != "" {
			c.identity(cur, r, name, nil)
		}
	}
}

// identity reports value if it is the wall clock and name says identity
// or order. target, when not nil, is where the value is stored, so that
// a clamp that makes it monotonic can be seen.
func (c *checker) identity(cur inspector.Cursor, value ast.Expr, name string, target ast.Expr) {
	var field *types.Var
	if target != nil {
		field = match.SelectedField(c.info, target)
	}
	c.identityOf(cur, value, name, target, field)
}

// identityOf is identity for a value stored in field (nil for none).
func (c *checker) identityOf(cur inspector.Cursor, value ast.Expr, name string, target ast.Expr, field *types.Var) {
	word, ok := identityName(name, c.identNames)
	if !ok {
		word, ok = identityName(name, cursorWords)
	}
	if !ok {
		return
	}
	if !c.isIntOrString(value) {
		return
	}
	if id, ok := ast.Unparen(value).(*ast.Ident); ok {
		if _, named := identityName(id.Name, c.identNames); named {
			return // reported where the variable got the clock
		}
	}
	scope, inFunc := flow.EnclosingFunc(cur)
	if !c.clockValue(value, scope, inFunc, 0) {
		return
	}
	if target != nil && inFunc {
		if p, ok := flow.PathOf(c.info, target); ok && (c.clamped(scope, p) || c.counted(scope, p)) {
			return
		}
	}
	if field != nil && c.writers.incremented(field) {
		return // a counter seeded from the clock
	}
	if field != nil && !uniqueWords[word] && !cursorWords[word] && c.equalityOnly(field) {
		return // a window's key, compared only for equality with the clock
	}
	if target != nil && inFunc && c.onlyPrinted(scope, target) {
		return // a local reading only shown to an operator: the name is all there is
	}
	if cursorWords[word] {
		c.rep.Reportf(value, "identity",
			"wall-clock time used as a resume %s (%s): a write committed on another machine, or later with an earlier clock, falls behind the cursor and is never read; resume from an offset, sequence number or version assigned by one source", word, name)
		return
	}
	if uniqueWords[word] {
		if c.jobs.Driven(cur) {
			// One value per tick of a clock-paced loop (a heartbeat's
			// nonce): two calls cannot share a tick in this process,
			// and no other machine's values are in view.
			return
		}
		c.rep.Reportf(value, "identity",
			"wall-clock time used as identifier (%s): two machines, or two calls within the clock's resolution, get the same value; use a random ID (UUID) or a counter", name)
		return
	}
	c.rep.Reportf(value, "identity",
		"wall-clock time used as %s (%s): clock skew and clock steps give a later event a smaller value; use a counter or a sequence number from one source, or a logical clock", word, name)
}

// isIntOrString reports whether e's type is an integer or a string.
func (c *checker) isIntOrString(e ast.Expr) bool {
	t := c.info.TypeOf(e)
	if t == nil || match.IsType(t, "time.Duration") {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsString) != 0
}

// clockValue reports whether e is computed from time.Now alone: its
// Unix*, Format or String, converted, formatted with fmt or strconv, or
// combined with constants.
func (c *checker) clockValue(e ast.Expr, scope inspector.Cursor, inFunc bool, depth int) bool {
	if depth > maxDefDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return inFunc && flow.EachDef(c.info, scope, e, func(d flow.Def) bool { return c.wholeValue(d) && c.clockValue(d.Expr, scope, inFunc, depth+1) })
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL, token.SHR:
		default:
			return false
		}
		switch {
		case c.isConst(e.Y):
			return c.clockValue(e.X, scope, inFunc, depth+1)
		case c.isConst(e.X):
			return c.clockValue(e.Y, scope, inFunc, depth+1)
		}
		return false
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.clockValue(e.Args[0], scope, inFunc, depth+1) // int64(...), string(...)
		}
		fn := match.Callee(c.info, e)
		switch {
		case match.IsMethod(fn, timePkg, "Time", "Unix", "UnixNano", "UnixMilli", "UnixMicro", "Format", "String"):
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			return ok && c.clockTime(sel.X, scope, inFunc, depth+1)
		case match.IsFunc(fn, "strconv", "FormatInt", "FormatUint", "Itoa", "Quote"):
			return len(e.Args) > 0 && c.clockValue(e.Args[0], scope, inFunc, depth+1)
		case match.IsFunc(fn, "fmt", "Sprint", "Sprintf", "Sprintln"):
			args := e.Args
			if fn.Name() == "Sprintf" {
				if len(args) == 0 || !c.isConst(args[0]) {
					return false
				}
				args = args[1:]
			}
			clock := false
			for _, a := range args {
				switch {
				case c.isConst(a):
				case c.clockTime(a, scope, inFunc, depth+1) || c.clockValue(a, scope, inFunc, depth+1):
					clock = true
				default:
					return false // another source (a host name, a random part) makes it unique
				}
			}
			return clock
		}
	}
	return false
}

// clockTime reports whether e is a reading of the wall clock:
// time.Now(), through UTC, Local, In, Round or Truncate, or a local
// variable holding one.
func (c *checker) clockTime(e ast.Expr, scope inspector.Cursor, inFunc bool, depth int) bool {
	if depth > maxDefDepth+2 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return inFunc && flow.EachDef(c.info, scope, e, func(d flow.Def) bool { return c.wholeValue(d) && c.clockTime(d.Expr, scope, inFunc, depth+1) })
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		switch {
		case match.IsFunc(fn, timePkg, "Now"):
			return true
		case match.IsMethod(fn, timePkg, "Time", "UTC", "Local", "In", "Round", "Truncate"):
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			return ok && c.clockTime(sel.X, scope, inFunc, depth+1)
		}
	}
	return false
}

// wholeValue reports whether a definition gives its variable a whole
// value: not the zero value of a declaration, and not one of several
// results of a call.
func (c *checker) wholeValue(d flow.Def) bool {
	if d.Expr == nil || d.Index != 0 {
		return false
	}
	if call, ok := ast.Unparen(d.Expr).(*ast.CallExpr); ok {
		if tup, ok := c.info.TypeOf(call).(*types.Tuple); ok && tup.Len() > 1 {
			return false
		}
	}
	return true
}

func (c *checker) isConst(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil
}

// clamped reports whether scope compares location p with an ordering
// operator in an if whose body assigns p: the clamp that makes a clock
// reading monotonic (if ts <= last { ts = last + 1 }).
func (c *checker) clamped(scope inspector.Cursor, p flow.Path) bool {
	is := func(e ast.Expr) bool {
		q, ok := flow.PathOf(c.info, e)
		return ok && q.Equal(p)
	}
	for cur := range scope.Preorder((*ast.IfStmt)(nil)) {
		s := cur.Node().(*ast.IfStmt)
		compared := false
		ast.Inspect(s.Cond, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && isOrdering(b.Op) && (is(b.X) || is(b.Y)) {
				compared = true
			}
			return !compared
		})
		if !compared {
			continue
		}
		assigned := false
		ast.Inspect(s.Body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if is(l) {
						assigned = true
					}
				}
			}
			if inc, ok := n.(*ast.IncDecStmt); ok && is(inc.X) {
				assigned = true
			}
			return !assigned
		})
		if assigned {
			return true
		}
	}
	return false
}

// equalityOnly reports whether field is an unexported field (no encoder
// puts it on the wire) whose every read in the package (outside its
// tests, which may assert its value) is an operand of
// == or != (a rate limiter's current second, compared with the clock to
// start a new window): nothing orders by it and it leaves the process
// only through code that would read it another way. A step of the clock
// starts a window early or late; no event is put before another.
func (c *checker) equalityOnly(field *types.Var) bool {
	if field.Exported() {
		return false
	}
	if v, ok := c.eqOnly[field]; ok {
		return v
	}
	only := true
	for _, f := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue // a test asserting the value orders nothing
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if !only {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if match.SelectedField(c.info, l) != field {
						c.onlyCompared(l, field, &only) // m[x.f] = v reads it
					} else if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
						only = false // x.f += d: arithmetic on it
					}
				}
				for _, r := range n.Rhs {
					c.onlyCompared(r, field, &only)
				}
				return false
			case *ast.BinaryExpr:
				if (n.Op == token.EQL || n.Op == token.NEQ) && (match.SelectedField(c.info, n.X) == field || match.SelectedField(c.info, n.Y) == field) {
					return false
				}
			case *ast.IncDecStmt:
				if match.SelectedField(c.info, n.X) == field {
					only = false
				}
			case *ast.SelectorExpr:
				if c.readsField(n, field) {
					only = false
				}
			}
			return only
		})
	}
	c.eqOnly[field] = only
	return only
}

// readsField reports whether n selects field.
func (c *checker) readsField(n ast.Node, field *types.Var) bool {
	sel, ok := n.(*ast.SelectorExpr)
	return ok && match.SelectedField(c.info, sel) == field
}

// onlyCompared clears *only when e reads field other than as an
// operand of == or !=.
func (c *checker) onlyCompared(e ast.Expr, field *types.Var, only *bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if !*only {
			return false
		}
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) &&
			(c.readsField(ast.Unparen(b.X), field) || c.readsField(ast.Unparen(b.Y), field)) {
			return false
		}
		if c.readsField(n, field) {
			*only = false
		}
		return *only
	})
}
