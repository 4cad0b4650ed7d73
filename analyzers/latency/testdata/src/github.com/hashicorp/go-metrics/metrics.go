// Package metrics stands in for github.com/hashicorp/go-metrics.
package metrics

import "time"

type Label struct{ Name, Value string }

type Metrics struct{}

func (m *Metrics) SetGauge(key []string, val float32)              {}
func (m *Metrics) IncrCounter(key []string, val float32)           {}
func (m *Metrics) MeasureSince(key []string, start time.Time)      {}
func SetGauge(key []string, val float32)                           {}
func SetGaugeWithLabels(key []string, val float32, labels []Label) {}
func SetPrecisionGauge(key []string, val float64)                  {}
func IncrCounter(key []string, val float32)                        {}
func MeasureSince(key []string, start time.Time)                   {}
func AddSample(key []string, val float32)                          {}
