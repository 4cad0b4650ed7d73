package beforecommit

import (
	"context"
	"database/sql"

	"github.com/IBM/sarama"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/segmentio/kafka-go"
	"gorm.io/gorm"
)

type Service struct {
	db       *sql.DB
	gdb      *gorm.DB
	pg       *pgx.Conn
	producer sarama.SyncProducer
	async    sarama.AsyncProducer
	writer   *kafka.Writer
	js       nats.JetStreamContext
}

// Published inside the transaction, before it commits.
func (s *Service) Transfer(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - 10 WHERE id = 1`); err != nil {
		return err
	}
	if err := s.writer.WriteMessages(ctx, kafka.Message{Topic: "transfers"}); err != nil { // want `WriteMessages publishes to Kafka before the database transaction commits: if that fails or rolls back, consumers act on a change that never happened; write the message to an outbox table`
		return err
	}
	return tx.Commit()
}

// Published before the write itself.
func (s *Service) PublishFirst(ctx context.Context, id string) error {
	if _, _, err := s.producer.SendMessage(&sarama.ProducerMessage{Topic: "users"}); err != nil { // want `SendMessage publishes to Kafka before the database write: if that fails`
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO users (id) VALUES ($1)`, id)
	return err
}

// Inside gorm's transaction callback: the callback commits when it returns.
func (s *Service) Create(ctx context.Context, v any) error {
	return s.gdb.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(v).Error; err != nil {
			return err
		}
		_, err := s.js.Publish("created", nil) // want `Publish publishes to NATS before the database transaction commits`
		return err
	})
}

// The same with a helper of the package taking a func(*sql.Tx) error.
func (s *Service) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (s *Service) Helper(ctx context.Context) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
			return err
		}
		s.async.Input() <- &sarama.ProducerMessage{Topic: "t"} // want `Input publishes to Kafka before the database transaction commits`
		return nil
	})
}

// pgx: a transaction from the caller has not committed yet.
func (s *Service) step(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done'`); err != nil {
		return err
	}
	return s.writer.WriteMessages(ctx, kafka.Message{}) // want `WriteMessages publishes to Kafka before the database transaction commits`
}

// pgx.BeginFunc runs a transaction callback.
func (s *Service) PgxFunc(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pg, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO t VALUES (1)`); err != nil {
			return err
		}
		_, err := s.js.Publish("t", nil) // want `Publish publishes to NATS before the database transaction commits`
		return err
	})
}

// After the transaction callback has committed: the weaker finding.
func (s *Service) AfterCallback(ctx context.Context, v any) error {
	err := s.gdb.Transaction(func(tx *gorm.DB) error {
		return tx.Create(v).Error
	})
	if err != nil {
		return err
	}
	_, err = s.js.Publish("created", nil) // want `Publish publishes to NATS after a database write`
	return err
}

// An outbox row in the same transaction: one store.
func (s *Service) Outbox(ctx context.Context, v any) error {
	return s.gdb.Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(v).Error; err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO outbox (topic, payload) VALUES (?, ?)`, "created", "{}").Error
	})
}

// A gorm transaction begun by hand.
func (s *Service) Manual(v any) error {
	tx := s.gdb.Begin()
	if err := tx.Save(v).Error; err != nil {
		tx.Rollback()
		return err
	}
	if _, err := s.js.Publish("saved", nil); err != nil { // want `Publish publishes to NATS before the database transaction commits`
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// A scope is not a transaction callback.
func (s *Service) Scoped(v any) error {
	return s.gdb.Scopes(func(db *gorm.DB) *gorm.DB { return db.Where("x") }).Find(v).Error
}

// A pgx transaction begun by hand: the publish comes before Commit.
func (s *Service) PgxManual(ctx context.Context) error {
	tx, err := s.pg.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `DELETE FROM carts WHERE id = 1`); err != nil {
		return err
	}
	if _, err := s.js.Publish("carts", nil); err != nil { // want `Publish publishes to NATS before the database transaction commits`
		return err
	}
	return tx.Commit(ctx)
}
