// Package helpers writes through helpers of helpers, and through calls
// named like those of a transaction that start none.
package helpers

import (
	"context"
	"database/sql"

	"github.com/nats-io/nats.go"
	"gorm.io/gorm"
)

type Order struct{ ID string }

type Service struct {
	db   *sql.DB
	nc   *nats.Conn
	repo *repo
}

func (s *Service) save1(ctx context.Context, o Order) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, o.ID)
	return err
}

func (s *Service) save2(ctx context.Context, o Order) error { return s.save1(ctx, o) }

func (s *Service) save3(ctx context.Context, o Order) error { return s.save2(ctx, o) }

// Deep writes three helpers away, then publishes.
func (s *Service) Deep(ctx context.Context, o Order) error {
	if err := s.save3(ctx, o); err != nil {
		return err
	}
	return s.nc.Publish("orders", []byte(o.ID)) // want `Publish publishes to NATS after a database write`
}

// publish3 publishes three helpers away.
func (s *Service) publish1(o Order) error { return s.nc.Publish("orders", []byte(o.ID)) }
func (s *Service) publish2(o Order) error { return s.publish1(o) }
func (s *Service) publish3(o Order) error { return s.publish2(o) }

func (s *Service) DeepPublish(ctx context.Context, o Order) error {
	if err := s.save1(ctx, o); err != nil {
		return err
	}
	return s.publish3(o) // want `publish3 publishes to NATS after a database write`
}

// recurse calls itself: its summary is what it does besides.
func (s *Service) recurse(ctx context.Context, o Order, n int) error {
	if n == 0 {
		return s.save1(ctx, o)
	}
	return s.recurse(ctx, o, n-1)
}

func (s *Service) Recursive(ctx context.Context, o Order) error {
	if err := s.recurse(ctx, o, 3); err != nil {
		return err
	}
	return s.nc.Publish("orders", []byte(o.ID)) // want `Publish publishes to NATS after a database write`
}

// repo has a Begin that starts no transaction: it hands out the handle.
type repo struct{ db *gorm.DB }

func (r *repo) Begin() *gorm.DB { return r.db }

// NotATransaction writes through repo.Begin(): no transaction to wait
// for, so the publish after the write is the classic dual write.
func (s *Service) NotATransaction(o *Order) error {
	if err := s.repo.Begin().Create(o).Error; err != nil {
		return err
	}
	return s.nc.Publish("orders", []byte(o.ID)) // want `Publish publishes to NATS after a database write`
}
