package directives

func bad() {}

func f() {
	bad() // want `call of bad`

	bad() //distlint:ignore demo trailing directive with a reason

	//distlint:ignore demo directive on the line above
	bad()

	//distlint:ignore other,demo several analyzers, one of them this one
	bad()

	//distlint:ignore other a directive for another analyzer
	bad() // want `call of bad`

	//distlint:ignore demo reaches only the next line

	bad() // want `call of bad`

	// distlint:ignore demo prose, not a directive
	bad() // want `call of bad`

	//distlint:ignoredemo not a directive either
	bad() // want `call of bad`
}
