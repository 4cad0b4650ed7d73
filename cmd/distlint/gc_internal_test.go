package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// A process whose live heap outgrows half the limit goes back to the
// default collector; until then, the collector waits for the limit.
func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer func(memLimit int64) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(memLimit)
	}(debug.SetMemoryLimit(-1))

	const limit = 64 << 20
	tuneGCAt(limit, 1<<62)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("after tuneGC, GOGC is %d, want off", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Fatalf("after tuneGC, the memory limit is %d, want %d", got, limit)
	}

	// Live data above half the limit: the next collection restores the default.
	live := liveMiB(48)
	var percent int
	if !afterCollections(func() bool {
		percent = debug.SetGCPercent(-1)
		debug.SetGCPercent(percent)
		return percent == 100
	}) {
		t.Fatalf("with %d MiB live and a %d MiB limit, GOGC stayed %d, want 100", len(live), limit>>20, percent)
	}
	runtime.KeepAlive(live)
}

// liveMiB allocates n MiB that the caller keeps alive.
func liveMiB(n int) [][]byte {
	live := make([][]byte, 0, n)
	for range n {
		live = append(live, make([]byte, 1<<20))
	}
	return live
}

// afterCollections collects until done holds, for up to ten seconds, and
// reports whether it did. The GC watchers run from finalizers, on their
// own goroutine, so each collection is followed by a short wait.
func afterCollections(done func() bool) bool {
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if done() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// A process whose live heap outgrows large gets a memory limit of
// largeHeapFactor times its live heap.
func TestTuneGCLargeHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer func(memLimit int64) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(memLimit)
	}(debug.SetMemoryLimit(-1))

	const limit, large = 64 << 20, 96 << 20
	tuneGCAt(limit, large)
	live := liveMiB(128)
	var got int64
	if !afterCollections(func() bool {
		got = debug.SetMemoryLimit(-1)
		return got >= int64(float64(128<<20)*largeHeapFactor) && got < math.MaxInt64
	}) {
		t.Fatalf("with %d MiB live, above %d MiB, the memory limit stayed %d, want %.2f times the live heap", len(live), large>>20, got, largeHeapFactor)
	}
	runtime.KeepAlive(live)
}
