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
	live := make([][]byte, 0, 48)
	for range 48 {
		live = append(live, make([]byte, 1<<20))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
		percent := debug.SetGCPercent(-1)
		debug.SetGCPercent(percent)
		if percent == 100 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("with %d MiB live and a %d MiB limit, GOGC stayed %d, want 100", len(live), limit>>20, percent)
		}
	}
	runtime.KeepAlive(live)
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
	live := make([][]byte, 0, 128)
	for range 128 {
		live = append(live, make([]byte, 1<<20))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
		got := debug.SetMemoryLimit(-1)
		if got >= int64(float64(128<<20)*largeHeapFactor) && got < math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("with %d MiB live, above %d MiB, the memory limit stayed %d, want %.2f times the live heap", len(live), large>>20, got, largeHeapFactor)
		}
	}
	runtime.KeepAlive(live)
}
