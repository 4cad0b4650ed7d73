module example.com/realmod

go 1.26.0

require (
	golang.org/x/sync v0.24.0
	golang.org/x/time v0.16.0
)
