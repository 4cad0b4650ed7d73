package detach

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"
)

// A function started as fire-and-forget work after the response (a cache
// fill), which writes with a fresh bounded context: its context is its
// own, even where a test mode calls it synchronously.
type filler struct {
	db       *sql.DB
	testMode bool
}

func (f *filler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if f.testMode {
		f.put(ctx, "k")
	} else {
		go f.put(ctx, "k")
	}
	f.lookup(ctx, "k")
	var wg sync.WaitGroup
	wg.Add(1)
	go f.fanOut(ctx, &wg)
	wg.Wait()
}

func (f *filler) put(ctx context.Context, key string) {
	setCtx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	f.db.ExecContext(setCtx, "INSERT cache", key)
}

// Look-alikes: a function only called during the request, and one started
// as a goroutine the request waits for.
func (f *filler) lookup(ctx context.Context, key string) {
	f.db.QueryContext(context.Background(), "SELECT cache", key) // want `context.Background\(\) where ctx is in scope`
}

func (f *filler) fanOut(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	f.db.QueryContext(context.Background(), "SELECT part") // want `context.Background\(\) where ctx is in scope`
}

// A fresh context made in the request as the argument of a go statement
// is the fire-and-forget goroutine's own (a store reload that runs after
// the response): passing the request's context would cancel it as the
// handler returns.
type reloader struct{ db *sql.DB }

func (rl *reloader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	go rl.reload(context.Background())
	go rl.reload(withLogger(context.TODO()))
	w.WriteHeader(http.StatusAccepted)
}

func (rl *reloader) reload(ctx context.Context) {
	rl.db.ExecContext(ctx, "REFRESH MATERIALIZED VIEW policies")
}

func withLogger(ctx context.Context) context.Context { return ctx }

// Look-alike: a goroutine the request waits for runs for the request, so
// a fresh context in its arguments is reported, with the detachment that
// keeps the trace as the advice.
func (rl *reloader) both(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var wg sync.WaitGroup
	wg.Add(1)
	go rl.part(context.Background(), &wg) // want `context.Background\(\) where r.Context\(\) is in scope: .*pass context.WithoutCancel\(r.Context\(\)\)`
	wg.Wait()
	rl.reload(ctx)
}

func (rl *reloader) part(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	rl.db.ExecContext(ctx, "UPDATE part")
}
