package sdkwrites

import (
	"context"
	"encoding/json"

	compute "cloud.google.com/go/compute/apiv1"
	"cloud.google.com/go/compute/apiv1/computepb"
	"example.com/audit"
	"example.com/azstorage"
	"example.com/broker"
	"example.com/orders/orderspb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	stripe "github.com/stripe/stripe-go/v85"
	"github.com/stripe/stripe-go/v85/charge"
)

func stripeLiteral() {
	charge.New(&stripe.ChargeParams{Amount: stripe.Int64(2000)}) // want `charge.New called with stripe.ChargeParams, whose IdempotencyKey is unset: if the response is lost, a retry repeats the write; set IdempotencyKey to a stable key`
}

func stripeLocal(orderID string) {
	params := &stripe.ChargeParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd")}
	params.AddMetadata("order_id", orderID)
	charge.New(params) // want `charge.New called with stripe.ChargeParams, whose IdempotencyKey is unset`
}

func awsRunInstances(ctx context.Context, c *ec2.Client) {
	c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: nil}) // want `ec2.Client.RunInstances called with ec2.RunInstancesInput, whose ClientToken is unset`
}

func awsZeroValue(ctx context.Context, c *ec2.Client) {
	var in ec2.RunInstancesInput
	in.MinCount = new(int32)
	c.RunInstances(ctx, &in) // want `ClientToken is unset`
}

func gcpInsert(ctx context.Context, c *compute.InstancesClient) {
	req := &computepb.InsertInstanceRequest{Project: "p", Zone: "z"}
	c.Insert(ctx, req) // want `compute.InstancesClient.Insert called with computepb.InsertInstanceRequest, whose RequestId is unset`
}

func grpcStub(ctx context.Context, c orderspb.OrderServiceClient) {
	c.CreateOrder(ctx, &orderspb.CreateOrderRequest{Sku: "x"}) // want `orderspb.OrderServiceClient.CreateOrder called with orderspb.CreateOrderRequest, whose IdempotencyKey is unset`
}

// Negatives.

func stripeSetter(orderID string) {
	params := &stripe.ChargeParams{Amount: stripe.Int64(2000)}
	params.SetIdempotencyKey("charge-" + orderID)
	charge.New(params)
}

func stripeEmbeddedLiteral(orderID string) {
	charge.New(&stripe.ChargeParams{Params: stripe.Params{IdempotencyKey: stripe.String(orderID)}})
}

func stripeAssigned(orderID string) {
	params := &stripe.ChargeParams{}
	params.IdempotencyKey = stripe.String(orderID)
	charge.New(params)
}

func stripeEmbeddedAssigned(p stripe.Params) {
	params := &stripe.ChargeParams{}
	params.Params = p
	charge.New(params)
}

func stripeReads(id string) {
	charge.Get(id, &stripe.ChargeParams{})
	charge.List(&stripe.ChargeListParams{Limit: stripe.Int64(3)})
}

// Built out of view: its callers are told (a fact).
func stripeFromCaller(params *stripe.ChargeParams) { charge.New(params) }

func stripeFilledElsewhere(fill func(*stripe.ChargeParams)) {
	params := &stripe.ChargeParams{}
	fill(params)
	charge.New(params)
}

func stripeNil() { charge.New(nil) }

func awsToken(ctx context.Context, c *ec2.Client, token string) {
	c.RunInstances(ctx, &ec2.RunInstancesInput{ClientToken: &token})
	c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
}

func grpcSetter(ctx context.Context, c orderspb.OrderServiceClient, key string) {
	req := &orderspb.CreateOrderRequest{Sku: "x"}
	req.SetIdempotencyKey(key)
	c.CreateOrder(ctx, req)
	c.GetOrder(ctx, &orderspb.CreateOrderRequest{})
}

type logEntry struct {
	RequestID string
	Message   string
}

// Not an SDK operation: a parameter of type any, and a local type.
func notAnOperation() ([]byte, error) {
	record(logEntry{Message: "x"})
	return json.Marshal(logEntry{Message: "x"})
}

func record(e logEntry) {}

// A struct with a key field given to a call that cannot reach the network
// is not a write: an audit or log record with a RequestID.
func auditLogin() error {
	audit.Record(&audit.Event{Action: "login"})
	return audit.Store(&audit.Event{Action: "login"})
}

// A publication that carries its place in the stream (offset and epoch)
// is dropped by a subscriber that has it already: idempotent by design
// (tune corpus: centrifugo's outbox forwarding to an inner broker).
func forwardWithPosition(b broker.Broker, ch string, data []byte, offset uint64, epoch string) {
	b.Publish(ch, data, broker.PublishOptions{Offset: offset, Epoch: epoch})
	opts := broker.PublishOptions{Tags: nil}
	opts.Offset = offset
	b.Publish(ch, data, opts)
	local := broker.PublishOptions{Epoch: epoch}
	b.Publish(ch, data, local)
}

func publishWithoutPosition(b broker.Broker, ch string, data []byte) {
	b.Publish(ch, data, broker.PublishOptions{Tags: map[string]string{"k": "v"}}) // want `broker.Broker.Publish called with broker.PublishOptions, whose IdempotencyKey is unset`
}

// An operation that issues the caller a fresh artifact (a certificate
// signed for the caller's new key): a repeat issues a second one and
// stores nothing twice.
func gcpGenerate(ctx context.Context, c *compute.CertsClient, key string) {
	c.GenerateClientCertificate(ctx, &computepb.GenerateClientCertificateRequest{Parent: "p", PublicKey: key})
}

// Look-alike: a create keeps what it makes.
func gcpCreateCert(ctx context.Context, c *compute.CertsClient, key string) {
	c.CreateClientCertificate(ctx, &computepb.CreateClientCertificateRequest{Parent: "p", PublicKey: key}) // want `compute.CertsClient.CreateClientCertificate called with computepb.CreateClientCertificateRequest, whose RequestId is unset`
}

// A RequestID sent as a log-correlation header (Azure Storage's
// x-ms-client-request-id) is no key: left alone.
func azureCreate(c *azstorage.Container) error {
	return c.Create(&azstorage.CreateContainerOptions{Timeout: 30})
}

// Look-alike, reported: a RequestID carried in the body.
func azureAppend(c *azstorage.Container) error {
	return c.Append(&azstorage.AppendOptions{}) // want `azstorage.Container.Append called with azstorage.AppendOptions, whose RequestID is unset`
}
