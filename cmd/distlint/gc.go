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
//
// A package whose live heap exceeds largeHeap after a collection also
// gets a memory limit of largeHeapFactor times its live heap, renewed
// after each collection. Such packages are rare (in the benchmark
// corpus, two analyses of the nats-server server package), and
// they reach their peak while the suite's syntax index is built, right
// after type checking: the index's array grows by copying to about 150
// MiB, and under the default the copies' pages stay resident. The
// analyzers' own data adds little to the peak (docs/benchmarks.md,
// session 10). The limit makes the runtime collect sooner and return
// those pages: the largest package peaks at 0.85 to 0.89 of go vet's
// memory instead of 1.01, for a tenth more CPU on it. Starting above
// 384 MiB left one of the two analyses at its old peak: its live heap
// crossed that size only after the index was built.
const (
	gcLimit         = 256 << 20
	largeHeap       = 256 << 20
	largeHeapFactor = 1.75
)

func tuneGC() { tuneGCAt(gcLimit, largeHeap) }

// tuneGCAt is tuneGC with the limits given (the test's are smaller).
func tuneGCAt(limit, large int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	watchGC(limit, large)
}

// gcSentinel is garbage from the start: its finalizer runs after the next
// collection. It holds a pointer so that it is not a tiny allocation,
// whose finalizer may never run.
type gcSentinel struct{ _ *int }

// watchGC checks the live heap after the next collection: above half the
// limit, it restores the default collector and goes on to watchLarge;
// otherwise it watches again.
func watchGC(limit, large int64) {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		if liveHeap() > limit/2 {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			watchLarge(large)
			return
		}
		watchGC(limit, large)
	})
}

// watchLarge runs after each collection: once the live heap exceeds
// large, it sets the memory limit to largeHeapFactor times the live heap.
func watchLarge(large int64) {
	if live := liveHeap(); live > large {
		debug.SetMemoryLimit(int64(float64(live) * largeHeapFactor))
	}
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) { watchLarge(large) })
}

// liveHeap returns the heap's live bytes at the end of the last
// collection, 0 if the runtime does not say.
func liveHeap() int64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}
