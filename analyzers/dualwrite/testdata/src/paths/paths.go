package paths

import (
	"context"
	"database/sql"

	"github.com/nats-io/nats.go"
)

type Service struct {
	db *sql.DB
	nc *nats.Conn
}

// Mutually exclusive branches: one store each.
func (s *Service) Either(ctx context.Context, toDB bool) error {
	if toDB {
		_, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
		return err
	} else {
		return s.nc.Publish("t", nil)
	}
}

func (s *Service) Switch(ctx context.Context, mode int) error {
	switch mode {
	case 0:
		_, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
		return err
	case 1:
		return s.nc.Publish("t", nil)
	}
	return nil
}

// The first branch returns: the two never run together.
func (s *Service) EarlyReturn(ctx context.Context, toDB bool) error {
	if toDB {
		_, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
		return err
	}
	return s.nc.Publish("t", nil)
}

// One branch writes, and the publish follows the if: same path.
func (s *Service) Conditional(ctx context.Context, save bool) error {
	if save {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
			return err
		}
	}
	return s.nc.Publish("t", nil) // want `Publish publishes to NATS after a database write`
}

// A loop that writes and then publishes each item: after, not before.
func (s *Service) Each(ctx context.Context, ids []string) error {
	for _, id := range ids {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES ($1)`, id); err != nil {
			return err
		}
		if err := s.nc.Publish("t", []byte(id)); err != nil { // want `Publish publishes to NATS after a database write`
			return err
		}
	}
	return nil
}

// A goroutine started after the write still publishes.
func (s *Service) Async(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	go func() {
		s.nc.Publish("t", nil) // want `Publish publishes to NATS after a database write`
	}()
	return nil
}

// A handler stored for later is its own function.
func (s *Service) Register(ctx context.Context, handlers map[string]func() error) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	handlers["t"] = func() error { return s.nc.Publish("t", nil) }
	return nil
}

// Compensation: the publish failed, so the row is marked failed.
func (s *Service) Compensate(ctx context.Context) error {
	if err := s.nc.Publish("t", nil); err != nil {
		_, _ = s.db.ExecContext(ctx, `UPDATE jobs SET state = 'failed'`)
		return err
	}
	return nil
}
