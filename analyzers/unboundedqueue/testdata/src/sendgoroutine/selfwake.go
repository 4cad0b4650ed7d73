package sendgoroutine

type uiEvent struct{ resize bool }

// A loop that hands an event back to itself: the goroutine sends on a
// channel only this select receives from, so a send in place would block
// the only receiver.
func uiLoop(events <-chan uiEvent, render func(int)) {
	redraw := make(chan int)
	for {
		select {
		case e := <-events:
			if e.resize {
				go func() { redraw <- 1 }()
			}
		case cause := <-redraw:
			render(cause)
		}
	}
}

// Look-alike: the channel is received elsewhere, not by this select.
func forwardEvents(events <-chan uiEvent, out chan<- int) {
	for {
		select {
		case e := <-events:
			if e.resize {
				go func() { out <- 1 }() // want `goroutine started only to send on a channel`
			}
		}
	}
}
