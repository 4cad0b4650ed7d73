package panics

func f() {}
