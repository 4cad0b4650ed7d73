// Package idempotency defines an Analyzer that reports network writes
// sent without an idempotency key.
//
// # Analyzer idempotency
//
// idempotency: report network writes sent without an idempotency key
//
// Mental model: the network is a liar. A write whose response is lost
// (a timeout, a reset connection, a crashed proxy) may or may not have
// happened, and the only safe reaction, trying again, repeats it unless
// the server can recognise the second attempt: the double charge. An
// idempotency key derived from the operation (an order ID, a job ID) lets
// the server answer the retry with the first attempt's result.
//
// Evidence standard: distlint reports an unkeyed POST or PATCH only
// when it can see that a duplicate would do harm: either a replay (a
// retry loop around the send, a retrying client such as
// go-retryablehttp, a backoff library or a retry helper of the program
// that takes the sending code as a closure, unless that helper's body is
// in view and its loop leaves on every error that is not a server's
// answer (a type assertion or errors.As to an error type with a status
// code field: googleapi.Error's Code), so a lost response is never
// replayed; or a caller that retries the
// function which sends the write, in the same package or, through facts,
// in another), or, for a team that names them, a once-only operation (a
// constant part of the URL path, the name of the sending function, or
// the name of its caller has one of the -idempotency.operations words as
// a whole word: with charge and refund, charges and createRefund do,
// recharge does not). No word is set by default: on code nobody had
// tuned the rules on, a write named for a payment, an order or a
// transfer with no replay in view was never a true finding (payment SDKs
// whose requests carry the merchant's own order, refund or transfer
// number, which the provider deduplicates on; set-to-value writes; reads
// sent as POST). idempotency.MoneyOperations lists the words that were
// the default (charge, payment, pay, payout, transfer, refund, invoice,
// order, checkout, subscription, booking) for a team whose write APIs
// take a key. Other
// unkeyed writes (consensus messages idempotent by their term and index,
// lease renewals, guarded state transitions, reads sent as POST, one-shot
// credential requests) are left alone unless -idempotency.strict asks
// for every one. A replay is no evidence when the body already carries
// the key the message asks for: it reports a replayed write only when it
// cannot see that every attempt sends one identified message, that is a
// body that is the encoding (encoding/json's Marshal or an Encoder into
// a local buffer, encoding/xml's, protojson's or proto's Marshal, or a
// function of the program whose body only returns such an encoding of
// its parameter, as livekit's utils/protojson.Marshal does; followed
// through readers,
// conversions and locals given that one value) of a struct whose type
// has its own identity field (an exported ID, Id, UUID, Uuid, EventID,
// EventId, MessageID, MessageId, RequestID, RequestId, IdempotencyKey or
// DedupID, embedded ones included, or a protobuf GetId getter), encoded
// before the retry starts, or on each attempt with the identity field
// never assigned inside the retry and the value not made there by a
// call: an at-least-once webhook whose event carries its unique id,
// which receivers deduplicate on. Fields that refer to other things
// (CustomerID, OrderID), maps, forms, and a fresh id on each attempt
// identify nothing, and a once-only operation (a payment create whose
// body has an ID) is still reported: such APIs take the key in a
// header. Nor is a replay evidence for a set-to-value write: a body
// that encodes a struct literal whose every field is a constant or a
// local given only constants (role := "replica", or "primary" if a
// flag says so), with no parameter giving the URL, sets the same state
// again when repeated. A field from a parameter, a call or a field
// carries data and keeps the finding, and a once-only name (of the URL
// path, the sender or its caller) still reports it. Nor is a replay
// evidence for a write addressed by its content: the sending function
// sets a query parameter named digest, sha256, sha512 or checksum
// (q.Set("digest", blob.Digest): an OCI registry's blob upload), so a
// repeat writes the same content under the same name. It reports an SDK or RPC call only when it can see the
// request struct built (a literal, new, a zero value, or a factory
// function whose facts say it returns a fresh struct) with its
// idempotency field unset: the API asking for a key is the evidence. It
// reports a broker publish only when the broker offers deduplication, the
// publish in view uses none, and a duplicate is in view: a JetStream
// publish with the HTTP rule's evidence (a replay, or a once-only
// operation named by its subject or function), a Kafka producer whose
// own retries replay it (sarama's default Retry.Max without
// Idempotent, franz-go with idempotent writes turned off); and a
// transport only when it visibly sends the request it was given again
// without looking at its method or idempotency header.
//
// The analyzer follows each *http.Request from where it is made
// (http.NewRequest and NewRequestWithContext with a constant method,
// a request literal, go-retryablehttp's NewRequest, resty's R()) through
// local variables, fields of local structs and helper functions, to where
// it is sent ((*http.Client).Do, RoundTrip, go-retryablehttp's Client.Do,
// resty's Post, Patch and Execute), and reports, with the evidence above:
//
//   - POST and PATCH requests on which no idempotency header
//     (-idempotency.headers) is set on the way: Header.Set, Header.Add,
//     assignment to the header map with any letter case, a header literal,
//     resty's SetHeader and SetHeaders, or a helper that sets it;
//   - http.Post, http.PostForm and (*http.Client).Post/PostForm, and
//     go-retryablehttp's Post and PostForm, which cannot carry a header;
//   - calls of functions that send such a write of their own, where the
//     caller retries the call or names a once-only operation (the finding
//     names both functions).
//
// It also reports, whatever the evidence of replay, calls of SDK and RPC
// operations whose request struct (or a struct it embeds) has an
// idempotency field (-idempotency.fields; not one whose struct tag sends
// it as a log-correlation header, as Azure Storage's RequestID
// `header:"x-ms-client-request-id"` is) that the caller builds in view
// (a literal, new, a zero value, a factory such as ecs.CreateRunInstancesRequest)
// and never sets, neither as a field nor through a setter whose name
// contains the field's name (stripe-go's SetIdempotencyKey), unless the
// operation's name says it reads (-idempotency.readprefixes), or issues
// the caller a fresh artifact (Generate: a certificate signed for the
// caller's new key, a token, a data key: a repeat issues a second one,
// which nobody uses, and stores nothing twice); the request
// may be sent by a helper that takes it as a parameter, inside a retry
// closure or not. The request type must belong to the operation's package
// (or a parent or child package): stripe-go's charge.New(params), the AWS
// SDK's RunInstances, Google Cloud's Insert, gRPC stubs whose message has
// an idempotency_key. Two such calls cannot write twice and are left
// alone: an operation whose token the SDK fills itself when it is unset
// (the AWS SDK for Go v2 generates addIdempotencyToken_op<Op>Middleware
// for them, and v1 tags the field idempotencyToken: one random token per
// call, kept across the SDK's own resends; a retry of the program around
// the call, or inside the helper that sends it, draws a new token per
// attempt and is still reported, naming the retry), and a request that
// names, in view, the resource the operation acts on (a field made of
// the operation's object words and Name or Identifier: CreateChangeSet's
// ChangeSetName, DeleteStack's StackName, CreateDBInstance's
// DBInstanceIdentifier), which the service keeps unique, so a repeated
// create is refused and a repeated delete or execute finds the work
// done. A name of another resource (a CreateStack given an OwnerName) or
// no name in view keeps the finding.
//
// It also reports, because the replay is built in, broker publishes that
// the broker could deduplicate and transports that replay:
//
//   - JetStream publishes (nats.go's JetStreamContext and the jetstream
//     package's Publish, PublishMsg, PublishAsync, PublishMsgAsync) whose
//     options and message are all in view and carry neither a message id
//     (nats.MsgId, jetstream.WithMsgID, a Nats-Msg-Id header) nor an
//     expectation (ExpectLastSequence and friends, which make a repeat
//     fail), with the evidence above (or -idempotency.strict): a publish
//     retried after a lost acknowledgement, or re-run after a restart, is
//     stored twice and processed twice. Core NATS (nats.Conn.Publish) has
//     no deduplication and is left alone;
//   - Kafka producers that retry without idempotence: a sarama producer
//     (NewSyncProducer, NewAsyncProducer, or FromClient with a client made
//     in view) whose config is a sarama.NewConfig() in view that keeps
//     Producer.Retry.Max above 0 (3 by default) and never sets
//     Producer.Idempotent; a franz-go client given
//     kgo.DisableIdempotentWrite() without kgo.RecordRetries(0). A config
//     handed to a helper, or set from values that are not constants, is
//     left alone;
//   - transports that replay: a function shaped like RoundTrip
//     (func(*http.Request) (*http.Response, error): a RoundTripper, a
//     client wrapper's Do) that sends the request it is given again, from
//     a later iteration of a loop (retries, failover over endpoints) or
//     as parallel copies (hedging), without deciding in view whether it
//     may: comparing the method, asking a yes-or-no helper about the
//     request or its method (a retry policy the caller supplies counts,
//     given the request alone or in a struct literal and answering yes
//     or no first, as rehttp's t.retry(Attempt{Request: req, ...})
//     returning retry and delay: the policy sees the method), or reading
//     its idempotency header. GetBody
//     makes a body readable twice, not a POST safe to run twice. A loop
//     that leaves whenever the send returns an error (`if err != nil ||
//     resp.StatusCode != 500 { break }`) repeats only requests the
//     server answered, never one whose response was lost, and is left
//     alone. A replay after a failure that never rewinds the body
//     (reads no GetBody, gives no request a new Body, makes no new
//     request) is left alone too: the first send consumed and closed the
//     body, so a write that has one fails net/http's Content-Length
//     check before a whole request reaches the server again
//     (gomatrixserverlib's failover over SRV targets); a write with no
//     body is replayed whole, and -idempotency.strict reports those
//     transports. The report is at the send that repeats.
//
// When the write is replayed, the message says by what.
//
// Helpers are seen across packages through facts: a function that sets
// the key on its *http.Request or http.Header parameter, a function that
// sends its request parameter, a function that returns a request it
// built (with its method, or the parameter that gives it, and its URL), a
// function that sends an unkeyed write with no evidence in its own view,
// a retry helper (it calls a func parameter again after a failure), a
// factory that returns a fresh SDK request with its idempotency field
// unset, and a function that passes its SDK request parameter to a write
// without setting that field.
//
// Left alone: GET, HEAD, OPTIONS, PUT and DELETE (idempotent by RFC 9110),
// requests whose method is not a constant in view, requests that come from
// out of view (parameters, fields of non-local values) or go out of view
// before they are sent (to an interface method, a function value, a
// header whose name is not a constant: the key may be set there), request
// structs passed as nil or built out of view, request structs that carry
// their place in a sequence (a field named offset, epoch, term, sequence
// or seq: the receiver drops a position it has seen, as a stream
// subscriber does), requests sent by a function whose name has a read
// word (-idempotency.readprefixes, per name word: getRemoteStatus,
// RetrieveCredentials, executeReadRequest send reads carried over POST,
// such as OCSP, STS and search queries) or a credential word (Token),
// requests of a function that gets a nonce from a call (GetNonce) and
// signs (signer.Sign): a protocol whose requests carry their own replay
// protection and whose servers take no idempotency header (ACME, RFC
// 8555: newOrder, finalize), test
// helpers (functions taking a *testing.T, B, F or testing.TB), writes
// whose URL visibly names this machine (a loopback, localhost or
// unspecified host, or the address of a listener the program opened, as
// a constant, in a url.URL's Host, or in an unexported field written
// only with such addresses: a worker process the program started),
// where no network between the parties loses a response, the
// clients' own packages (net/http's Post is reported where it is called),
// and test files.
//
// Bad:
//
//	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/charges", body)
//	resp, err := client.Do(req) // a lost response makes the retry charge twice
//
//	for attempt := 0; attempt < 3; attempt++ {
//		if err := billing.Create(ctx, order); err == nil { // Create sends an unkeyed POST
//			break
//		}
//	}
//
//	charge.New(&stripe.ChargeParams{Amount: stripe.Int64(2000)})
//
// Good:
//
//	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/charges", body)
//	req.Header.Set("Idempotency-Key", "order-"+order.ID)
//	resp, err := client.Do(req)
//
//	params := &stripe.ChargeParams{Amount: stripe.Int64(2000)}
//	params.SetIdempotencyKey("order-" + order.ID)
//	charge.New(params)
//
// Options:
//
//	-idempotency.headers LIST       idempotency header names (default Idempotency-Key,X-Idempotency-Key)
//	-idempotency.fields LIST        request-struct fields that carry a key (default IdempotencyKey,IdempotencyToken,ClientToken,ClientRequestToken,RequestId,RequestID,DeduplicationId,MessageDeduplicationId)
//	-idempotency.readprefixes LIST  name prefixes of read operations, and read words of sending functions' names (default Get,List,Describe,Search,Retrieve,Read,Fetch,Head,Query,Iter,Watch,Generate)
//	-idempotency.operations LIST    words naming once-only operations, matched on whole words of URL paths and function names, plurals included: an unkeyed write named with one is reported without a replay in view (default none; for example charge,payment,refund,order)
//	-idempotency.strict             report every unkeyed POST and PATCH, without evidence of a replay or a once-only operation (the analyzer's behaviour before the evidence standard)
package idempotency
