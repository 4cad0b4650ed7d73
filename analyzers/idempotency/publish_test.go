package idempotency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/idempotency"
	"github.com/distlint/distlint/internal/testmod"
)

// Publishes on the real nats.go (both JetStream APIs), IBM/sarama and
// franz-go.
func TestPublishes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads nats.go, sarama and franz-go from source")
	}
	dir := testmod.Download(t, "testdata/pubmod")
	analysistest.Run(t, dir, idempotency.New(idempotency.Config{Operations: idempotency.MoneyOperations}), "./jsold", "./jsnew", "./jsplain", "./kafka")
	strict := idempotency.New(idempotency.Config{})
	if err := strict.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, strict, "./jsstrict")
}
