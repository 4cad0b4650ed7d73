// A context kept in a struct field at construction and used later for
// network calls has the origin of the values stored there.
package fieldctx

import (
	"context"
	"database/sql"
	"time"
)

type client struct {
	ctx context.Context
	db  *sql.DB
}

func newClient(db *sql.DB) *client {
	return &client{ctx: context.Background(), db: db}
}

func (c *client) load(id string) error {
	return c.db.QueryRowContext(c.ctx, "SELECT", id).Err() // want `\(\*sql.DB\).QueryRowContext with context.Background\(\) \(kept in field ctx\), which has no deadline`
}

// Negatives.

// Derived with WithCancel and kept with its cancel: a lifetime, cancelled
// at shutdown, not timed out.
type cache struct {
	ctx    context.Context
	cancel context.CancelFunc
	db     *sql.DB
}

func newCache(db *sql.DB) *cache {
	ctx, cancel := context.WithCancel(context.Background())
	return &cache{ctx: ctx, cancel: cancel, db: db}
}

func (c *cache) refresh() {
	c.db.ExecContext(c.ctx, "REFRESH")
}

// The constructor's caller gives the context: its deadline is theirs.
type session struct {
	ctx context.Context
	db  *sql.DB
}

func newSession(ctx context.Context, db *sql.DB) *session {
	return &session{ctx: ctx, db: db}
}

func (s *session) ping() { s.db.PingContext(s.ctx) }

// One of the values has a deadline: out of view which one is read.
type job struct {
	ctx context.Context
	db  *sql.DB
}

func newJob(db *sql.DB) *job {
	return &job{ctx: context.Background(), db: db}
}

func (j *job) withDeadline() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	j.ctx = ctx
}

func (j *job) run() { j.db.ExecContext(j.ctx, "RUN") }

// An exported field: other packages may set it.
type Runner struct {
	Ctx context.Context
	DB  *sql.DB
}

func NewRunner(db *sql.DB) *Runner { return &Runner{Ctx: context.Background(), DB: db} }

func (r *Runner) Step() { r.DB.ExecContext(r.Ctx, "STEP") }

// A field set through a pointer to it.
type holder struct {
	ctx context.Context
	db  *sql.DB
}

func newHolder(db *sql.DB) *holder {
	h := &holder{ctx: context.TODO(), db: db}
	set(&h.ctx)
	return h
}

func set(p *context.Context) {}

func (h *holder) use() { h.db.PingContext(h.ctx) }
