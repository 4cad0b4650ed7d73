package a

import (
	"net/http"
	"time"
)

func mark() {}

// Loops in the function itself.
func ticker(t *time.Ticker) {
	for range t.C {
		mark() // want `paced`
	}
}

func sleeper() {
	for {
		mark() // want `paced`
		time.Sleep(time.Second)
	}
}

func selectAfter(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Minute):
			mark() // want `paced`
		}
	}
}

func receiver(in <-chan int) {
	for range in {
		mark()
	}
}

func forever(next func() int) {
	for {
		next()
		mark()
	}
}

// A loop over a collection decides nothing: the loop around it does.
func perItemOfTick(items []int) {
	for {
		for range items {
			mark() // want `paced`
		}
		time.Sleep(time.Second)
	}
}

// Callers decide when the function has no stream loop.
func job() { mark() } // want `paced`

func jobLoop() {
	for {
		waitTick()
		job()
	}
}

// waitTick waits on the clock: a loop that calls it is paced.
func waitTick() { time.Sleep(time.Second) }

func deepJob() { mark() } // want `paced`

func middle() { deepJob() }

func deepLoop(t *time.Timer) {
	for {
		<-t.C
		middle()
	}
}

// One caller driven by input vetoes.
func mixed() { mark() }

func mixedTick() {
	for range time.Tick(time.Second) {
		mixed()
	}
}

func mixedRecv(in chan int) {
	for range in {
		mixed()
	}
}

// A request handler is driven by its requests.
func served() { mark() }

func servedTick() {
	for range time.Tick(time.Second) {
		served()
	}
}

func Handle(w http.ResponseWriter, r *http.Request) { served() }

// An unexported function with no caller in view is not paced.
func orphan() { mark() }

// An exported function's other callers are out of view: they veto
// nothing.
func Exported() { mark() } // want `paced`

func exportedTick() {
	for range time.Tick(time.Second) {
		Exported()
	}
}

// An exported function with no caller in view is not paced.
func Lonely() { mark() }

// Recursion ends.
func rec(n int) {
	mark()
	if n > 0 {
		rec(n - 1)
	}
}

// Tests call jobs directly, in loops of their own: not callers.
func tested() { mark() } // want `paced`

func testedTick() {
	for range time.Tick(time.Second) {
		tested()
	}
}

// A job run through function values: the ticker loop hands the job to
// a runner that calls it (Alertmanager's maintenance shape).
func gcJob() { mark() } // want `paced`

func maintenance(t *time.Ticker, stop chan struct{}, override func() int) {
	var do func() int
	do = func() int {
		gcJob()
		mark() // want `paced`
		return 0
	}
	if override != nil {
		do = override
	}
	run := func(job func() int) {
		job()
	}
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			run(do)
		}
	}
}

func tickThenCall(t *time.Ticker) {
	job := func() { mark() } // want `paced`
	for range t.C {
		job()
	}
}

// Look-alikes: the same shapes driven by a stream, or a function value
// handed where it is not seen to be called.
func streamJob() { mark() }

func perMessage(in <-chan int) {
	do := func() { streamJob(); mark() }
	run := func(job func()) { job() }
	for range in {
		run(do)
	}
}

func keeps(f func()) { hooks = append(hooks, f) }

var hooks []func()

func storedHook(t *time.Ticker) {
	hook := func() { mark() }
	for range t.C {
		keeps(hook)
	}
}

func runnerNotCalling(t *time.Ticker) {
	job := func() { mark() }
	ignore := func(f func()) { _ = f }
	for range t.C {
		ignore(job)
	}
}

// A select that waits once for a result, in a function every tick
// calls: its callers decide.
func awaitResult(results <-chan int) {
	select {
	case <-results:
		mark() // want `paced`
	case <-time.After(time.Second):
	}
}

func tickAwait(t *time.Ticker, results <-chan int) {
	for range t.C {
		awaitResult(results)
	}
}
