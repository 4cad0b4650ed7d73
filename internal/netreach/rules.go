package netreach

import (
	"go/types"
	"strings"

	"github.com/distlint/distlint/internal/match"
)

// A rule lists network operations of one receiver type of a package.
type rule struct {
	recv string // the receiver's type name; "" for functions, "*" for any type
	kind Kind
	ops  []op
}

// An op is one operation of a rule.
type op struct {
	name   string
	ctx    int    // the context argument, or -1
	req    int    // the request argument, or -1
	write  bool   // sends or changes data
	stream bool   // stays open
	verb   string // the operation as a boundary map names it, when not name
}

func (r rule) call(fn *types.Func, o op) Call {
	name := o.verb
	if name == "" {
		name = o.name
	}
	c := Call{Kind: r.kind, Op: name, Func: fn, Ctx: o.ctx, Req: o.req, Write: o.write, Stream: o.stream}
	if r.kind == Cloud && strings.HasPrefix(fn.Pkg().Path(), "cloud.google.com/go/") {
		c.Service = serviceOf(fn.Pkg().Path(), "cloud.google.com/go/")
	}
	return c
}

// Shorthands for the tables below.
func plain(names ...string) []op           { return ops(-1, false, names) }
func withCtx(names ...string) []op         { return ops(0, false, names) }
func writes(ctx int, names ...string) []op { return ops(ctx, true, names) }
func ops(ctx int, write bool, names []string) []op {
	out := make([]op, len(names))
	for i, n := range names {
		out[i] = op{name: n, ctx: ctx, req: -1, write: write}
	}
	return out
}
func streams(ctx int, names ...string) []op {
	out := ops(ctx, false, names)
	for i := range out {
		out[i].stream = true
	}
	return out
}

// httpVerbs are the functions and methods named after the HTTP method
// they send.
var httpVerbs = []op{
	{name: "Get", ctx: -1, req: -1, verb: "GET"},
	{name: "Head", ctx: -1, req: -1, verb: "HEAD"},
	{name: "Post", ctx: -1, req: -1, write: true, verb: "POST"},
	{name: "PostForm", ctx: -1, req: -1, write: true, verb: "POST"},
}

var (
	doReq        = []op{{name: "Do", ctx: -1, req: 0}}
	roundTrip    = []op{{name: "RoundTrip", ctx: -1, req: 0}}
	httpClient   = append(append([]op(nil), doReq...), httpVerbs...)
	restyRequest = []op{
		{name: "Get", ctx: -1, req: -1, verb: "GET"}, {name: "Head", ctx: -1, req: -1, verb: "HEAD"},
		{name: "Options", ctx: -1, req: -1, verb: "OPTIONS"},
		{name: "Post", ctx: -1, req: -1, write: true, verb: "POST"}, {name: "Put", ctx: -1, req: -1, write: true, verb: "PUT"},
		{name: "Patch", ctx: -1, req: -1, write: true, verb: "PATCH"}, {name: "Delete", ctx: -1, req: -1, write: true, verb: "DELETE"},
		{name: "Execute", ctx: -1, req: -1}, {name: "Send", ctx: -1, req: -1},
	}
)

// SQLMethods are the methods of database/sql's DB, Conn, Tx and Stmt
// that make a round trip to the database: the one list the suite uses.
// Each *Context form takes the context as argument 0. Rollback is
// absent: it releases a transaction whose fate is settled, and is no
// request of the caller's.
var SQLMethods = []string{
	"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext",
	"Ping", "PingContext", "Begin", "BeginTx", "Prepare", "PrepareContext", "Conn", "Commit",
}

// sqlOps returns the operations of SQLMethods that type recv has.
func sqlOps(recv string) []op {
	var out []op
	for _, m := range SQLMethods {
		switch m {
		case "Ping", "PingContext", "Begin", "Conn":
			if recv != "DB" && (recv != "Conn" || m == "Ping" || m == "Begin" || m == "Conn") {
				continue
			}
		case "BeginTx":
			if recv != "DB" && recv != "Conn" {
				continue
			}
		case "Prepare", "PrepareContext":
			if recv == "Stmt" {
				continue
			}
		case "Commit":
			if recv != "Tx" {
				continue
			}
		}
		o := op{name: m, ctx: -1, req: -1, write: strings.HasPrefix(m, "Exec") || m == "Commit"}
		if strings.HasSuffix(m, "Context") || m == "BeginTx" || m == "Conn" {
			o.ctx = 0
		}
		out = append(out, o)
	}
	return out
}

// rules maps an import path (major versions removed, see stripMajor) to
// the network operations of its types and functions.
var rules = map[string][]rule{
	"net/http": {
		{"", HTTP, httpVerbs},
		{"Client", HTTP, httpClient},
		{"Transport", HTTP, roundTrip},
		{"RoundTripper", HTTP, roundTrip},
	},
	"github.com/hashicorp/go-retryablehttp": {
		{"", HTTP, httpVerbs},
		{"Client", HTTP, httpClient},
		{"RoundTripper", HTTP, roundTrip},
	},
	"github.com/go-resty/resty": {{"Request", HTTP, restyRequest}},
	"resty.dev":                 {{"Request", HTTP, restyRequest}},

	"google.golang.org/grpc": {
		{"ClientConn", GRPC, append(withCtx("Invoke"), streams(0, "NewStream")...)},
		{"ClientConnInterface", GRPC, append(withCtx("Invoke"), streams(0, "NewStream")...)},
		{"", GRPC, append(withCtx("Invoke"), streams(0, "NewClientStream")...)},
	},

	"database/sql": {
		{"DB", SQL, sqlOps("DB")},
		{"Conn", SQL, sqlOps("Conn")},
		{"Tx", SQL, sqlOps("Tx")},
		{"Stmt", SQL, sqlOps("Stmt")},
	},
	"github.com/jmoiron/sqlx": {{"*", SQL, append(append(
		plain("Queryx", "QueryRowx", "NamedQuery", "Select", "Get", "Preparex", "PrepareNamed", "Beginx", "MustBegin"),
		withCtx("QueryxContext", "QueryRowxContext", "NamedQueryContext", "SelectContext", "GetContext", "PreparexContext", "PrepareNamedContext", "BeginTxx", "MustBeginTx")...),
		append(writes(-1, "NamedExec", "MustExec"), writes(0, "NamedExecContext", "MustExecContext")...)...)}},
	"github.com/jackc/pgx": {
		{"*", SQL, append(withCtx("Query", "QueryRow", "Begin", "BeginTx", "Ping", "Prepare", "SendBatch"), writes(0, "Exec", "Commit", "CopyFrom")...)},
		{"", SQL, withCtx("Connect", "ConnectConfig")},
	},
	"github.com/jackc/pgx/pgxpool": {
		{"*", SQL, append(withCtx("Query", "QueryRow", "Begin", "BeginTx", "Ping", "Acquire", "SendBatch"), writes(0, "Exec", "Commit", "CopyFrom")...)},
		{"", SQL, withCtx("New", "NewWithConfig", "Connect", "ConnectConfig")},
	},
	"gorm.io/gorm":           {{"DB", SQL, gormOps}},
	"github.com/jinzhu/gorm": {{"DB", SQL, gormOps}},

	"github.com/IBM/sarama":     saramaRules,
	"github.com/Shopify/sarama": saramaRules,
	"github.com/segmentio/kafka-go": {
		{"Writer", Kafka, writes(0, "WriteMessages")},
		{"Reader", Kafka, withCtx("ReadMessage", "FetchMessage", "CommitMessages")},
		{"Conn", Kafka, append(writes(-1, "WriteMessages", "Write", "WriteCompressedMessages"), plain("ReadMessage", "ReadBatch", "Read")...)},
		{"Client", Kafka, withCtx("Produce", "Fetch", "Metadata", "ListOffsets", "OffsetCommit", "OffsetFetch", "CreateTopics", "DeleteTopics")},
		{"", Kafka, append(plain("Dial"), withCtx("DialContext", "DialLeader", "DialPartition")...)},
		{"Dialer", Kafka, append(plain("Dial"), withCtx("DialContext", "DialLeader", "DialPartition")...)},
	},
	"github.com/twmb/franz-go/pkg/kgo": {
		{"Client", Kafka, append(append(writes(0, "Produce", "ProduceSync", "TryProduce"),
			withCtx("PollFetches", "PollRecords", "CommitRecords", "CommitUncommittedOffsets", "CommitOffsets", "CommitOffsetsSync", "Request", "Ping", "Flush")...),
			op{name: "RequestSharded", ctx: 0, req: 1})},
	},
	"github.com/confluentinc/confluent-kafka-go/kafka": {
		{"Producer", Kafka, writes(-1, "Produce")},
		{"Consumer", Kafka, plain("ReadMessage", "Poll", "Commit", "CommitMessage", "CommitOffsets")},
	},

	"github.com/nats-io/nats.go": {
		{"Conn", NATS, append(append(
			writes(-1, "Publish", "PublishMsg", "PublishRequest", "Request", "RequestMsg"),
			writes(1, "RequestWithContext", "RequestMsgWithContext")...),
			append(append(plain("Flush", "FlushTimeout"), withCtx("FlushWithContext")...),
				streams(-1, "Subscribe", "SubscribeSync", "QueueSubscribe", "QueueSubscribeSync", "ChanSubscribe", "ChanQueueSubscribe")...)...)},
		{"EncodedConn", NATS, append(writes(-1, "Publish", "Request"), streams(-1, "Subscribe", "QueueSubscribe")...)},
		{"JetStreamContext", NATS, append(writes(-1, "Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"),
			streams(-1, "Subscribe", "SubscribeSync", "QueueSubscribe", "QueueSubscribeSync", "ChanSubscribe", "PullSubscribe")...)},
		{"JetStream", NATS, writes(-1, "Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync")},
		{"Subscription", NATS, plain("NextMsg", "Fetch", "FetchBatch")},
		{"Msg", NATS, plain("Ack", "AckSync", "Nak", "Respond", "RespondMsg")},
		{"", NATS, plain("Connect")},
	},
	"github.com/nats-io/nats.go/jetstream": {
		{"JetStream", NATS, append(writes(0, "Publish", "PublishMsg"), writes(-1, "PublishAsync", "PublishMsgAsync")...)},
		{"Publisher", NATS, append(writes(0, "Publish", "PublishMsg"), writes(-1, "PublishAsync", "PublishMsgAsync")...)},
		{"Consumer", NATS, append(plain("Fetch", "FetchNoWait", "FetchBytes", "Next"), streams(-1, "Consume", "Messages")...)},
		{"Msg", NATS, append(plain("Ack", "Nak", "Term", "InProgress"), withCtx("DoubleAck")...)},
		{"", NATS, plain("New")},
	},

	"github.com/rabbitmq/amqp091-go": amqpRules,
	"github.com/streadway/amqp":      amqpRules,

	"net": {
		{"", Dial, plain("Dial", "DialTimeout", "DialTCP", "DialUDP", "DialIP", "DialUnix")},
		{"Dialer", Dial, append(plain("Dial"), withCtx("DialContext")...)},
	},
	"crypto/tls": {
		{"", Dial, plain("Dial", "DialWithDialer")},
		{"Dialer", Dial, append(plain("Dial"), withCtx("DialContext")...)},
	},

	"github.com/aws/aws-sdk-go/aws/request": {{"Request", Cloud, plain("Send")}},
	// Pub/Sub's Publish returns a result to wait on, not an error: its
	// shape is not an operation's.
	"cloud.google.com/go/pubsub": {
		{"Topic", Cloud, writes(0, "Publish")},
		{"Publisher", Cloud, writes(0, "Publish")},
	},
}

// gormOps are the methods of gorm.DB that run a statement; the others
// build one.
var gormOps = append(
	writes(-1, "Create", "CreateInBatches", "Save", "FirstOrCreate", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "Exec", "Commit"),
	plain("Find", "First", "Take", "Last", "Scan", "Pluck", "Count", "Rows", "Row", "FindInBatches", "FirstOrInit")...)

var saramaRules = []rule{
	{"SyncProducer", Kafka, writes(-1, "SendMessage", "SendMessages")},
	{"Consumer", Kafka, streams(-1, "ConsumePartition")},
	{"ConsumerGroup", Kafka, streams(0, "Consume")},
	{"", Kafka, plain("NewSyncProducer", "NewAsyncProducer", "NewConsumer", "NewConsumerGroup", "NewClient")},
}

var amqpRules = []rule{
	{"Channel", AMQP, append(append(
		writes(-1, "Publish", "PublishWithDeferredConfirm"),
		writes(0, "PublishWithContext", "PublishWithDeferredConfirmWithContext")...),
		append(plain("Get", "QueueDeclare", "ExchangeDeclare", "QueueBind", "Qos", "Confirm", "Ack", "Nack", "Reject"),
			streams(-1, "Consume")...)...)},
	{"", AMQP, plain("Dial", "DialTLS", "DialConfig")},
}

// redisPackages are go-redis's import paths, major versions removed.
var redisPackages = map[string]bool{"github.com/redis/go-redis": true, "github.com/go-redis/redis": true}

// redisWrites are the Redis commands that copy data into the cache or
// a stream. Deletes, expirations, SETNX and INCR are absent: they
// invalidate, lock or count, and do not copy a change.
var redisWrites = map[string]bool{
	"Set": true, "SetEx": true, "SetEX": true, "SetXX": true, "SetArgs": true, "MSet": true, "HSet": true, "HMSet": true,
	"GetSet": true, "ZAdd": true, "SAdd": true, "Publish": true, "SPublish": true, "XAdd": true, "LPush": true, "RPush": true,
}

// redisCommand recognises a go-redis command: a method of a go-redis
// type (Client, ClusterClient, Ring, Tx, Conn, the Cmdable interfaces)
// that returns a *...Cmd (taking a context first since v8). Commands queued on
// a Pipeliner are sent by its Exec, which is the network call.
func redisCommand(fn *types.Func, path string) (Call, bool) {
	if !redisPackages[path] {
		return Call{}, false
	}
	sig := fn.Signature()
	if sig.Recv() == nil {
		return Call{}, false
	}
	recv := recvName(fn)
	if recv == "Pipeline" || recv == "Pipeliner" {
		if fn.Name() == "Exec" {
			// What it writes is what was queued: Write does not say.
			return Call{Kind: Redis, Op: "Exec", Func: fn, Ctx: 0, Req: -1}, true
		}
		return Call{}, false
	}
	if sig.Results().Len() != 1 {
		if fn.Name() == "Pipelined" || fn.Name() == "TxPipelined" || fn.Name() == "Watch" {
			return Call{Kind: Redis, Op: fn.Name(), Func: fn, Ctx: 0, Req: -1}, true
		}
		return Call{}, false
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return Call{}, false
	}
	named, ok := types.Unalias(res.Elem()).(*types.Named)
	if !ok || !strings.HasSuffix(named.Obj().Name(), "Cmd") {
		return Call{}, false
	}
	c := Call{Kind: Redis, Op: fn.Name(), Func: fn, Ctx: -1, Req: -1, Write: redisWrites[fn.Name()]}
	if sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type()) {
		c.Ctx = 0 // v8 and later; v6 and v7 take no context
	}
	switch fn.Name() {
	case "Subscribe", "PSubscribe", "SSubscribe":
		c.Stream = true
	}
	return c, true
}

// cloudOperation recognises an operation of a cloud or payment SDK by
// its package path and the shape of its signature:
//   - AWS SDK v2 (github.com/aws/aws-sdk-go-v2/service/...): a method
//     func(ctx, *XInput, ...func(*Options)) (*XOutput, error), and the
//     NextPage of paginators and Wait of waiters;
//   - AWS SDK v1 (github.com/aws/aws-sdk-go/service/...): X(*XInput),
//     XWithContext(ctx, *XInput, ...) and their Pages forms, returning
//     an error last (XRequest only builds the request: Send sends it);
//   - Stripe (github.com/stripe/stripe-go/...): a function or method that
//     takes a *...Params and returns an error last, or an iterator;
//   - Google Cloud (cloud.google.com/go/...): a method of an exported
//     type that takes a context first and returns an error last or an
//     iterator; google.golang.org/api's generated Call.Do.
func cloudOperation(fn *types.Func, path string) (Call, bool) {
	if !fn.Exported() {
		return Call{}, false
	}
	sig := fn.Signature()
	params, results := sig.Params(), sig.Results()
	if results.Len() == 0 {
		return Call{}, false
	}
	lastErr := match.IsError(results.At(results.Len() - 1).Type())
	ctxFirst := params.Len() > 0 && isContext(params.At(0).Type())
	switch {
	case strings.HasPrefix(path, "github.com/aws/aws-sdk-go-v2/service/"):
		if sig.Recv() == nil || !ctxFirst || !lastErr {
			return Call{}, false
		}
		c := Call{Kind: Cloud, Op: fn.Name(), Service: serviceOf(path, "github.com/aws/aws-sdk-go-v2/service/"), Func: fn, Ctx: 0, Req: -1}
		if params.Len() > 1 && inputStruct(params.At(1).Type(), "Input") {
			c.Req = 1
		} else if fn.Name() != "NextPage" && fn.Name() != "Wait" && fn.Name() != "WaitForOutput" {
			return Call{}, false
		}
		return c, true
	case strings.HasPrefix(path, "github.com/aws/aws-sdk-go/service/"):
		if sig.Recv() == nil || !lastErr {
			return Call{}, false
		}
		c := Call{Kind: Cloud, Op: strings.TrimSuffix(fn.Name(), "WithContext"), Service: serviceOf(path, "github.com/aws/aws-sdk-go/service/"), Func: fn, Ctx: -1, Req: -1}
		if !requestParam(&c, params, "Input") {
			return Call{}, false
		}
		return c, true
	case strings.HasPrefix(path, "github.com/stripe/stripe-go"):
		if !lastErr && !isIterator(results.At(0).Type()) {
			return Call{}, false
		}
		c := Call{Kind: Cloud, Op: fn.Name(), Service: serviceOf(path, "github.com/stripe/stripe-go"), Func: fn, Ctx: -1, Req: -1}
		if !requestParam(&c, params, "Params") {
			return Call{}, false
		}
		switch fn.Name() {
		case "New", "Create", "Update", "Del", "Delete", "Cancel", "Capture", "Confirm", "Pay", "Refund", "Close", "Attach", "Detach":
			c.Write = true
		}
		return c, true
	case strings.HasPrefix(path, "cloud.google.com/go/"):
		if sig.Recv() == nil || !ctxFirst || !(lastErr || isIterator(results.At(0).Type())) {
			return Call{}, false
		}
		return Call{Kind: Cloud, Op: fn.Name(), Service: serviceOf(path, "cloud.google.com/go/"), Func: fn, Ctx: 0, Req: -1}, true
	case strings.HasPrefix(path, "google.golang.org/api/"):
		if fn.Name() != "Do" || sig.Recv() == nil || !lastErr {
			return Call{}, false
		}
		return Call{Kind: Cloud, Op: strings.TrimSuffix(recvName(fn), "Call"), Service: serviceOf(path, "google.golang.org/api/"), Func: fn, Ctx: -1, Req: -1}, true
	}
	return Call{}, false
}

// serviceOf returns the first path element after prefix: sqs for
// github.com/aws/aws-sdk-go-v2/service/sqs, charge for stripe-go's
// charge package (the module root is the client: "stripe").
func serviceOf(path, prefix string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(path, prefix), "/")
	if rest == "" {
		return "stripe"
	}
	svc, _, _ := strings.Cut(rest, "/")
	return svc
}

// inputStruct reports whether t is a pointer to a named struct whose
// name ends in suffix (RunInstancesInput, ChargeParams).
func inputStruct(t types.Type, suffix string) bool {
	n := match.NamedStruct(t)
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && n != nil && strings.HasSuffix(n.Obj().Name(), suffix)
}

// isIterator reports whether t is (a pointer to) a named type whose name
// ends in Iter or Iterator: its Next makes the requests.
func isIterator(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && (strings.HasSuffix(n.Obj().Name(), "Iter") || strings.HasSuffix(n.Obj().Name(), "Iterator"))
}

// requestParam sets c.Ctx when the operation takes a context first and
// c.Req to its first *...suffix struct parameter (the SDK's request),
// and reports whether it has one.
func requestParam(c *Call, params *types.Tuple, suffix string) bool {
	for i := range params.Len() {
		switch t := params.At(i).Type(); {
		case i == 0 && isContext(t):
			c.Ctx = 0
		case c.Req < 0 && inputStruct(t, suffix):
			c.Req = i
		}
	}
	return c.Req >= 0
}
