package factsonly

func bad() {}

func f() {
	bad()
}
