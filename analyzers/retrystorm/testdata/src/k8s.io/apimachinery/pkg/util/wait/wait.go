// Package wait stands in for k8s.io/apimachinery/pkg/util/wait.
package wait

import "time"

type Backoff struct {
	Duration time.Duration
	Factor   float64
	Jitter   float64
	Steps    int
}

func (b *Backoff) Step() time.Duration { b.Steps--; return b.Duration }
