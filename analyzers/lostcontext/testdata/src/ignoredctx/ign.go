package ignoredctx

import (
	"context"
	"net/http"
	"time"
)

func slowWork(ctx context.Context) { <-ctx.Done() }

// A named func type whose every value in the package ignores its
// context: its adapter's context.TODO() loses nothing.
type ignHandlerFunc func(context.Context, http.ResponseWriter, *http.Request)

func (f ignHandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := context.TODO()
	f(ctx, w, r)
}

type ignServer struct{}

func (ignServer) index(_ context.Context, w http.ResponseWriter, r *http.Request) {}

func ignPlain(context.Context, http.ResponseWriter, *http.Request) {}

func (s ignServer) wrap(pattern string, h ignHandlerFunc) http.Handler {
	return ignHandlerFunc(func(ctx context.Context, w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		h(ctx, w, r)
		cancel()
	})
}

func (s ignServer) routes(mux *http.ServeMux) {
	mux.Handle("/", s.wrap("/", s.index))
	mux.Handle("/p", s.wrap("/p", ignPlain))
	mux.Handle("/l", s.wrap("/l", func(_ context.Context, w http.ResponseWriter, r *http.Request) {}))
}

// Look-alike: one value of the type uses its context.
type useHandlerFunc func(context.Context, http.ResponseWriter, *http.Request, int)

func (f useHandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := context.TODO() // want `context.TODO\(\) where r.Context\(\) is in scope`
	f(ctx, w, r, 1)
}

func useIgnored(_ context.Context, w http.ResponseWriter, r *http.Request, n int) {}

func useUsed(ctx context.Context, w http.ResponseWriter, r *http.Request, n int) { slowWork(ctx) }

var useRoutes = []useHandlerFunc{useIgnored, useUsed}

// Look-alike: the type is exported, so other packages give it values.
type ExpHandlerFunc func(context.Context, http.ResponseWriter, *http.Request, string)

func (f ExpHandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f(context.TODO(), w, r, "") // want `context.TODO\(\) where r.Context\(\) is in scope`
}

func expIgnored(_ context.Context, w http.ResponseWriter, r *http.Request, s string) {}

var expRoute = ExpHandlerFunc(expIgnored)

// Look-alike: a value of unseen origin (a type assertion).
type anyHandlerFunc func(context.Context, *http.Request)

func (f anyHandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f(context.TODO(), r) // want `context.TODO\(\) where r.Context\(\) is in scope`
}

func anyFrom(v any) anyHandlerFunc {
	return v.(func(context.Context, *http.Request))
}

func anyIgnored(_ context.Context, r *http.Request) {}

var anyRoute = anyHandlerFunc(anyIgnored)
