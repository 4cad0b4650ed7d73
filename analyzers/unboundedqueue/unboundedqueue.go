package unboundedqueue

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "unboundedqueue"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/unboundedqueue"

// DefaultMaxBuffer is the default smallest channel buffer reported.
const DefaultMaxBuffer = 10000

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
	// MaxBuffer is the smallest constant channel buffer reported
	// (-unboundedqueue.maxbuffer); 0 means DefaultMaxBuffer.
	MaxBuffer int
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns an unboundedqueue analyzer configured by cfg. Its flags
// set this instance's configuration only.
func New(cfg Config) *analysis.Analyzer {
	if cfg.MaxBuffer == 0 {
		cfg.MaxBuffer = DefaultMaxBuffer
	}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	a.Flags.IntVar(&cfg.MaxBuffer, "maxbuffer", cfg.MaxBuffer, "smallest constant channel buffer reported")
	a.Run = report.Protect(func(pass *analysis.Pass) (any, error) { return run(pass, &cfg) })
	return a
}

const (
	msgGrow   = "when the consumer is slower than the producer"
	msgRemedy = "bound it and apply backpressure, or drop with a metric"
)

// subscriptionMethods receive the next message of a subscription or
// stream when they return one (not a bool, as iterators' Next does).
var subscriptionMethods = []string{"Next", "NextMsg", "Receive", "ReceiveMessage", "Recv", "Fetch", "FetchMessage", "ReadMessage", "Poll"}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	cfg  *Config
	rep  *report.Reporter
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	c := &checker{pass: pass, info: pass.TypesInfo, cfg: cfg, rep: report.New(pass, cfg.Policy)}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			c.goStmt(cur, n)
		case *ast.CallExpr:
			c.makeChan(n)
			c.groupGo(cur, n)
		case *ast.AssignStmt:
			c.pump(cur, n)
		}
	}
	return nil, nil
}

// goStmt checks a go statement: a goroutine that only sends, and a
// goroutine per received item.
func (c *checker) goStmt(cur inspector.Cursor, g *ast.GoStmt) {
	if ch, ok := c.sendOnly(g.Call); ok {
		if _, inLoop := innermostLoop(cur); inLoop || !c.localChan(cur, ch) {
			end := g.Call.Fun.End()
			if lit, ok := g.Call.Fun.(*ast.FuncLit); ok {
				end = lit.Type.End()
			}
			c.rep.Reportf(report.Span(g.Pos(), end), "send-goroutine",
				"goroutine started only to send on a channel: %s every send parks one more goroutine, an unbounded queue that grows until memory runs out; send in place (blocking is backpressure) or select with a default that drops and counts the drop", msgGrow)
		}
		return
	}
	c.perItem(cur, g.Call, report.Span(g.Pos(), g.Call.Lparen))
}

// groupGo checks errgroup.Group.Go and sync.WaitGroup.Go in a loop.
func (c *checker) groupGo(cur inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(c.info, call)
	switch {
	case match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !c.groupUnlimited(cur, sel.X) {
			return
		}
	case match.IsMethod(fn, "sync", "WaitGroup", "Go"):
	default:
		return
	}
	c.perItem(cur, call, call.Fun)
}

// groupUnlimited reports whether the errgroup expression is a local
// group on which SetLimit is never called in the function. A group from
// elsewhere may have a limit out of view.
func (c *checker) groupUnlimited(cur inspector.Cursor, group ast.Expr) bool {
	path, ok := flow.PathOf(c.info, group)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc || len(path.Fields) != 0 || path.Root.Pos() < body.Node().Pos() || path.Root.Pos() >= body.Node().End() {
		return false
	}
	for cc := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if !match.IsMethod(match.Callee(c.info, call), "golang.org/x/sync/errgroup", "Group", "SetLimit") {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if p, ok := flow.PathOf(c.info, sel.X); ok && p.Equal(path) {
				return false
			}
		}
	}
	return true
}

// perItem reports a goroutine started at cur, in a loop over an
// unbounded source, for the item the loop received, with no limit on
// concurrency in view.
func (c *checker) perItem(cur inspector.Cursor, spawn *ast.CallExpr, at analysis.Range) {
	loop, ok := innermostLoop(cur)
	if !ok {
		return
	}
	items, source, ok := c.sourceItems(loop)
	if !ok || !c.refersTo(spawn, items) || c.limited(loop) || c.acksItem(spawn, items) {
		return
	}
	c.rep.Reportf(at, "goroutine-per-item",
		"goroutine started per item received from %s with no limit on concurrency: %s goroutines pile up until memory runs out; bound them with a worker pool, a semaphore or errgroup.SetLimit", source, msgGrow)
}

// acksItem reports whether the goroutine started by spawn acknowledges
// the message it handles (calls Ack or Nack on a value of the item's
// type): a subscription that waits for acknowledgements bounds the
// messages in flight, and with them the goroutines (service corpus:
// watermill's router, whose subscribers deliver the next message after
// the Ack). A message acknowledged before the goroutine starts is still
// reported. The goroutine's body must be in view: a function literal or
// a function of this package.
func (c *checker) acksItem(spawn *ast.CallExpr, items []*types.Var) bool {
	var body *ast.BlockStmt
	if lit, ok := ast.Unparen(spawn.Fun).(*ast.FuncLit); ok {
		body = lit.Body
	} else if fn := match.Callee(c.info, spawn); fn != nil && fn.Pkg() == c.pass.Pkg {
		if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil {
			body = decl.Body
		}
	}
	if body == nil {
		return false
	}
	acked := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || acked {
			return !acked
		}
		fn := match.Callee(c.info, call)
		if fn == nil || (fn.Name() != "Ack" && fn.Name() != "Nack") {
			return true
		}
		recv := fn.Signature().Recv()
		if recv == nil {
			return true
		}
		for _, v := range items {
			if sameNamed(recv.Type(), v.Type()) {
				acked = true
			}
		}
		return !acked
	})
	return acked
}

// sameNamed reports whether a and b are the same type, or pointers to it.
func sameNamed(a, b types.Type) bool {
	if p, ok := a.(*types.Pointer); ok {
		a = p.Elem()
	}
	if p, ok := b.(*types.Pointer); ok {
		b = p.Elem()
	}
	return types.Identical(a, b)
}

// innermostLoop returns the innermost for or range statement that
// encloses cur within the same function.
func innermostLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
}

// sourceItems returns the variables that hold the item a loop receives
// from an unbounded source (a channel or a subscription), and names the
// source. ok is false for loops over bounded sources.
func (c *checker) sourceItems(loop inspector.Cursor) (items []*types.Var, source string, ok bool) {
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		body = l.Body
		if isChan(c.info.TypeOf(l.X)) {
			if c.isTimeChan(l.X) {
				return nil, "", false
			}
			if v := c.varOf(l.Key); v != nil {
				return []*types.Var{v}, "a channel", true
			}
			return nil, "", false
		}
	case *ast.ForStmt:
		body = l.Body
	}
	walkLoopBody(body, func(n ast.Node) {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return
		}
		v := c.varOf(as.Lhs[0])
		if v == nil {
			return
		}
		switch rhs := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.UnaryExpr:
			if rhs.Op == token.ARROW && !c.isTimeChan(rhs.X) {
				items = append(items, v)
				source = "a channel"
			}
		case *ast.CallExpr:
			fn := match.Callee(c.info, rhs)
			if fn == nil || !slices.Contains(subscriptionMethods, fn.Name()) {
				return
			}
			sig, isSig := fn.Type().(*types.Signature)
			if !isSig || sig.Recv() == nil || sig.Results().Len() == 0 || isBool(sig.Results().At(0).Type()) {
				return
			}
			items = append(items, v)
			source = fn.Name()
		}
	})
	return items, source, len(items) > 0
}

// limited reports whether the loop body, outside the goroutines it
// starts, limits concurrency: a send or a discarded receive (acquiring a
// semaphore slot), or a call of Acquire, TryAcquire or Wait.
func (c *checker) limited(loop inspector.Cursor) bool {
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		body = l.Body
	case *ast.ForStmt:
		body = l.Body
	}
	comms := make(map[ast.Stmt]bool) // select cases' communications are not acquisitions
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if n.Comm != nil {
				comms[n.Comm] = true
			}
		case *ast.SendStmt:
			if !comms[n] {
				found = true
			}
		case *ast.ExprStmt:
			if u, ok := ast.Unparen(n.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && !comms[n] {
				found = true
			}
		case *ast.CallExpr:
			if fn := match.Callee(c.info, n); fn != nil && slices.Contains([]string{"Acquire", "TryAcquire", "Wait"}, fn.Name()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// walkLoopBody calls f for every node of a loop body, not descending into
// function literals or nested loops (their items are theirs).
func walkLoopBody(body *ast.BlockStmt, f func(ast.Node)) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case nil:
			return true
		}
		f(n)
		return true
	})
}

// refersTo reports whether node uses any of vars.
func (c *checker) refersTo(node ast.Node, vars []*types.Var) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && slices.Contains(vars, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) varOf(expr ast.Expr) *types.Var {
	id, ok := expr.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// isTimeChan reports whether expr is a channel of package time (a
// ticker's or timer's C, time.Tick, time.After): its rate is fixed.
func (c *checker) isTimeChan(expr ast.Expr) bool {
	switch e := ast.Unparen(expr).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return match.IsTypeOrPointer(sel.Recv(), "time.Ticker") || match.IsTypeOrPointer(sel.Recv(), "time.Timer")
		}
	case *ast.CallExpr:
		return match.IsFunc(match.Callee(c.info, e), "time", "Tick", "After")
	}
	return false
}

// sendOnly reports whether the goroutine call does nothing but send an
// already computed value on a channel, and returns the channel.
func (c *checker) sendOnly(call *ast.CallExpr) (ast.Expr, bool) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		if len(fun.Body.List) != 1 {
			return nil, false
		}
		switch s := fun.Body.List[0].(type) {
		case *ast.SendStmt:
			if c.cheap(s.Chan) && c.cheap(s.Value) {
				return s.Chan, true
			}
		case *ast.SelectStmt:
			// A select whose only cases are sends is a send; one that
			// also waits on ctx.Done or has a default can give up.
			var ch ast.Expr
			for _, cl := range s.Body.List {
				cc, ok := cl.(*ast.CommClause)
				if !ok {
					return nil, false
				}
				send, ok := cc.Comm.(*ast.SendStmt)
				if !ok || !c.cheap(send.Chan) || !c.cheap(send.Value) {
					return nil, false
				}
				ch = send.Chan
			}
			return ch, ch != nil
		}
	case *ast.Ident, *ast.SelectorExpr:
		// go send(ch, v), where send's body is a lone send on a parameter.
		fn := match.Callee(c.info, call)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return nil, false
		}
		decl := match.FuncDecl(c.pass.Files, c.info, fn)
		if decl == nil || decl.Body == nil || len(decl.Body.List) != 1 {
			return nil, false
		}
		s, ok := decl.Body.List[0].(*ast.SendStmt)
		if !ok || !c.cheap(s.Value) {
			return nil, false
		}
		id, ok := ast.Unparen(s.Chan).(*ast.Ident)
		if !ok {
			return nil, false
		}
		sig := fn.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == c.info.Uses[id] && i < len(call.Args) && !sig.Variadic() {
				return call.Args[i], true
			}
		}
	}
	return nil, false
}

// cheap reports whether evaluating expr does no work worth a goroutine:
// no calls (conversions aside) and no receives.
func (c *checker) cheap(expr ast.Expr) bool {
	ok := true
	ast.Inspect(expr, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, found := c.info.Types[n.Fun]; !found || !tv.IsType() {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// localChan reports whether the channel expression is a variable
// declared in the enclosing function (a one-shot hand-off), as opposed to
// a field, parameter or global that outlives the call.
func (c *checker) localChan(cur inspector.Cursor, ch ast.Expr) bool {
	path, ok := flow.PathOf(c.info, ch)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	_, ok = flow.Defs(c.info, body, path.Root)
	return ok
}

// makeChan reports make(chan T, n) with a huge constant n.
func (c *checker) makeChan(call *ast.CallExpr) {
	if len(call.Args) != 2 || !match.IsBuiltin(c.info, call, "make") || !isChan(c.info.TypeOf(call.Args[0])) {
		return
	}
	tv := c.info.Types[call.Args[1]]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return // sized from input or configuration
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < int64(c.cfg.MaxBuffer) {
		return
	}
	c.rep.Reportf(call, "huge-buffer",
		"channel buffer of %d: a buffer this large only delays the failure %s, holding that many items in memory meanwhile; use a small buffer and apply backpressure, or drop with a metric (threshold -unboundedqueue.maxbuffer=%d)", n, msgGrow, c.cfg.MaxBuffer)
}

// pump reports buf = append(buf, item) in a loop that receives item from
// one channel and sends buf[0] to another, with no bound on len(buf).
func (c *checker) pump(cur inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() || !match.IsBuiltin(c.info, call, "append") {
		return
	}
	buf, ok := flow.PathOf(c.info, as.Lhs[0])
	if arg, ok2 := flow.PathOf(c.info, call.Args[0]); !ok || !ok2 || !arg.Equal(buf) {
		return
	}
	loop, ok := innermostLoop(cur)
	if !ok {
		return
	}
	items, _, ok := c.sourceItems(loop)
	if !ok || !c.refersTo(call.Args[1], items) || !c.sendsHead(loop, buf) {
		return
	}
	if body, ok := flow.EnclosingFunc(cur); ok && c.lenBounded(body, buf) {
		return
	}
	c.rep.Reportf(as, "pump",
		"slice buffer between channels grows without bound: %s every pending item is kept in memory until it runs out; cap the buffer and block or drop (with a metric) when it is full", msgGrow)
}

// sendsHead reports whether the loop sends buf[0] on a channel.
func (c *checker) sendsHead(loop inspector.Cursor, buf flow.Path) bool {
	found := false
	ast.Inspect(loop.Node(), func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok {
			if ix, ok := ast.Unparen(s.Value).(*ast.IndexExpr); ok {
				p, ok := flow.PathOf(c.info, ix.X)
				if ok && p.Equal(buf) && flow.IsZeroConst(c.info, ix.Index) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// lenBounded reports whether the function compares len(buf) with
// something other than 0 or 1 (an emptiness check bounds nothing).
func (c *checker) lenBounded(body inspector.Cursor, buf flow.Path) bool {
	for bc := range body.Preorder((*ast.BinaryExpr)(nil)) {
		bin := bc.Node().(*ast.BinaryExpr)
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		default:
			continue
		}
		for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
			if c.isLenOf(pair[0], buf) && !isSmallConst(c.info, pair[1]) {
				return true
			}
		}
	}
	return false
}

func (c *checker) isLenOf(expr ast.Expr, buf flow.Path) bool {
	call, ok := ast.Unparen(expr).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !match.IsBuiltin(c.info, call, "len") {
		return false
	}
	p, ok := flow.PathOf(c.info, call.Args[0])
	return ok && p.Equal(buf)
}

func isSmallConst(info *types.Info, expr ast.Expr) bool {
	tv := info.Types[expr]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n <= 1
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}
