// Package kinds calls one operation of each kind the package knows.
package kinds

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"time"

	"cloud.google.com/go/storage"
	"example.com/pb"
	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go/service/ec2"
	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	kafka "github.com/segmentio/kafka-go"
	stripe "github.com/stripe/stripe-go/v85"
	"github.com/stripe/stripe-go/v85/charge"
	"github.com/twmb/franz-go/pkg/kgo"
	"google.golang.org/grpc"
	"gorm.io/gorm"
)

func httpCalls(ctx context.Context, c *http.Client, rt http.RoundTripper, req *http.Request) {
	http.Get("http://x")             // want `http GET ctx=-1 req=-1$`
	http.Post("http://x", "", nil)   // want `http POST ctx=-1 req=-1 write$`
	c.Do(req)                        // want `http Do ctx=-1 req=0$`
	rt.RoundTrip(req)                // want `http RoundTrip ctx=-1 req=0$`
	http.NewRequest("GET", "x", nil) // building a request is no call
	var rc retryablehttp.Client
	rc.Get("http://x") // want `http GET ctx=-1 req=-1$`
	var r resty.Request
	r.SetBody(nil)
	r.Post("http://x") // want `http POST ctx=-1 req=-1 write$`
}

func grpcCalls(ctx context.Context, cc *grpc.ClientConn, g pb.GreeterClient, in *pb.HelloRequest) {
	cc.Invoke(ctx, "/helloworld.Greeter/SayHello", nil, nil) // want `grpc /helloworld.Greeter/SayHello ctx=0 req=-1$`
	cc.NewStream(ctx, nil, "/x.Y/Z")                         // want `grpc NewStream ctx=0 req=-1 stream$`
	g.SayHello(ctx, in)                                      // want `grpc Greeter.SayHello svc=Greeter ctx=0 req=1$`
	g.Watch(ctx, in)                                         // want `grpc Greeter.Watch svc=Greeter ctx=0 req=1 stream$`
}

func sqlCalls(ctx context.Context, db *sql.DB, tx *sql.Tx, st *sql.Stmt, conn *pgx.Conn, gdb *gorm.DB) {
	db.ExecContext(ctx, "DELETE FROM t") // want `sql ExecContext ctx=0 req=-1 write$`
	db.QueryRow("SELECT 1")              // want `sql QueryRow ctx=-1 req=-1$`
	db.BeginTx(ctx, nil)                 // want `sql BeginTx ctx=0 req=-1$`
	tx.Commit()                          // want `sql Commit ctx=-1 req=-1 write$`
	tx.Rollback()                        // settles a transaction: no request
	st.QueryContext(ctx)                 // want `sql QueryContext ctx=0 req=-1$`
	db.SetMaxOpenConns(3)                // configuration
	conn.Exec(ctx, "UPDATE t SET x = 1") // want `sql Exec ctx=0 req=-1 write$`
	t, _ := conn.Begin(ctx)              // want `sql Begin ctx=0 req=-1$`
	t.Commit(ctx)                        // want `sql Commit ctx=0 req=-1 write$`
	gdb.Where("x = ?", 1).First(nil)     // want `sql First ctx=-1 req=-1$`
}

func brokers(ctx context.Context, p sarama.SyncProducer, w *kafka.Writer, k *kgo.Client, js jetstream.JetStream, ch *amqp.Channel) {
	p.SendMessage(nil)                                                  // want `kafka SendMessage ctx=-1 req=-1 write$`
	p.Close()                                                           // not a request
	w.WriteMessages(ctx)                                                // want `kafka WriteMessages ctx=0 req=-1 write$`
	w.Stats()                                                           // not a request
	k.ProduceSync(ctx)                                                  // want `kafka ProduceSync ctx=0 req=-1 write$`
	k.PollFetches(ctx)                                                  // want `kafka PollFetches ctx=0 req=-1$`
	js.Publish(ctx, "s", nil)                                           // want `nats Publish ctx=0 req=-1 write$`
	ch.PublishWithContext(ctx, "", "", false, false, amqp.Publishing{}) // want `amqp PublishWithContext ctx=0 req=-1 write$`
}

func redisCalls(ctx context.Context, rdb *redis.Client) {
	rdb.Set(ctx, "k", 1, time.Second) // want `redis Set ctx=0 req=-1 write$`
	rdb.Del(ctx, "k")                 // want `redis Del ctx=0 req=-1$`
	rdb.Options()                     // configuration
	pipe := rdb.Pipeline()
	pipe.Set(ctx, "k", 1, 0) // queued, sent by Exec
	pipe.Exec(ctx)           // want `redis Exec ctx=0 req=-1$`
}

func cloud(ctx context.Context, q *sqs.Client, e *ec2.EC2, gcs *storage.Client) {
	q.SendMessage(ctx, &sqs.SendMessageInput{})              // want `cloud SendMessage svc=sqs ctx=0 req=1$`
	q.Options()                                              // configuration
	e.RunInstances(&ec2.RunInstancesInput{})                 // want `cloud RunInstances svc=ec2 ctx=-1 req=0$`
	e.RunInstancesWithContext(ctx, &ec2.RunInstancesInput{}) // want `cloud RunInstances svc=ec2 ctx=0 req=1$`
	rq, _ := e.RunInstancesRequest(&ec2.RunInstancesInput{}) // builds the request
	rq.Send()                                                // want `cloud Send ctx=-1 req=-1$`
	charge.New(&stripe.ChargeParams{})                       // want `cloud New svc=charge ctx=-1 req=0 write$`
	charge.Get("ch_1", nil)                                  // want `cloud Get svc=charge ctx=-1 req=1$`
	stripe.String("x")                                       // a helper
	obj := gcs.Bucket("b").Object("o")                       // handles
	obj.Attrs(ctx)                                           // want `cloud Attrs svc=storage ctx=0 req=-1$`
	gcs.Bucket("b").Objects(ctx, nil)                        // want `cloud Objects svc=storage ctx=0 req=-1$`
}

func dials(ctx context.Context, d *net.Dialer) {
	net.Dial("tcp", "x")           // want `dial Dial ctx=-1 req=-1$`
	d.DialContext(ctx, "tcp", "x") // want `dial DialContext ctx=0 req=-1$`
	tls.Dial("tcp", "x", nil)      // want `dial Dial ctx=-1 req=-1$`
	net.ParseIP("::1")             // no network
}

// An interface literal's method is no known operation, whatever its name.
func aliased(ctx context.Context, w kafka.MessageWriter) {
	w.WriteMessages(ctx)
}
