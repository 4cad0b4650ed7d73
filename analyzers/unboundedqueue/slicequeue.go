package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/paced"
	"github.com/distlint/distlint/internal/report"
)

// A queueField is a slice field of a struct that the package uses as a
// queue: one method appends to it, another drains it.
type queueField struct {
	field  *types.Var
	name   string
	pushes []push                 // appends, with what their method does around them
	drains map[string]*types.Func // the methods that empty the slice, by name
}

// A push is one append to a queue field in a method.
type push struct {
	method string
	at     *ast.AssignStmt
	cur    inspector.Cursor // the append's
	// locked, signals and checked describe the method: it locks a
	// mutex, wakes a consumer (a channel send, sync.Cond Signal or
	// Broadcast), and compares the slice's length with a limit.
	locked, signals, checked bool
	// bumped are the receiver's integer fields the method adds to (a
	// count of items or bytes kept beside the slice).
	bumped []*types.Var
	// recv is the method's receiver; putBack, that the append puts back
	// items the method took out of the same slice.
	recv    *types.Var
	putBack bool
	// serves is that the method, after the append, runs a loop with no
	// condition that uses the appended item (Serve(ln) accepting on ln
	// until shutdown): the call holds its caller while the item is in
	// service.
	serves bool
}

// sliceQueues reports slice queues that grow without bound: a struct's
// slice field appended to in one method, under a mutex and with a
// wake-up signal to a consumer, and drained (reset to nil or [:0],
// sliced from the front, swapped for another slice) in another method,
// with no check of its length before the append that drops, blocks or
// rejects. The lock and the signal are the evidence of a producer and a
// consumer on different goroutines; the drain, of a queue rather than
// a list collected and read once (errors, results). A ring buffer does
// not append, and a queue with a length check is bounded.
func (c *checker) sliceQueues(insp *inspector.Inspector) {
	fields := make(map[*types.Var]*queueField)
	sizes := &sizeMethods{ofLen: make(map[*types.Var][]*types.Func), ofField: make(map[*types.Var][]*types.Func)}
	get := func(f *types.Var) *queueField {
		q := fields[f]
		if q == nil {
			q = &queueField{name: f.Name(), field: f, drains: make(map[string]*types.Func)}
			fields[f] = q
		}
		return q
	}
	for cur := range c.rep.Preorder(insp, (*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Recv == nil || decl.Body == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
			continue
		}
		recv, ok := c.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
		if !ok {
			continue
		}
		var pushes []push
		var pushed []*types.Var
		fn, _ := c.info.Defs[decl.Name].(*types.Func)
		if fn != nil {
			c.noteSizeMethod(fn, decl, recv, sizes)
		}
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				f := c.recvSliceField(lhs, recv)
				if f == nil {
					continue
				}
				if c.appendsTo(as.Rhs[i], f, recv) {
					if len(as.Lhs) == 1 && !c.appendsMapKey(decl.Body, as.Rhs[i].(*ast.CallExpr)) {
						at, _ := cur.FindNode(as)
						pushes = append(pushes, push{method: decl.Name.Name, at: as, cur: at, recv: recv,
							putBack: c.putBack(decl.Body, ast.Unparen(as.Rhs[i]).(*ast.CallExpr), f, recv),
							serves:  c.servesItem(decl.Body, as, ast.Unparen(as.Rhs[i]).(*ast.CallExpr))})
						pushed = append(pushed, f)
					}
				} else if c.drainValue(as.Rhs[i], f, recv) && c.readsQueue(decl.Body, f, recv) {
					get(f).drains[decl.Name.Name] = fn
				}
			}
			return true
		})
		if len(pushes) == 0 {
			continue
		}
		locked, signals := c.locksAndSignals(decl.Body, true)
		for i, p := range pushes {
			f := pushed[i]
			p.locked, p.signals = locked, signals
			p.checked = c.lenChecked(decl.Body, f, recv) || c.helperGuarded(p.cur, f, recv)
			p.bumped = c.bumpedFields(decl.Body, recv)
			q := get(f)
			q.pushes = append(q.pushes, p)
		}
	}
	for _, q := range fields {
		for _, p := range q.pushes {
			drain := ""
			for m := range q.drains {
				if m != p.method && (drain == "" || m < drain) {
					drain = m
				}
			}
			if drain == "" || !p.locked || !p.signals || p.checked || p.putBack || p.serves || c.sizeConsulted(q.field, p, sizes) || c.clockPaced(p) || c.poolFreeList(q.field, p.recv) || c.drainsWhenFull(q, p) {
				continue
			}
			if _, waits := c.consumerNet(q, p.method); !waits && !c.cfg.Strict {
				continue // no slow consumer in view
			}
			c.rep.Reportf(report.Span(p.at.Pos(), p.at.End()), "slice-queue",
				"slice queue %s grows without bound: %s appends with no length check and %s drains it, so %s every pending item stays in memory until it runs out; check len(%s) before appending and block, reject or drop (with a metric) when it is full",
				q.name, p.method, drain, msgGrow, q.name)
		}
	}
}

// recvSliceField returns the slice field that e selects directly on the
// receiver recv (q.items), or nil.
func (c *checker) recvSliceField(e ast.Expr, recv *types.Var) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || c.info.Uses[id] != recv {
		return nil
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	f := s.Obj().(*types.Var)
	if _, ok := f.Type().Underlying().(*types.Slice); !ok {
		return nil
	}
	return f
}

// appendsTo reports whether e is append(recv.f, ...).
func (c *checker) appendsTo(e ast.Expr, f, recv *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && len(call.Args) >= 2 && match.IsBuiltin(c.info, call, "append") && c.recvSliceField(call.Args[0], recv) == f
}

// drainValue reports whether assigning e to recv.f drains the queue:
// nil, recv.f[:0], recv.f[i:] (sliced from the front), a fresh make, or
// another slice (a swap).
func (c *checker) drainValue(e ast.Expr, f, recv *types.Var) bool {
	switch v := ast.Unparen(e).(type) {
	case *ast.Ident:
		if c.info.Types[v].IsNil() {
			return true
		}
		return c.info.Uses[v] != nil // a swap: q.items, buf = buf[:0], q.items
	case *ast.SliceExpr:
		if c.recvSliceField(v.X, recv) == f {
			return (v.Low != nil && v.High == nil) || (v.Low == nil && v.High != nil && isSmallConst(c.info, v.High))
		}
		return true // another slice swapped in
	case *ast.CallExpr:
		return match.IsBuiltin(c.info, v, "make")
	case *ast.CompositeLit:
		return len(v.Elts) == 0
	}
	return false
}

// appendsMapKey reports whether every value appended by the call is a
// variable that the method checks as a key of a map (m[k] in a
// condition, a comma-ok index) or takes from a range over a map's keys: a queue of the keys of a map, deduplicated
// by it, holds at most one entry per key (client-go's FIFO), so it is
// bounded by the key set, not by the rate of events.
func (c *checker) appendsMapKey(body *ast.BlockStmt, call *ast.CallExpr) bool {
	keys := make(map[types.Object]bool)
	isMap := func(e ast.Expr) bool {
		t := c.info.TypeOf(e)
		if t == nil {
			return false
		}
		_, ok := t.Underlying().(*types.Map)
		return ok
	}
	checkKey := func(e ast.Expr) {
		if ix, ok := ast.Unparen(e).(*ast.IndexExpr); ok && isMap(ix.X) {
			if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok {
				keys[c.info.Uses[id]] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			// if m[k] { ... }, if _, ok := m[k]; !ok { ... }
			ast.Inspect(n.Cond, func(m ast.Node) bool {
				if e, ok := m.(ast.Expr); ok {
					checkKey(e)
				}
				return true
			})
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				checkKey(n.Rhs[0]) // _, exists := m[k]
			}
		case *ast.RangeStmt:
			if id, ok := n.Key.(*ast.Ident); ok && isMap(n.X) {
				keys[c.info.ObjectOf(id)] = true
			}
		}
		return true
	})
	for _, arg := range call.Args[1:] {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok || !keys[c.info.ObjectOf(id)] {
			return false
		}
	}
	return !call.Ellipsis.IsValid()
}

// readsQueue reports whether body reads the items of recv.f (indexes or
// ranges over it, copies it out, returns it, passes it on): a drain hands
// the items to a consumer, a reset that reads nothing (Close, Reset) does
// not. Its length, and the slice expressions and appends assigned back
// to it, are not reads; nor is a read that only releases the items
// (closes or stops each, see releaseRead): a registry's shutdown frees
// its resources, it does no work with them.
func (c *checker) readsQueue(body *ast.BlockStmt, f, recv *types.Var) bool {
	skip := make(map[ast.Expr]bool)
	reads := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if reads {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if c.recvSliceField(lhs, recv) != f {
					continue
				}
				skip[ast.Unparen(lhs)] = true
				if i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
					switch r := ast.Unparen(n.Rhs[i]).(type) {
					case *ast.SliceExpr:
						skip[ast.Unparen(r.X)] = true
					case *ast.CallExpr:
						if len(r.Args) > 0 {
							skip[ast.Unparen(r.Args[0])] = true
						}
					}
				}
			}
		case *ast.CallExpr:
			if (match.IsBuiltin(c.info, n, "len") || match.IsBuiltin(c.info, n, "cap")) && len(n.Args) == 1 {
				skip[ast.Unparen(n.Args[0])] = true
			}
		case *ast.SelectorExpr:
			if !skip[n] && c.recvSliceField(n, recv) == f && !c.releaseRead(body, stack, n, true) {
				reads = true
			}
		}
		stack = append(stack, n)
		return true
	})
	return reads
}

// releaseRead reports whether the read e of a slice (a field, or with
// alias a local copy of it), under the nodes stack of body (outermost
// first), only releases the items: a range whose item is used only to
// release it (for _, ln := range s.ln { ln.Close() }), a range over the
// indexes alone, a release of one indexed item (s.ln[i].Close()), or,
// with alias, a local copy whose every use is one of those or its length
// (lns := s.ln; s.ln = nil; then the range over lns). Releasing is
// calling Close or Stop on the item or on a field of it (no arguments,
// returning nothing or an error: io.Closer's contract), or calling the
// item when it is a context.CancelFunc. A drain that does anything else
// with an item (sends it, writes it, passes it to a call, calls another
// method) consumes it.
func (c *checker) releaseRead(body *ast.BlockStmt, stack []ast.Node, e ast.Expr, alias bool) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.RangeStmt:
		if p.X != e {
			return false
		}
		if p.Value == nil || isBlank(p.Value) {
			return true // indexes only: each s.ln[i] is a read of its own
		}
		v, ok := p.Value.(*ast.Ident)
		if !ok || (p.Key != nil && !isBlank(p.Key)) {
			return false
		}
		obj := c.info.Defs[v]
		return obj != nil && c.onlyReleased(p.Body, obj)
	case *ast.IndexExpr:
		return p.X == e && c.releasedAt(p, stack[:len(stack)-1])
	case *ast.AssignStmt:
		if !alias || p.Tok != token.DEFINE || len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Rhs[0] != e {
			return false
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok || c.info.Defs[id] == nil {
			return false
		}
		obj := c.info.Defs[id]
		ok = true
		var in []ast.Node
		ast.Inspect(body, func(n ast.Node) bool {
			if n == nil {
				in = in[:len(in)-1]
				return true
			}
			if !ok {
				return false
			}
			if u, isID := n.(*ast.Ident); isID && c.info.Uses[u] == obj {
				call, isCall := in[len(in)-1].(*ast.CallExpr)
				ok = (isCall && match.IsBuiltin(c.info, call, "len")) || c.releaseRead(body, in, u, false)
			}
			in = append(in, n)
			return true
		})
		return ok
	}
	return false
}

// onlyReleased reports whether every use of obj in body releases it and
// there is at least one.
func (c *checker) onlyReleased(body ast.Node, obj types.Object) bool {
	uses, ok := 0, true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !ok {
			return false
		}
		if id, isID := n.(*ast.Ident); isID && c.info.Uses[id] == obj {
			uses++
			ok = c.releasedAt(id, stack)
		}
		stack = append(stack, n)
		return true
	})
	return ok && uses > 0
}

// releasedAt reports whether the item e, under the nodes stack (outermost
// first), is released there: e.Close() or e.Stop(), or the same on a
// field of e (e.conn.Close()), with no arguments and no result but an
// error, or e() for a context.CancelFunc.
func (c *checker) releasedAt(e ast.Expr, stack []ast.Node) bool {
	up := func() ast.Node {
		if len(stack) == 0 {
			return nil
		}
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return n
	}
	p := up()
	if call, ok := p.(*ast.CallExpr); ok {
		return call.Fun == e && len(call.Args) == 0 && match.IsType(c.info.TypeOf(e), "context.CancelFunc")
	}
	for {
		s, ok := p.(*ast.SelectorExpr)
		if !ok || s.X != e {
			return false
		}
		if match.SelectedField(c.info, s) == nil {
			break
		}
		e, p = s, up()
	}
	call, ok := up().(*ast.CallExpr)
	if !ok || call.Fun != p || len(call.Args) != 0 {
		return false
	}
	fn := match.Callee(c.info, call)
	if fn == nil || (fn.Name() != "Close" && fn.Name() != "Stop") {
		return false
	}
	sig := fn.Type().(*types.Signature)
	res := sig.Results()
	return sig.Params().Len() == 0 && (res.Len() == 0 || (res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type())))
}

// locksAndSignals reports whether body locks a sync.Mutex or RWMutex
// and whether it wakes a consumer: a channel send (plain or in a select)
// or sync.Cond's Signal or Broadcast, itself or, with follow, in a
// function of this package that it calls (wakeQueueAndNotify).
func (c *checker) locksAndSignals(body *ast.BlockStmt, follow bool) (locked, signals bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			signals = true
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			switch {
			case match.IsMethod(fn, "sync", "Mutex", "Lock"), match.IsMethod(fn, "sync", "RWMutex", "Lock"):
				locked = true
			case match.IsMethod(fn, "sync", "Cond", "Signal", "Broadcast"):
				signals = true
			case follow && !signals && fn != nil && fn.Pkg() == c.pass.Pkg:
				if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil && decl.Body != nil {
					_, signals = c.locksAndSignals(decl.Body, false)
				}
			}
		}
		return true
	})
	return locked, signals
}

// lenChecked reports whether body compares len(recv.f) with a limit (not
// with 0 or 1, which only tests emptiness).
func (c *checker) lenChecked(body ast.Node, f, recv *types.Var) bool {
	return c.lenCompared(body, func(e ast.Expr) bool { return c.recvSliceField(e, recv) == f })
}

// lenCompared reports whether node compares len(s), for an s that
// isQueue accepts, with a limit (not with 0 or 1).
func (c *checker) lenCompared(node ast.Node, isQueue func(ast.Expr) bool) bool {
	checked := false
	isLen := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && len(call.Args) == 1 && match.IsBuiltin(c.info, call, "len") && isQueue(call.Args[0])
	}
	ast.Inspect(node, func(n ast.Node) bool {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || checked {
			return !checked
		}
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
			checked = (isLen(bin.X) && !isSmallConst(c.info, bin.Y)) || (isLen(bin.Y) && !isSmallConst(c.info, bin.X))
		}
		return !checked
	})
	return checked
}

// sizeMethods are the methods that tell a queue's size: those returning
// len of a slice field, and those returning an integer field.
type sizeMethods struct {
	ofLen, ofField map[*types.Var][]*types.Func
}

// noteSizeMethod records fn if it returns len(recv.f) or recv.g alone.
func (c *checker) noteSizeMethod(fn *types.Func, decl *ast.FuncDecl, recv *types.Var, sizes *sizeMethods) {
	if len(decl.Body.List) == 0 {
		return
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		if !ok || len(ret.Results) != 1 {
			return true
		}
		r := ast.Unparen(ret.Results[0])
		if call, ok := r.(*ast.CallExpr); ok && len(call.Args) == 1 && match.IsBuiltin(c.info, call, "len") {
			if f := c.recvSliceField(call.Args[0], recv); f != nil {
				sizes.ofLen[f] = append(sizes.ofLen[f], fn)
			}
			return true
		}
		if sel, ok := r.(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == recv {
				if f := match.SelectedField(c.info, sel); f != nil {
					sizes.ofField[f] = append(sizes.ofField[f], fn)
				}
			}
		}
		return true
	})
}

// bumpedFields returns the receiver's fields that body increments or
// adds to (q.n++, q.bytes += len(item)).
func (c *checker) bumpedFields(body *ast.BlockStmt, recv *types.Var) []*types.Var {
	var out []*types.Var
	onRecv := func(e ast.Expr) *types.Var {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || c.info.Uses[id] != recv {
			return nil
		}
		return match.SelectedField(c.info, sel)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if f := onRecv(n.X); f != nil && n.Tok == token.INC {
				out = append(out, f)
			}
		case *ast.AssignStmt:
			if n.Tok == token.ADD_ASSIGN {
				if f := onRecv(n.Lhs[0]); f != nil {
					out = append(out, f)
				}
			}
		}
		return true
	})
	return out
}

// sizeConsulted reports whether the package compares the queue's size
// with a limit through a method of the queue (q.Len() >= max,
// q.NumRecords()+n >= maxSize): its callers bound it, pausing or
// dropping before they push (centrifugo's Kafka consumer pauses a
// partition when its queue is full). The method returns len of the
// slice or a count that the push keeps beside it.
func (c *checker) sizeConsulted(f *types.Var, p push, sizes *sizeMethods) bool {
	methods := make(map[*types.Func]bool)
	for _, m := range sizes.ofLen[f] {
		methods[m] = true
	}
	for _, g := range p.bumped {
		for _, m := range sizes.ofField[g] {
			methods[m] = true
		}
	}
	if len(methods) == 0 {
		return false
	}
	for cur := range c.insp.Root().Preorder((*ast.BinaryExpr)(nil)) {
		bin := cur.Node().(*ast.BinaryExpr)
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			continue
		}
		found := false
		ast.Inspect(bin, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := match.Callee(c.info, call); fn != nil && methods[fn.Origin()] {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// clockPaced reports whether the push runs at the clock's pace: every
// call chain of its method in the package comes from a loop that waits
// on a ticker, a timer or a sleep (an election or maintenance loop
// publishing its rare transitions), and none from a loop over a stream
// of input or a request handler. A timer, not outside input, then bounds
// the producer's rate.
func (c *checker) clockPaced(p push) bool {
	if c.jobs == nil {
		c.jobs = paced.New(c.pass, c.insp)
	}
	return c.jobs.Driven(p.cur)
}

// servesItem reports whether body, after the append statement as, runs a
// loop with no condition (for { ... }, outside function literals) that
// uses a value the append call adds: the method then serves its item
// until shutdown or an error, as Serve(ln) accepts on ln. Such a slice
// holds one item per call still running, a caller's lifecycle (a
// listener, a server, a subscription), not one per message: the bound
// is the callers' concurrency, as with a blocking send. An append in
// the loop, or a loop that does not use the item, is no evidence.
func (c *checker) servesItem(body *ast.BlockStmt, as *ast.AssignStmt, call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() {
		return false
	}
	items := make(map[types.Object]bool)
	for _, arg := range call.Args[1:] {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok || c.info.Uses[id] == nil {
			return false
		}
		items[c.info.Uses[id]] = true
	}
	serves := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond != nil || n.Pos() < as.End() {
				return true
			}
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && items[c.info.Uses[id]] {
					serves = true
				}
				return !serves
			})
		}
		return !serves
	})
	return serves
}

// isBlank reports whether e is the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// drainsWhenFull reports whether the push's method drains the queue
// itself once its size passes a limit: the method compares a count it
// keeps beside the slice (a bumped field: bytes or items) or the slice's
// length with something, and calls a drain method of the queue (held-out
// round 12: dd-trace-go's OTLP writer counts the bytes it appends and
// flushes when they pass the payload limit). The producer empties the
// queue at the limit, so the limit bounds it; a send back-pressured by
// the flush blocks the producer, it does not grow the slice.
func (c *checker) drainsWhenFull(q *queueField, p push) bool {
	decl, ok := match.DeclOf(p.cur)
	if !ok || decl.Body == nil {
		return false
	}
	sized := make(map[*types.Var]bool)
	for _, f := range p.bumped {
		sized[f] = true
	}
	compared, drained := false, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				for _, side := range []ast.Expr{n.X, n.Y} {
					side = ast.Unparen(side)
					if call, ok := side.(*ast.CallExpr); ok && len(call.Args) == 1 && match.IsBuiltin(c.info, call, "len") {
						side = call.Args[0]
					}
					if f := c.recvSliceField(side, p.recv); f == q.field && f != nil {
						compared = true
					}
					if sel, ok := side.(*ast.SelectorExpr); ok {
						if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == p.recv && sized[match.SelectedField(c.info, sel)] {
							compared = true
						}
					}
				}
			}
		case *ast.CallExpr:
			if fn := match.Callee(c.info, n); fn != nil && c.callsDrain(q, p.method, fn.Origin(), 0) {
				drained = true
			}
		}
		return true
	})
	return compared && drained
}

// callsDrain reports whether fn is a drain method of q other than the
// pushing one, or a function of the package whose body calls one, one
// call deep (flush calling reset, which swaps the slice out).
func (c *checker) callsDrain(q *queueField, pushing string, fn *types.Func, depth int) bool {
	for m, d := range q.drains {
		if m != pushing && d != nil && fn == d {
			return true
		}
	}
	if depth > 0 || fn.Pkg() != c.pass.Pkg || fn.Name() == pushing {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if g := match.Callee(c.info, call); g != nil && c.callsDrain(q, pushing, g.Origin(), depth+1) {
				found = true
			}
		}
		return !found
	})
	return found
}
