// Package shared has loops for TestFinderSharesInspector; no findings.
package shared

func attempt() error { return nil }

func loops(items []int) {
	for i := 0; i < 3; i++ {
		if attempt() == nil {
			break
		}
	}
	for range items {
		_ = attempt()
	}
}
