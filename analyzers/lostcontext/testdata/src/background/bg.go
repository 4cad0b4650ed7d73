package background

import (
	"context"
	"database/sql"
	"net/http"
	"runtime/pprof"
	"sync"
	"time"
)

type Service struct{ db *sql.DB }

func (s *Service) Charge(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(context.Background(), "UPDATE x", id) // want `context.Background\(\) where ctx is in scope: the call loses the request's deadline, cancellation and trace`
	return err
}

func (s *Service) Todo(ctx context.Context) {
	s.db.QueryContext(context.TODO(), "SELECT 1") // want `context.TODO\(\) where ctx is in scope`
}

func (s *Service) Derived(ctx context.Context) {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) where ctx is in scope`
	defer cancel()
	s.db.PingContext(tctx)
}

func (s *Service) ViaVariable(ctx context.Context) {
	bg := context.Background() // want `context.Background\(\) where ctx is in scope`
	s.db.PingContext(bg)
}

func handler(w http.ResponseWriter, r *http.Request) {
	db := &sql.DB{}
	db.PingContext(context.Background()) // want `context.Background\(\) where r.Context\(\) is in scope`
}

func (s *Service) Async(ctx context.Context, id string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.db.ExecContext(context.Background(), "INSERT", id) // want `context.Background\(\) where ctx is in scope: .*pass context.WithoutCancel\(ctx\), which keeps the trace, or mark the goroutine //distlint:detached <reason>`
	}()
	wg.Wait()
}

func (s *Service) Callback(ctx context.Context, run func(func())) {
	run(func() {
		s.db.PingContext(context.Background()) // want `context.Background\(\) where ctx is in scope`
	})
}

// Negatives.

// Fire and forget: work that outlives the request by design.
func (s *Service) FireAndForget(ctx context.Context, id string) {
	go func() {
		s.db.ExecContext(context.Background(), "INSERT thumbnail", id)
	}()
}

func main() {
	db := &sql.DB{}
	db.PingContext(context.Background())
}

func init() {
	(&sql.DB{}).PingContext(context.Background())
}

func noContext(db *sql.DB) {
	db.PingContext(context.Background())
}

func ignored(_ context.Context, db *sql.DB) {
	db.PingContext(context.Background())
}

func (s *Service) Detach(ctx context.Context, id string) {
	go s.db.ExecContext(context.WithoutCancel(ctx), "INSERT", id)
}

func (s *Service) Marked(ctx context.Context, id string) {
	//distlint:detached the audit row must be written after the client hangs up
	go func() {
		s.db.ExecContext(context.Background(), "INSERT audit", id)
	}()
}

// After ctx is done, a fresh context for shutdown is right.
func serve(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

func serveSelect(ctx context.Context, srv *http.Server, errc <-chan error) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return srv.Shutdown(context.Background())
}

func (s *Service) Cleanup(ctx context.Context) {
	defer func() {
		s.db.PingContext(context.Background())
	}()
}

// Kept, not passed to a call.
type job struct{ ctx context.Context }

func (s *Service) Store(ctx context.Context) *job {
	return &job{ctx: context.Background()}
}

// The name ctx no longer refers to the parameter.
func shadowed(ctx context.Context, db *sql.DB) {
	{
		ctx := "not a context"
		_ = ctx
		db.PingContext(context.Background())
	}
}

// Corpus shape (kafka-go): deferred cleanup resets goroutine labels.
func labels(ctx context.Context) {
	pprof.SetGoroutineLabels(ctx)
	defer pprof.SetGoroutineLabels(context.Background())
}

// Corpus shape (Prometheus tracing): a shutdown function returned to the
// caller runs after the request.
func setup(ctx context.Context, srv *http.Server) func() error {
	return func() error {
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	}
}

// A timer callback runs later, too.
func (s *Service) Later(ctx context.Context) {
	time.AfterFunc(time.Minute, func() {
		s.db.PingContext(context.Background())
	})
}

// Generics.
type Store[K comparable, V any] struct{ db *sql.DB }

func (s *Store[K, V]) Get(ctx context.Context, k K) (V, error) {
	var v V
	err := s.db.QueryRowContext(context.Background(), "SELECT", k).Scan(&v) // want `context.Background\(\) where ctx is in scope`
	return v, err
}

func Do[T any](ctx context.Context, f func(context.Context) T) T {
	return f(ctx)
}

// Corpus shape (log/slog): a nil context gets a default.
func (s *Service) Log(ctx context.Context) {
	if ctx == nil {
		ctx = context.Background()
	}
	s.db.PingContext(ctx)
}

// The incoming request that feeds the service's methods above: their
// contexts are a request's.
type key struct{}

func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s.Charge(ctx, "id")
	s.Todo(ctx)
	s.Derived(context.WithValue(ctx, key{}, 1))
	s.ViaVariable(ctx)
	s.Async(ctx, "id")
	s.FireAndForget(ctx, "id")
	s.Callback(ctx, nil)
	s.Detach(ctx, "id")
	s.Marked(ctx, "id")
	s.Cleanup(ctx)
	s.Store(ctx)
	s.Later(ctx)
	s.Log(ctx)
	(&Store[string, int]{}).Get(ctx, "k")
	noContext(nil)
	ignored(ctx, nil)
	serve(ctx, nil)
	serveSelect(ctx, nil, nil)
	shadowed(ctx, nil)
	labels(ctx)
	setup(ctx, nil)
}
