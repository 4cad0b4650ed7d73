// Whose context is in scope: only an incoming request's counts.
package origins

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"pb"
)

type store struct{ db *sql.DB }

func (s *store) save(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(context.Background(), "INSERT", id) // want `context.Background\(\) where ctx is in scope`
	return err
}

func (s *store) load(ctx context.Context, id string) error {
	return s.db.QueryRowContext(context.TODO(), "SELECT", id).Err() // want `context.TODO\(\) where ctx is in scope`
}

type service struct{ st *store }

// Two calls away from the handler, through a derived context.
func (v *service) create(ctx context.Context, id string) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return v.st.save(tctx, id)
}

// A handler registered as a function literal.
func routes(mux *http.ServeMux, v *service) {
	mux.HandleFunc("/create", func(w http.ResponseWriter, r *http.Request) {
		v.create(r.Context(), r.FormValue("id"))
	})
}

// A gRPC server method: its ctx is the incoming call's.
type greeter struct {
	pb.UnimplementedGreeterServer
	db *sql.DB
	st *store
}

func (g *greeter) SayHello(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) {
	g.db.PingContext(context.Background()) // want `context.Background\(\) where ctx is in scope`
	g.st.load(ctx, in.Name)
	return &pb.HelloReply{}, nil
}

// A streaming method: the stream's Context is the call's.
func (g *greeter) Watch(in *pb.HelloRequest, stream pb.Greeter_WatchServer) error {
	_, err := g.db.ExecContext(context.Background(), "UPDATE", in.Name) // want `context.Background\(\) where stream.Context\(\) is in scope`
	return err
}

// A request handed on with WithContext keeps being the incoming one.
func traced(w http.ResponseWriter, r *http.Request) {
	audit(r.WithContext(context.WithValue(r.Context(), key{}, 1)))
}

type key struct{}

func audit(r *http.Request) {
	(&sql.DB{}).PingContext(context.Background()) // want `context.Background\(\) where r.Context\(\) is in scope`
}

// Negatives: contexts that are not a request's.

// A service's lifetime: the context main gives it.
type worker struct{ db *sql.DB }

func (w *worker) Run(ctx context.Context) { // want Run:"dropsContext\\(param 0: context.Background\\(\\) at origins.go:77\\)"
	for {
		w.db.ExecContext(context.Background(), "DELETE expired")
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// A scheduler's job: its context is the scheduler's.
type job struct{ db *sql.DB }

func (j *job) Execute(ctx context.Context) error { // want Execute:"dropsContext"
	_, err := j.db.ExecContext(context.Background(), "VACUUM")
	return err
}

func schedule(ctx context.Context, jobs []*job) {
	for _, j := range jobs {
		j.Execute(ctx)
	}
}

func main() {
	ctx := context.Background()
	(&worker{}).Run(ctx)
	schedule(ctx, nil)
}

// An outgoing request: a parameter of a function that is not a handler.
func decorate(req *http.Request, db *sql.DB) {
	db.PingContext(context.Background())
}

// A gRPC client call is not a server method, even with the same name.
type caller struct {
	c  pb.GreeterClient
	db *sql.DB
}

func (c *caller) SayHello(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) { // want SayHello:"dropsContext"
	c.db.PingContext(context.Background())
	return c.c.SayHello(ctx, in)
}

// A client stub that mirrors the server's methods and forwards them to
// the service's client (a hashicorp/go-plugin GRPCClient): its ctx is
// its caller's, not an incoming call's.
type notifierStub struct{ client pb.NotifierClient }

func (m *notifierStub) Configure(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) { // want Configure:"dropsContext"
	return m.client.Configure(context.Background(), in)
}

// Look-alike, reported: the server implementation itself (no client
// field) serves an incoming call.
type notifierServer struct{ db *sql.DB }

func (n *notifierServer) Configure(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) {
	n.db.PingContext(context.Background()) // want `context.Background\(\) where ctx is in scope`
	return &pb.HelloReply{}, nil
}

// A handler that passes a fresh context on feeds nothing: the callee's
// ctx is not the request's (the handler's own finding is the call).
func fresh(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) where r.Context\(\) is in scope`
	defer cancel()
	notFed(ctx)
}

func notFed(ctx context.Context) {
	(&sql.DB{}).PingContext(context.Background())
}

// A function with the handler's parameter types in another order is not
// a handler.
func notHandler(r *http.Request, w http.ResponseWriter) {
	(&sql.DB{}).PingContext(context.Background())
}
