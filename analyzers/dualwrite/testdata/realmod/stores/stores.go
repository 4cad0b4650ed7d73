// Package stores uses the real pgx, gorm and go-redis APIs.
package stores

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

type Store struct {
	pool *pgxpool.Pool
	gdb  *gorm.DB
	rdb  *redis.Client
}

// pgx.Tx is an interface: its methods come from export data.
func (s *Store) Pgx(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `UPDATE users SET name = 'x'`); err != nil {
		return err
	}
	if err := s.rdb.Set(ctx, "user", "x", time.Hour).Err(); err != nil { // want `Set writes the Redis cache before the database transaction commits`
		return err
	}
	return tx.Commit(ctx)
}

// A transaction callback of pgx.
func (s *Store) PgxFunc(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO t VALUES (1)`); err != nil {
			return err
		}
		return s.rdb.Publish(ctx, "t", "1").Err() // want `Publish publishes to Redis before the database transaction commits`
	})
}

// gorm's Transaction.
func (s *Store) Gorm(ctx context.Context, v any) error {
	return s.gdb.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(v).Error; err != nil {
			return err
		}
		return s.rdb.XAdd(ctx, &redis.XAddArgs{Stream: "s"}).Err() // want `XAdd publishes to Redis before the database transaction commits`
	})
}

// Cache-aside invalidation after the write is left alone.
func (s *Store) Invalidate(ctx context.Context, v any) error {
	if err := s.gdb.Save(v).Error; err != nil {
		return err
	}
	return s.rdb.Del(ctx, "k").Err()
}
