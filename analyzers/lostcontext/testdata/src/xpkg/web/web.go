// A handler in another package than the store it calls.
package web

import (
	"context"
	"net/http"

	"xpkg/store"
)

type api struct{ st *store.Store }

func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.st.Save(r.Context(), "id") // want `store.Store.Save is given r.Context\(\) and loses it \(context.Background\(\) at store.go:\d+\)`
	a.st.Load(r.Context(), "id") // want `store.Store.Load is given r.Context\(\) and loses it \(through Store.query`
	a.st.Get(r.Context(), "id")
	a.st.Save(context.Background(), "id") // want `context.Background\(\) where r.Context\(\) is in scope`
	a.st.Close(r.Context())
}

// Not serving a request: the same calls are left alone.
func warm(ctx context.Context, st *store.Store) {
	st.Save(ctx, "warm")
}
