package noreason

func bad() {}

func f() {
	//distlint:ignore demo
	bad()
}
