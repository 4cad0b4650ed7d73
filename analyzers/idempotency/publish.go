package idempotency

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// The broker clients whose publishes can be deduplicated.
const (
	natsPath      = "github.com/nats-io/nats.go"
	jetstreamPath = "github.com/nats-io/nats.go/jetstream"
	saramaPath    = "github.com/IBM/sarama"
	kgoPath       = "github.com/twmb/franz-go/pkg/kgo"
)

// msgIDHeader is the header JetStream deduplicates on (nats.MsgIdHdr,
// jetstream.MsgIDHeader).
const msgIDHeader = "Nats-Msg-Id"

var publishMethods = []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}

// publishes reports broker publishes that the broker could deduplicate
// but that carry nothing to deduplicate on: JetStream publishes without a
// message id, and Kafka producers that retry without idempotence.
func (c *checker) publishes() {
	if !match.Imports(c.pass.Pkg, natsPath, jetstreamPath, saramaPath, kgoPath) {
		return
	}
	for cur := range c.rep.Preorder(c.insp, (*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := match.Callee(c.info, call)
		switch {
		case match.IsMethod(fn, natsPath, "JetStream", publishMethods...):
			c.jetStreamPublish(cur, call, fn, "nats.MsgId(id)")
		case match.IsMethod(fn, jetstreamPath, "Publisher", publishMethods...):
			c.jetStreamPublish(cur, call, fn, "jetstream.WithMsgID(id)")
		case match.IsFunc(fn, saramaPath, "NewSyncProducer", "NewAsyncProducer"):
			c.saramaProducer(cur, call, call.Args[1])
		case match.IsFunc(fn, saramaPath, "NewSyncProducerFromClient", "NewAsyncProducerFromClient"):
			if cfg, ok := c.saramaClientConfig(cur, call.Args[0]); ok {
				c.saramaProducer(cur, call, cfg)
			}
		case match.IsFunc(fn, kgoPath, "NewClient"):
			c.franzClient(call)
		}
	}
}

// jetStreamPublish reports a JetStream publish whose options and message
// are all in view and carry neither a message id nor an expectation
// (ExpectLastSequence and friends), which makes a repeat fail instead of
// storing the message twice.
func (c *checker) jetStreamPublish(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, remedy string) {
	// last is the index of the last argument before the options: the
	// data of Publish(subj, data, opts...), the message of
	// PublishMsg(msg, opts...), one further on when a context comes first
	// (jetstream's Publish(ctx, ...) and PublishMsg(ctx, ...)).
	withMsg := strings.HasPrefix(fn.Name(), "PublishMsg")
	last := 1
	if withMsg {
		last = 0
	}
	if sig := fn.Type().(*types.Signature); sig.Params().Len() > 0 && match.IsType(sig.Params().At(0).Type(), "context.Context") {
		last++
	}
	if len(call.Args) <= last || call.Ellipsis.IsValid() {
		return // opts... may hold a message id
	}
	for _, opt := range call.Args[last+1:] {
		if !c.plainPublishOption(opt) {
			return
		}
	}
	if withMsg && !c.msgWithoutID(cur, call.Args[last]) {
		return
	}
	// The evidence standard of the HTTP rule: a replay in view, or an
	// operation that must happen once. A typing notice or a presence
	// update published twice does no harm.
	switch retrier, op := c.retryLoop(cur, call), c.publishOperation(cur, call, withMsg); {
	case retrier != "":
		c.rep.Reportf(call, "idempotency",
			"JetStream publish retried by %s without a message id: when the acknowledgement is lost (a timeout, a reconnect), the retry stores the message again and consumers process it twice; pass %s with an id derived from the operation (a job or event id, a content hash) so JetStream drops the duplicate",
			retrier, remedy)
	case op != "":
		c.rep.Reportf(call, "idempotency",
			"JetStream publish of a once-only operation (%s) without a message id: when the acknowledgement is lost and the publish is retried or re-run after a restart, consumers process it twice; pass %s with an id derived from the operation (a job or event id, a content hash) so JetStream drops the duplicate",
			op, remedy)
	case c.cfg.Strict:
		c.rep.Reportf(call, "idempotency",
			"JetStream publish without a message id: when the acknowledgement is lost (a timeout, a reconnect) and the publish is retried or re-run after a restart, the stream stores the message twice and consumers process it twice; pass %s with an id derived from the operation (a job or event id, a content hash) so JetStream drops the duplicate",
			remedy)
	}
}

// publishOperation returns the once-only operation (-idempotency.operations)
// that the publish's constant subject or the enclosing function's name
// names, with where it was seen, or "".
func (c *checker) publishOperation(cur inspector.Cursor, call *ast.CallExpr, withMsg bool) string {
	if !withMsg {
		subj := call.Args[0]
		if match.IsType(c.info.TypeOf(subj), "context.Context") {
			subj = call.Args[1] // jetstream's Publish(ctx, subj, ...)
		}
		if tv := c.info.Types[subj]; tv.Value != nil && tv.Value.Kind() == constant.String {
			s := constant.StringVal(tv.Value)
			if op := c.operationWord(strings.NewReplacer(".", " ", "-", " ", "_", " ").Replace(s)); op != "" {
				return op + ", subject " + strconv.Quote(s)
			}
		}
	}
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if fn, ok := c.info.Defs[fd.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
			if op := c.operationWord(methodName(fn)); op != "" {
				return op + ", " + funcName(fn)
			}
		}
	}
	return ""
}

// plainPublishOption reports whether opt is a publish option in view that
// neither sets a message id nor makes a repeat fail (an Expect option).
func (c *checker) plainPublishOption(opt ast.Expr) bool {
	call, ok := ast.Unparen(opt).(*ast.CallExpr)
	if !ok {
		return false // a variable: it may be a message id
	}
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || (fn.Pkg().Path() != natsPath && fn.Pkg().Path() != jetstreamPath) {
		return false
	}
	switch name := fn.Name(); {
	case name == "MsgId", name == "WithMsgID":
		return false
	case strings.HasPrefix(name, "Expect"), strings.HasPrefix(name, "WithExpect"):
		return false
	}
	return true
}

// msgWithoutID reports whether msg is a *nats.Msg built in view whose
// headers never get a message id. A message that comes from out of view,
// or goes anywhere but its own header and fields before it is published,
// may carry one: then it reports false.
func (c *checker) msgWithoutID(cur inspector.Cursor, msg ast.Expr) bool {
	e := match.Unaddr(msg)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return c.msgLiteralWithoutID(lit)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	scope, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	defs, ok := flow.Defs(c.info, scope, v)
	if !ok {
		return false
	}
	for _, d := range defs {
		if !c.freshMsg(d.Expr) {
			return false
		}
	}
	for _, use := range flow.Uses(c.info, scope, v) {
		if use.Node() == id {
			continue
		}
		if !c.msgUseWithoutID(use) {
			return false
		}
	}
	return true
}

// freshMsg reports whether e builds a new message without a message id:
// nats.NewMsg(subj), a Msg literal, new(nats.Msg), or the zero value.
func (c *checker) freshMsg(e ast.Expr) bool {
	if e == nil {
		return true // var m nats.Msg
	}
	switch e := match.Unaddr(e).(type) {
	case *ast.CompositeLit:
		return c.msgLiteralWithoutID(e)
	case *ast.CallExpr:
		return match.IsFunc(match.Callee(c.info, e), natsPath, "NewMsg") || match.IsBuiltin(c.info, e, "new")
	}
	return false
}

// msgLiteralWithoutID reports whether a nats.Msg literal sets no header,
// or a header literal without the message id.
func (c *checker) msgLiteralWithoutID(lit *ast.CompositeLit) bool {
	if !match.IsType(c.info.TypeOf(lit), natsPath+".Msg") {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Header" {
			h, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
			if !ok {
				return false // a header built elsewhere
			}
			for _, e := range h.Elts {
				hkv, ok := e.(*ast.KeyValueExpr)
				if !ok || !c.constNotMsgID(hkv.Key) {
					return false
				}
			}
		}
	}
	return true
}

// msgUseWithoutID reports whether the use of a message variable at use
// leaves its message id unset: it reads or writes a plain field, or sets
// a header other than the message id.
func (c *checker) msgUseWithoutID(use inspector.Cursor) bool {
	sel, ok := use.Parent().Node().(*ast.SelectorExpr)
	if !ok || use.ParentEdgeKind() != edge.SelectorExpr_X {
		return false // the message itself goes somewhere
	}
	if sel.Sel.Name != "Header" {
		// m.Subject, m.Data, m.Reply: read or assigned; a method call on
		// the message (m.Respond) is not a publish of this one.
		return true
	}
	hdr := use.Parent()
	switch p := hdr.Parent().Node().(type) {
	case *ast.SelectorExpr: // m.Header.Set(k, v)
		call, ok := hdr.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return false
		}
		switch p.Sel.Name {
		case "Get", "Values":
			return true
		case "Set", "Add", "Del":
			return p.Sel.Name == "Del" || c.constNotMsgID(call.Args[0])
		}
		return false
	case *ast.IndexExpr: // m.Header[k] = v, or a read
		return c.constNotMsgID(p.Index)
	case *ast.AssignStmt: // m.Header = h
		return false
	}
	return false
}

// constNotMsgID reports whether e is a constant header name other than
// the message id (in any letter case).
func (c *checker) constNotMsgID(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return !strings.EqualFold(constant.StringVal(tv.Value), msgIDHeader)
}

// saramaClientConfig returns the config that a sarama client in view was
// made with (client, _ := sarama.NewClient(addrs, cfg)).
func (c *checker) saramaClientConfig(cur inspector.Cursor, client ast.Expr) (ast.Expr, bool) {
	id, ok := ast.Unparen(client).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	scope, ok := flow.EnclosingFunc(cur)
	if !ok {
		return nil, false
	}
	defs, ok := flow.Defs(c.info, scope, v)
	if !ok || len(defs) != 1 {
		return nil, false
	}
	call, ok := ast.Unparen(defs[0].Expr).(*ast.CallExpr)
	if !ok || !match.IsFunc(match.Callee(c.info, call), saramaPath, "NewClient") || len(call.Args) != 2 {
		return nil, false
	}
	return call.Args[1], true
}

// saramaProducer reports a producer made from a sarama.NewConfig() in
// view that keeps the default retries (Producer.Retry.Max is 3) and
// leaves Producer.Idempotent off. A config that goes to a helper, or
// whose fields are set to values that are not constants, may be made
// idempotent out of view: then it is left alone.
func (c *checker) saramaProducer(cur inspector.Cursor, call *ast.CallExpr, cfgExpr ast.Expr) {
	id, ok := ast.Unparen(cfgExpr).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	scope, ok := flow.EnclosingFunc(cur)
	if !ok {
		return
	}
	defs, ok := flow.Defs(c.info, scope, v)
	if !ok {
		return
	}
	for _, d := range defs {
		dc, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
		if !ok || !match.IsFunc(match.Callee(c.info, dc), saramaPath, "NewConfig") {
			return
		}
	}
	retries := true
	for _, use := range flow.Uses(c.info, scope, v) {
		switch c.saramaConfigUse(use) {
		case cfgUnknown:
			return
		case cfgIdempotent:
			return
		case cfgNoRetry:
			retries = false
		}
	}
	if !retries {
		return
	}
	c.rep.Reportf(call, "idempotency",
		"sarama producer retries sends (Producer.Retry.Max is 3 by default) without Producer.Idempotent: a send retried after a lost acknowledgement writes the message twice and consumers see the event twice; set Producer.Idempotent = true (with RequiredAcks = WaitForAll and Net.MaxOpenRequests = 1), or Producer.Retry.Max = 0 where a lost message is better than a duplicate")
}

type cfgUse int

const (
	cfgPlain      cfgUse = iota // a field read or set that does not matter
	cfgUnknown                  // the config may be changed out of view
	cfgIdempotent               // Producer.Idempotent = true
	cfgNoRetry                  // Producer.Retry.Max = 0
)

// saramaConfigUse classifies one use of a sarama config variable.
func (c *checker) saramaConfigUse(use inspector.Cursor) cfgUse {
	// Climb the selector chain cfg.Producer.Retry.Max.
	var path []string
	at := use
	for {
		sel, ok := at.Parent().Node().(*ast.SelectorExpr)
		if !ok || at.ParentEdgeKind() != edge.SelectorExpr_X {
			break
		}
		path = append(path, sel.Sel.Name)
		at = at.Parent()
	}
	switch p := at.Parent().Node().(type) {
	case *ast.CallExpr:
		if at.ParentEdgeKind() == edge.CallExpr_Fun {
			return cfgPlain // cfg.Validate(), cfg.Producer.Partitioner(...)
		}
		if len(path) > 0 {
			return cfgPlain // a field's value passed on
		}
		fn := match.Callee(c.info, p)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == saramaPath {
			return cfgPlain // the producer or client constructor
		}
		return cfgUnknown // a helper may set Idempotent
	case *ast.AssignStmt:
		if at.ParentEdgeKind() != edge.AssignStmt_Lhs {
			if len(path) == 0 {
				return cfgUnknown // the pointer is copied elsewhere
			}
			return cfgPlain
		}
		if len(path) == 0 {
			return cfgPlain // cfg = sarama.NewConfig(): Defs saw every value
		}
		field := strings.Join(path, ".")
		if len(p.Lhs) != len(p.Rhs) {
			return cfgUnknown
		}
		rhs := p.Rhs[at.ParentEdgeIndex()]
		tv := c.info.Types[rhs]
		switch field {
		case "Producer.Idempotent":
			if tv.Value == nil {
				return cfgUnknown
			}
			if constant.BoolVal(tv.Value) {
				return cfgIdempotent
			}
			return cfgPlain
		case "Producer.Retry.Max":
			if tv.Value == nil {
				return cfgUnknown
			}
			if constant.Sign(tv.Value) <= 0 {
				return cfgNoRetry
			}
			return cfgPlain
		case "Producer", "Producer.Retry":
			return cfgUnknown // the whole config or section replaced
		}
		return cfgPlain
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return cfgUnknown
		}
	case *ast.ExprStmt, *ast.BinaryExpr, *ast.IfStmt:
		return cfgPlain
	}
	if len(path) > 0 {
		return cfgPlain // a field read
	}
	return cfgUnknown
}

// franzClient reports a franz-go client that turns off its default
// idempotent writes while keeping record retries (unlimited by default).
func (c *checker) franzClient(call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		return
	}
	var optOut ast.Expr
	for _, arg := range call.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := match.Callee(c.info, opt)
		switch {
		case match.IsFunc(fn, kgoPath, "DisableIdempotentWrite"):
			optOut = opt
		case match.IsFunc(fn, kgoPath, "RecordRetries"):
			if len(opt.Args) == 1 {
				if tv := c.info.Types[opt.Args[0]]; tv.Value == nil || constant.Sign(tv.Value) <= 0 {
					return // no retries, or a count out of view
				}
			}
		}
	}
	if optOut == nil {
		return
	}
	c.rep.Reportf(optOut, "idempotency",
		"franz-go client turns off idempotent writes but still retries records (unlimited by default): a produce retried after a lost acknowledgement writes the record twice; keep idempotent writes on, or set kgo.RecordRetries(0) where a lost record is better than a duplicate")
}
