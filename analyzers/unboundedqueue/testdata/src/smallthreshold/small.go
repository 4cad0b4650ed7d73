package smallthreshold

func buffers() {
	_ = make(chan int, 100) // want `channel buffer of 100: .*threshold -unboundedqueue.maxbuffer=100`
	_ = make(chan int, 99)
}
