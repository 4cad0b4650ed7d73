package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Under the go command (vet mode) a distlint process analyzes one
// package and exits, and most packages need far less memory than the
// largest ones do. Collecting garbage as the heap doubles (GOGC=100)
// then costs a fifth to a third of the process's CPU time for memory it
// frees only to exit. tuneGC lets the heap grow to gcLimit before the
// first collection; a package whose live heap exceeds half of it after
// a collection goes back to the default, so that the largest packages,
// which set the run's peak memory, use what they used before. A GOGC or
// GOMEMLIMIT in the environment is left as it is.
const gcLimit = 256 << 20

func tuneGC() { tuneGCAt(gcLimit) }

// tuneGCAt is tuneGC with the limit given (the test's is smaller).
func tuneGCAt(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	watchGC(limit)
}

// gcSentinel is garbage from the start: its finalizer runs after the next
// collection. It holds a pointer so that it is not a tiny allocation,
// whose finalizer may never run.
type gcSentinel struct{ _ *int }

// watchGC checks the live heap after the next collection: above half the
// limit, it restores the default collector; otherwise it watches again.
func watchGC(limit int64) {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && int64(sample[0].Value.Uint64()) > limit/2 {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		watchGC(limit)
	})
}
