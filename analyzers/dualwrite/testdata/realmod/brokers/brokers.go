// Package brokers uses the real client libraries: their methods are
// found through export data, where interface methods look different.
package brokers

import (
	"context"
	"database/sql"

	"github.com/IBM/sarama"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
)

type Service struct {
	db       *sql.DB
	producer sarama.SyncProducer
	async    sarama.AsyncProducer
	writer   *kafka.Writer
	nc       *nats.Conn
	js       nats.JetStreamContext
	ch       *amqp.Channel
}

func (s *Service) Sarama(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	_, _, err := s.producer.SendMessage(&sarama.ProducerMessage{Topic: "t"}) // want `SendMessage publishes to Kafka after a database write`
	return err
}

func (s *Service) SaramaAsync(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	s.async.Input() <- &sarama.ProducerMessage{Topic: "t"} // want `Input publishes to Kafka before the database transaction commits`
	return nil
}

func (s *Service) KafkaGo(ctx context.Context) error {
	if err := s.writer.WriteMessages(ctx, kafka.Message{}); err != nil { // want `WriteMessages publishes to Kafka before the database write`
		return err
	}
	_, err := s.db.ExecContext(ctx, `DELETE FROM t`)
	return err
}

func (s *Service) JetStream(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	_, err := s.js.Publish("t", nil) // want `Publish publishes to NATS after a database write`
	return err
}

func (s *Service) AMQP(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO t VALUES (1)`); err != nil {
		return err
	}
	return s.ch.Publish("x", "k", false, false, amqp.Publishing{}) // want `Publish publishes to RabbitMQ after a database write`
}

// Reading and publishing is not a dual write.
func (s *Service) Read(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM t`).Scan(&n); err != nil {
		return err
	}
	return s.nc.Publish("count", nil)
}
