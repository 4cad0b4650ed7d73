package outbox

import (
	"context"
	"database/sql"

	"github.com/IBM/sarama"
	"gorm.io/gorm"
)

type Relay struct {
	db       *sql.DB
	gdb      *gorm.DB
	producer sarama.SyncProducer
}

type Event struct {
	ID      int64
	Topic   string
	Payload []byte
}

// The service writes the event to the outbox in its transaction.
func (r *Relay) Place(ctx context.Context, id string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ('orders', $1)`, id); err != nil {
		return err
	}
	return tx.Commit()
}

// The relay reads pending rows, publishes each and marks it sent: a
// crash in between publishes it again (at least once), by design.
func (r *Relay) Flush(ctx context.Context) error {
	rows, err := r.db.QueryContext(ctx, `SELECT id, topic, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var sent []int64
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Topic, &e.Payload); err != nil {
			return err
		}
		if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: e.Topic}); err != nil {
			return err
		}
		sent = append(sent, e.ID)
	}
	for _, id := range sent {
		if _, err := r.db.ExecContext(ctx, `UPDATE outbox SET sent_at = now() WHERE id = $1`, id); err != nil {
			return err
		}
	}
	return rows.Err()
}

// A relay step given its row: the UPDATE names the outbox.
func (r *Relay) publishOne(ctx context.Context, e Event) error {
	if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: e.Topic}); err != nil {
		return err
	}
	_, err := r.db.ExecContext(ctx, `DELETE FROM outbox WHERE id = $1`, e.ID)
	return err
}

// A gorm relay in a transaction: read, publish, mark.
func (r *Relay) FlushGorm(ctx context.Context) error {
	return r.gdb.Transaction(func(tx *gorm.DB) error {
		var events []Event
		if err := tx.Where("sent = ?", false).Find(&events).Error; err != nil {
			return err
		}
		for _, e := range events {
			if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: e.Topic}); err != nil {
				return err
			}
			if err := tx.Model(&e).Update("sent", true).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// Not a relay: nothing was read, and the UPDATE changes the business
// row after announcing it.
func (r *Relay) Ship(ctx context.Context, id string) error {
	if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: "shipped"}); err != nil { // want `SendMessage publishes to Kafka before the database write`
		return err
	}
	_, err := r.db.ExecContext(ctx, `UPDATE orders SET state = 'shipped' WHERE id = $1`, id)
	return err
}

// A relay that claims its rows with UPDATE ... RETURNING, publishes, and
// marks them sent.
func (r *Relay) Claim(ctx context.Context) error {
	var e Event
	if err := r.db.QueryRowContext(ctx, `UPDATE jobs SET claimed_at = now() WHERE id = (SELECT id FROM jobs WHERE claimed_at IS NULL LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, topic`).Scan(&e.ID, &e.Topic); err != nil {
		return err
	}
	if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: e.Topic}); err != nil {
		return err
	}
	_, err := r.db.ExecContext(ctx, `UPDATE jobs SET sent_at = now() WHERE id = $1`, e.ID)
	return err
}

// The event row committed with the change, then published at once to
// save the relay a trip: the outbox still guarantees delivery.
func (r *Relay) PlaceAndSend(ctx context.Context, id string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_events (order_id) VALUES ($1)`, id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, _, err = r.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders"})
	return err
}

// A callback with a transaction parameter is not a transaction unless the
// function running it is a transaction runner: gorm's FindInBatches reads
// in batches, and this relay only publishes what it reads.
func (r *Relay) RelayBatches(ctx context.Context) error {
	var events []Event
	return r.gdb.WithContext(ctx).Where("sent = false").FindInBatches(&events, 100, func(tx *gorm.DB, batch int) error {
		for _, e := range events {
			if _, _, err := r.producer.SendMessage(&sarama.ProducerMessage{Topic: e.Topic}); err != nil {
				return err
			}
		}
		return nil
	}).Error
}
