// Package noimport imports none of the metric packages nor time.
package noimport

func mean(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total / len(xs)
}
