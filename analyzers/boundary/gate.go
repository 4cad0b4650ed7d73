package boundary

import (
	"go/ast"
	"slices"

	"github.com/distlint/distlint/internal/report"
)

// gate reports, as findings, the protections in require that the call
// visibly lacks. Unknown statuses stay silent.
func gate(rep *report.Reporter, call *ast.CallExpr, e *Entry, require []string) {
	what := e.Kind + " call " + e.Operation
	if slices.Contains(require, "timeout") && e.Timeout.Status == Missing {
		rep.Reportf(call, "timeout", "%s has no timeout (%s): a stalled %s holds the caller forever; bound it with a client timeout or a context deadline", what, e.Timeout.Evidence, peer(e.Kind))
	}
	if slices.Contains(require, "retry") && e.Retry.Status == Unsafe {
		rep.Reportf(call, "retry", "%s is retried without backoff (%s): synchronized retries hammer a struggling %s; wait with a growing, jittered delay", what, e.Retry.Evidence, peer(e.Kind))
	}
	if slices.Contains(require, "idempotency") && e.Idempotency.Status == Missing {
		rep.Reportf(call, "idempotency", "%s has no idempotency key (%s): a replay after a lost response applies the write twice; send a key the receiver deduplicates by", what, e.Idempotency.Evidence)
	}
	if slices.Contains(require, "breaker") && e.Breaker.Status == Missing {
		rep.Reportf(call, "breaker", "%s runs outside a circuit breaker: when the %s is down every request still waits on it; wrap the call in a breaker (gobreaker Execute, failsafe-go)", what, peer(e.Kind))
	}
}

// peer names the other side of a call of kind.
func peer(kind string) string {
	switch kind {
	case "sql", "redis":
		return "database"
	case "kafka", "nats", "amqp":
		return "broker"
	case "dial":
		return "host"
	}
	return "server"
}
