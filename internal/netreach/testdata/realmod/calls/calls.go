// Package calls makes network calls through the real client libraries,
// whose interface methods come from export data.
package calls

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ec2v1 "github.com/aws/aws-sdk-go/service/ec2"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"github.com/stripe/stripe-go/v85"
	"github.com/stripe/stripe-go/v85/charge"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
)

func cloud(ctx context.Context, v2 *ec2.Client, v1 *ec2v1.EC2) {
	v2.RunInstances(ctx, &ec2.RunInstancesInput{})               // want `cloud RunInstances svc=ec2 ctx=0 req=1$`
	v1.RunInstancesWithContext(ctx, &ec2v1.RunInstancesInput{})  // want `cloud RunInstances svc=ec2 ctx=0 req=1$`
	req, _ := v1.RunInstancesRequest(&ec2v1.RunInstancesInput{}) // builds the request
	req.Send()                                                   // want `cloud Send ctx=-1 req=-1$`
	charge.New(&stripe.ChargeParams{Amount: stripe.Int64(1)})    // want `cloud New svc=charge ctx=-1 req=0 write$`
	_ = awsv1.String("x")                                        // a helper
}

func rpc(ctx context.Context, cc *grpc.ClientConn) {
	h := grpc_health_v1.NewHealthClient(cc)
	h.Check(ctx, &grpc_health_v1.HealthCheckRequest{}) // want `grpc Health.Check svc=Health ctx=0 req=1$`
	h.Watch(ctx, &grpc_health_v1.HealthCheckRequest{}) // want `grpc Health.Watch svc=Health ctx=0 req=1 stream$`
}

func brokers(ctx context.Context, p sarama.SyncProducer, nc *nats.Conn, js nats.JetStreamContext, ch *amqp.Channel) {
	p.SendMessage(&sarama.ProducerMessage{})            // want `kafka SendMessage ctx=-1 req=-1 write$`
	nc.Publish("s", nil)                                // want `nats Publish ctx=-1 req=-1 write$`
	js.Publish("s", nil)                                // want `nats Publish ctx=-1 req=-1 write$`
	ch.Publish("", "", false, false, amqp.Publishing{}) // want `amqp Publish ctx=-1 req=-1 write$`
}

func stores(ctx context.Context, rdb *redis.Client, conn *pgx.Conn) {
	rdb.Set(ctx, "k", 1, 0) // want `redis Set ctx=0 req=-1 write$`
	rdb.Get(ctx, "k")       // want `redis Get ctx=0 req=-1$`
	var c redis.Cmdable = rdb
	c.Del(ctx, "k")                 // want `redis Del ctx=0 req=-1$`
	conn.Exec(ctx, "DELETE FROM t") // want `sql Exec ctx=0 req=-1 write$`
	tx, _ := conn.Begin(ctx)        // want `sql Begin ctx=0 req=-1$`
	tx.Commit(ctx)                  // want `sql Commit ctx=0 req=-1 write$`
}
