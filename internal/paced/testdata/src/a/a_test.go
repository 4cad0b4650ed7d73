package a

import "testing"

func BenchmarkTested(b *testing.B) {
	for b.Loop() {
		tested()
	}
}
