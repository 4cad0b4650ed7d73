// Package dualwrite defines an Analyzer that reports functions writing
// one change to a database and to a broker, cache or remote service.
//
// # Analyzer dualwrite
//
// dualwrite: report a database write and a publish or remote write on one path with no outbox
//
// Mental model: consistency is something you pay for. A function that
// writes a change to its database and then announces it to a broker, a
// cache or another service has two stores and no transaction spanning
// them: a crash, a timeout or a failed send between the two writes
// leaves them out of step for good. Publishing first is worse: consumers
// act on a change that the database may still roll back. The transactional
// outbox pays for consistency: write the event to an outbox table in the
// same transaction, and let a relay publish it, at least once.
//
// Evidence standard: distlint reports a dual write only when it can see
// both writes on one control-flow path of one function (directly, or
// through the package's own helpers, however deep) and no transaction or
// outbox spanning them: a call whose store it cannot classify, or a
// write in a goroutine or callback it cannot place on the path, is left
// alone.
//
// The analyzer reports a write to a broker, cache or remote service
// (IBM/sarama SyncProducer.SendMessage(s) and AsyncProducer.Input() sends,
// segmentio/kafka-go WriteMessages, franz-go Produce and ProduceSync,
// confluent-kafka-go Produce, NATS and JetStream Publish and Request,
// AMQP Channel.Publish, AWS SQS
// SendMessage, SNS Publish, EventBridge PutEvents, Kinesis PutRecord(s),
// Google Pub/Sub Publish, go-redis Set, HSet, MSet, SAdd, ZAdd, Publish,
// XAdd, LPush and RPush (not queued in a pipeline: its Exec does not say
// what it writes), an HTTP POST, PUT, PATCH or DELETE request sent: the
// network calls that internal/netreach knows, matched by their types)
// that shares a control-flow path with a database write (database/sql,
// sqlx and pgx Exec of anything but a constant SELECT, Query of a constant
// INSERT, UPDATE or DELETE, Tx.Commit; gorm Create, Save, Update(s),
// Delete, Exec and Commit; a call that runs a transaction callback) in
// one function. Calls of the package's own functions that only write the
// database, or only publish, count as those writes, however deep the
// helpers of helpers go. The finding is on
// the publish, and says which of the two comes first:
//
//   - before the database write or commit (also: anywhere inside a
//     transaction callback such as gorm's db.Transaction(func(tx) error),
//     or after a write through a *sql.Tx that has not committed): the
//     stronger finding, readers see a change that may roll back;
//   - after the database write: a crash between the two loses the event.
//
// Left alone: writes in mutually exclusive branches; functions that write
// one store only (an INSERT INTO outbox in the transaction is a database
// write); outbox relays, which publish and then mark the row sent with an
// UPDATE or DELETE (of a table named outbox, or after reading the rows
// from the database), because a crash in between only publishes again;
// compensation on failure (the second write inside `if err != nil` of the
// first); deferred calls; cache invalidation (Redis Del, Unlink, Expire:
// cache-aside deletes after the commit are the standard pattern, and a
// crash leaves a stale entry until its TTL, not a lost change); Redis
// SETNX and INCR (locks, deduplication markers and rate limiters, not
// copies of the change); gRPC calls, whose methods do not say whether
// they write.
//
// Bad:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
//		if _, err := s.db.ExecContext(ctx, `INSERT INTO orders ...`, o.ID); err != nil {
//			return err
//		}
//		_, _, err := s.producer.SendMessage(orderPlaced(o)) // lost if the process dies first
//		return err
//	}
//
// Good:
//
//	func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
//		tx, err := s.db.BeginTx(ctx, nil)
//		if err != nil {
//			return err
//		}
//		defer tx.Rollback()
//		if _, err := tx.ExecContext(ctx, `INSERT INTO orders ...`, o.ID); err != nil {
//			return err
//		}
//		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) ...`, ...); err != nil {
//			return err
//		}
//		return tx.Commit() // a relay publishes the outbox rows
//	}
//
// Options: none besides the suite's (-tests, -generated).
package dualwrite
