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
