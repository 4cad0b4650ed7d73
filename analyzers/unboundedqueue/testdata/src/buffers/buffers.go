package buffers

const queueSize = 1 << 20

func huge() {
	_ = make(chan int, 100000)       // want `channel buffer of 100000: a buffer this large only delays the failure`
	_ = make(chan []byte, queueSize) // want `channel buffer of 1048576`
	_ = make(chan struct{}, 10000)   // want `channel buffer of 10000`
}

// Negatives.

func fine(items []string, n int) {
	_ = make(chan int)
	_ = make(chan int, 1)
	_ = make(chan int, 9999)
	_ = make(chan string, len(items)) // sized from the input
	_ = make(chan int, n)             // configuration
	_ = make([]int, 100000)           // not a channel
}
