package afterwrite

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"strings"

	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
	"gorm.io/gorm"
)

type Order struct {
	ID    string
	Total int
}

type Service struct {
	db       *sql.DB
	gdb      *gorm.DB
	producer sarama.SyncProducer
	writer   *kafka.Writer
	nc       *nats.Conn
	ch       *amqp.Channel
	sqs      *sqs.Client
	http     *http.Client
}

// The classic dual write: insert, then publish.
func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO orders (id, total) VALUES ($1, $2)`, o.ID, o.Total); err != nil {
		return err
	}
	_, _, err := s.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders"}) // want `SendMessage publishes to Kafka after a database write with no outbox: a crash or a failed send in between leaves the two out of step for good; write the message to an outbox table`
	return err
}

// A statement whose text is not a constant counts as a write for Exec.
func (s *Service) Dynamic(ctx context.Context, query string) error {
	if _, err := s.db.Exec(query); err != nil {
		return err
	}
	return s.writer.WriteMessages(ctx, kafka.Message{Topic: "t"}) // want `WriteMessages publishes to Kafka after a database write`
}

// gorm writes count, and so do NATS publishes.
func (s *Service) Rename(o *Order) error {
	if err := s.gdb.Model(o).Update("name", "x").Error; err != nil {
		return err
	}
	return s.nc.Publish("orders.renamed", []byte(o.ID)) // want `Publish publishes to NATS after a database write`
}

// INSERT ... RETURNING through QueryRow is a write.
func (s *Service) Returning(ctx context.Context) error {
	var id int
	if err := s.db.QueryRowContext(ctx, `INSERT INTO users (name) VALUES ($1) RETURNING id`, "x").Scan(&id); err != nil {
		return err
	}
	return s.ch.PublishWithContext(ctx, "users", "created", false, false, amqp.Publishing{}) // want `PublishWithContext publishes to RabbitMQ after a database write`
}

// A committed transaction, then SQS.
func (s *Service) Commit(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - 1`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = s.sqs.SendMessage(ctx, &sqs.SendMessageInput{}) // want `SendMessage publishes to SQS after a database write`
	return err
}

// An HTTP write to another service after the database write.
func (s *Service) Notify(ctx context.Context, o Order) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM carts WHERE order_id = $1`, o.ID); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://billing/invoices", strings.NewReader(o.ID))
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req) // want `HTTP POST sends a write to a remote service after a database write`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A GET is a read: not a dual write.
func (s *Service) Lookup(ctx context.Context, o Order) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM carts WHERE order_id = $1`, o.ID); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://billing/invoices", nil)
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The package's own helpers count: one only writes the database, the
// other only publishes.
func (s *Service) insertOrder(ctx context.Context, o Order) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, o.ID)
	return err
}

func (s *Service) publishOrder(o Order) error {
	_, _, err := s.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders"})
	return err
}

func (s *Service) PlaceViaHelpers(ctx context.Context, o Order) error {
	if err := s.insertOrder(ctx, o); err != nil {
		return err
	}
	return s.publishOrder(o) // want `publishOrder publishes to Kafka after a database write`
}

// A SELECT followed by a publish writes one store only.
func (s *Service) Announce(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := s.nc.Publish("orders", nil); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Writes to one store only.
func (s *Service) OnlyDB(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
	return err
}

// A failed write reported to a dead-letter topic is not a dual write:
// the database kept nothing.
func (s *Service) DeadLetter(ctx context.Context, o Order) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, o.ID); err != nil {
		_, _, _ = s.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders.failed"})
		return err
	}
	return nil
}

// Deferred calls are cleanup, left alone.
func (s *Service) Deferred(ctx context.Context) error {
	defer s.nc.Publish("done", nil)
	_, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
	return err
}

// DDL is not a change to announce.
func (s *Service) Migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS t (id int)`); err != nil {
		log.Print(err)
	}
	return s.nc.Publish("migrated", nil)
}
