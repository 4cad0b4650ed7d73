package peritem

import (
	"context"
	"sync"
)

type Change struct {
	Leader bool
	Term   uint64
}

func start(ctx context.Context, term uint64) {}
func stopAll()                               {}

// A start per leadership change, cancelled by the next change: the loop
// keeps the cancel function of the one goroutine it runs.
func onChanges(ctx context.Context, changes <-chan Change) {
	cancel := func() {}
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			cancel()
			return
		case ch := <-changes:
			if ch.Leader {
				var startCtx context.Context
				startCtx, cancel = context.WithCancel(ctx)
				wg.Go(func() { start(startCtx, ch.Term) })
			} else {
				cancel()
				stopAll()
			}
		}
	}
}

// The same with a go statement and the previous one cancelled first.
func latestOnly(ctx context.Context, changes <-chan Change) {
	var cancel context.CancelFunc = func() {}
	for ch := range changes {
		cancel()
		var runCtx context.Context
		runCtx, cancel = context.WithCancel(ctx)
		go start(runCtx, ch.Term)
	}
}

// A context per goroutine, cancelled by nobody else: one goroutine per
// change, reported.
func perChange(ctx context.Context, changes <-chan Change) {
	for ch := range changes {
		runCtx, cancel := context.WithCancel(ctx)
		go func() { // want `goroutine started per item received from a channel`
			defer cancel()
			start(runCtx, ch.Term)
		}()
	}
}

// The cancel function is kept outside the loop but never called there:
// nothing stops the previous goroutine, reported.
func keptNotCalled(ctx context.Context, changes <-chan Change) context.CancelFunc {
	var cancel context.CancelFunc
	for ch := range changes {
		var runCtx context.Context
		runCtx, cancel = context.WithCancel(ctx)
		go start(runCtx, ch.Term) // want `goroutine started per item received from a channel`
	}
	return cancel
}

// The goroutine does not run with the cancelled context: reported.
func otherContext(ctx context.Context, changes <-chan Change) {
	cancel := func() {}
	for ch := range changes {
		cancel()
		_, cancel = context.WithCancel(ctx)
		go start(ctx, ch.Term) // want `goroutine started per item received from a channel`
	}
}
