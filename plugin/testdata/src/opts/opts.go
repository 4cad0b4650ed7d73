package opts

func buffers() {
	_ = make(chan int, 600) // want `channel buffer of 600`
	_ = make(chan int, 400)
}
