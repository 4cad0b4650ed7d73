// Context-less calls while serving an incoming request.
package contextless

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"net/url"
	"time"
)

type api struct {
	db     *sql.DB
	client *http.Client
}

func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Get("http://backend/items")                         // want `http.Get takes no context where r.Context\(\) is in scope: it runs on after the client gave up and drops the request's trace; make the request with http.NewRequestWithContext\(r.Context\(\), ...\) and send it with Do`
	http.PostForm("http://backend/items", url.Values{})      // want `http.PostForm takes no context`
	a.client.Head("http://backend/health")                   // want `\(\*http.Client\).Head takes no context where r.Context\(\) is in scope`
	a.client.Post("http://backend/items", "text/plain", nil) // want `\(\*http.Client\).Post takes no context`
	net.Dial("tcp", "backend:80")                            // want `net.Dial takes no context where r.Context\(\) is in scope: .*use \(&net.Dialer\{\}\).DialContext\(r.Context\(\), ...\)`
	net.DialTimeout("tcp", "backend:80", 2*time.Second)      // want `net.DialTimeout takes no context`
	rows, _ := a.db.Query("SELECT 1")                        // want `\(\*sql.DB\).Query takes no context where r.Context\(\) is in scope: .*use QueryContext\(r.Context\(\), ...\)`
	rows.Close()
	a.db.Exec("UPDATE x SET y = ?", 1) // want `\(\*sql.DB\).Exec takes no context`
	tx, _ := a.db.Begin()              // want `\(\*sql.DB\).Begin takes no context`
	tx.QueryRow("SELECT 2")            // want `\(\*sql.Tx\).QueryRow takes no context`
	a.store(r.Context())
}

// Fed by the handler: ctx is the request's.
func (a *api) store(ctx context.Context) {
	a.db.Ping() // want `\(\*sql.DB\).Ping takes no context where ctx is in scope: .*use PingContext\(ctx, ...\)`
}

// Negatives.

// The context forms.
func (a *api) good(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a.db.QueryContext(ctx, "SELECT 1")
	(&net.Dialer{}).DialContext(ctx, "tcp", "backend:80")
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://backend", nil)
	a.client.Do(req)
	a.db.Stats()            // no context form
	a.db.SetMaxOpenConns(2) // no round trip
}

// Not serving a request: a worker's lifetime, a client helper, main.
func (a *api) Run(ctx context.Context) { // want Run:"dropsContext\\(param 0: \\(\\*sql.DB\\).Exec at contextless.go:53\\)"
	a.db.Exec("DELETE FROM expired")
	http.Get("http://backend/ping")
}

func fetch(c *http.Client, u string) {
	c.Get(u)
}

func main() {
	net.Dial("tcp", "backend:80")
}

// Deliberate detachment inside a request.
func (a *api) detached(w http.ResponseWriter, r *http.Request) {
	if _, err := a.db.ExecContext(r.Context(), "INSERT"); err != nil {
		a.db.Exec("UPDATE jobs SET state = 'failed'")
		return
	}
	go func() {
		http.Post("http://audit", "text/plain", nil)
	}()
	// Outlives the request on purpose: no context.
	a.db.Exec("INSERT audit")
}

// A method named like a context-less call on another type.
type cache struct{}

func (cache) Get(string) string { return "" }

func cached(w http.ResponseWriter, r *http.Request) {
	cache{}.Get("k")
}
