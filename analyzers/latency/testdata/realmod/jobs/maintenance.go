package jobs

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A maintenance loop that runs its job through function values, as
// Alertmanager's nflog and silences do: GC and Snapshot run once per
// tick.
var (
	gcSeconds       = prometheus.NewSummary(prometheus.SummaryOpts{Name: "gc_duration_seconds", Objectives: map[float64]float64{}})
	snapshotSeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "snapshot_duration_seconds", Objectives: map[float64]float64{}})
	// Timed through the same shape, but per received message: reported.
	applySeconds = prometheus.NewSummary(prometheus.SummaryOpts{Name: "apply_duration_seconds"}) // want `summary with no Objectives observes durations`
)

type store struct{}

func (s *store) GC() (int, error) {
	start := time.Now()
	defer func() { gcSeconds.Observe(time.Since(start).Seconds()) }()
	return 0, nil
}

func (s *store) Snapshot() (int64, error) {
	start := time.Now()
	defer func() { snapshotSeconds.Observe(time.Since(start).Seconds()) }()
	return 0, nil
}

func (s *store) Maintenance(interval time.Duration, stop <-chan struct{}, override func() (int64, error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	var do func() (int64, error)
	do = func() (int64, error) {
		if _, err := s.GC(); err != nil {
			return 0, err
		}
		return s.Snapshot()
	}
	if override != nil {
		do = override
	}
	run := func(job func() (int64, error)) error {
		_, err := job()
		return err
	}
	for {
		select {
		case <-stop:
			_ = run(do) // a final run on the way out
			return
		case <-t.C:
			_ = run(do)
		}
	}
}

func (s *store) apply() {
	start := time.Now()
	applySeconds.Observe(time.Since(start).Seconds())
}

func (s *store) Apply(msgs <-chan int) {
	do := func() { s.apply() }
	run := func(job func()) { job() }
	for range msgs {
		run(do)
	}
}
