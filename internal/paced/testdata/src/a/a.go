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
