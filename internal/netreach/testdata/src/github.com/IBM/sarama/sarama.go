// Package sarama is a stand-in for github.com/IBM/sarama.
package sarama

type ProducerMessage struct{ Topic string }

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	Close() error
}
