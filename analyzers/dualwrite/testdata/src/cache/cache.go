package cache

import (
	"context"
	"database/sql"
	"time"

	"github.com/redis/go-redis/v9"
)

type Store struct {
	db  *sql.DB
	rdb *redis.Client
	c   redis.Cmdable
}

// Cache-aside: delete the key after the commit. A crash leaves a stale
// entry until its TTL; the standard pattern, left alone.
func (s *Store) Rename(ctx context.Context, id, name string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id); err != nil {
		return err
	}
	return s.rdb.Del(ctx, "user:"+id).Err()
}

// Write-through after the write: the cache can keep the old value.
func (s *Store) SetName(ctx context.Context, id, name string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id); err != nil {
		return err
	}
	return s.c.Set(ctx, "user:"+id, name, time.Hour).Err() // want `Set writes the Redis cache after a database write: a crash or a failed write in between leaves the cache serving the old value, and concurrent updates can leave it stale for good; delete the key after the commit \(cache-aside\) instead`
}

// The cache written before the transaction commits.
func (s *Store) Early(ctx context.Context, id, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	s.rdb.HSet(ctx, "user:"+id, "name", name) // want `HSet writes the Redis cache before the database transaction commits: if that fails or rolls back, readers of the cache see a change that never happened; change the cache after the commit`
	if _, err := tx.ExecContext(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id); err != nil {
		return err
	}
	return tx.Commit()
}

// Redis pub/sub after the write is a broker.
func (s *Store) Announce(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO users (id) VALUES ($1)`, id); err != nil {
		return err
	}
	return s.rdb.Publish(ctx, "users", id).Err() // want `Publish publishes to Redis after a database write`
}

// A lock taken with SETNX around the write is not a copy of the change.
func (s *Store) Locked(ctx context.Context, id string) error {
	if !s.rdb.SetNX(ctx, "lock:"+id, "me", time.Minute).Val() {
		return nil
	}
	defer s.rdb.Del(ctx, "lock:"+id)
	_, err := s.db.ExecContext(ctx, `UPDATE users SET n = n + 1 WHERE id = $1`, id)
	return err
}

// A rate limiter counts requests; it does not copy the change.
func (s *Store) Limited(ctx context.Context, id string) error {
	if err := s.rdb.Incr(ctx, "rate:"+id).Err(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO hits (id) VALUES ($1)`, id)
	return err
}

// Cache-aside read path: a SELECT, then the cache filled.
func (s *Store) Get(ctx context.Context, id string) (string, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name); err != nil {
		return "", err
	}
	s.rdb.Set(ctx, "user:"+id, name, time.Hour)
	return name, nil
}
