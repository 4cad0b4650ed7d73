// Package kafka makes Kafka producers.
package kafka

import (
	"crypto/tls"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

// The default config retries three times without idempotence.
func producer(addrs []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	return sarama.NewSyncProducer(addrs, cfg) // want `sarama producer retries sends .* without Producer.Idempotent`
}

func asyncProducer(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 10
	return sarama.NewAsyncProducer(addrs, cfg) // want `sarama producer retries sends`
}

func fromClient(addrs []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	client, err := sarama.NewClient(addrs, cfg)
	if err != nil {
		return nil, err
	}
	return sarama.NewSyncProducerFromClient(client) // want `sarama producer retries sends`
}

// Idempotent, or no retries: left alone.
func idempotent(addrs []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Idempotent = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Net.MaxOpenRequests = 1
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(addrs, cfg)
}

func noRetry(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 0
	return sarama.NewAsyncProducer(addrs, cfg)
}

// Out of view: a config from the caller, a helper that may set it, a
// value that is not a constant.
func given(addrs []string, cfg *sarama.Config) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, cfg)
}

func helper(addrs []string, t *tls.Config) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	secure(cfg, t)
	return sarama.NewSyncProducer(addrs, cfg)
}

func secure(cfg *sarama.Config, t *tls.Config) {
	cfg.Net.TLS.Enable = true
	cfg.Net.TLS.Config = t
	cfg.Producer.Idempotent = true
}

func configured(addrs []string, idem bool) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Idempotent = idem
	return sarama.NewSyncProducer(addrs, cfg)
}

// Consumers do not produce.
func consumer(addrs []string) (sarama.ConsumerGroup, error) {
	cfg := sarama.NewConfig()
	return sarama.NewConsumerGroup(addrs, "g", cfg)
}

// franz-go writes idempotently by default; turning that off while
// retrying is the mistake.
func franzOptOut(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.DisableIdempotentWrite()) // want `franz-go client turns off idempotent writes`
}

func franzDefault(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...))
}

func franzNoRetry(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.DisableIdempotentWrite(), kgo.RecordRetries(0))
}
