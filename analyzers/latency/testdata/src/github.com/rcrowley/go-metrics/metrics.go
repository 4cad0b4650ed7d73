// Package metrics stands in for github.com/rcrowley/go-metrics.
package metrics

import "time"

type Gauge interface {
	Update(int64)
	Value() int64
}

type GaugeFloat64 interface {
	Update(float64)
	Value() float64
}

type Counter interface {
	Inc(int64)
	Count() int64
}

type Timer interface {
	UpdateSince(time.Time)
}

func NewGauge() Gauge               { return nil }
func NewGaugeFloat64() GaugeFloat64 { return nil }
func NewCounter() Counter           { return nil }
func NewTimer() Timer               { return nil }
