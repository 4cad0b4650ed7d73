package samples

import (
	"sort"
	"time"
)

// Result is a load-test sample: a latency measured at a time.
type Result struct {
	Seq       uint64        `json:"seq"`
	Code      uint16        `json:"code"`
	Timestamp time.Time     `json:"timestamp"`
	Latency   time.Duration `json:"latency"`
}

type Results []Result

func (rs *Results) Close() { sort.Sort(rs) }

func (rs Results) Len() int           { return len(rs) }
func (rs Results) Less(i, j int) bool { return rs[i].Timestamp.Before(rs[j].Timestamp) }
func (rs Results) Swap(i, j int)      { rs[i], rs[j] = rs[j], rs[i] }

// Point is a metric point: a float value at a time.
type Point struct {
	At    time.Time `json:"at"`
	Value float64   `json:"value"`
}

func plot(ps []*Point) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].At.Before(ps[j].At) })
}

// Probe measures a round trip in integer milliseconds.
type Probe struct {
	Host      string    `json:"host"`
	SentAt    time.Time `json:"sent_at"`
	ElapsedMs int64     `json:"elapsed_ms"`
}

func series(ps []Probe) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].SentAt.Before(ps[j].SentAt) })
}

// Task's duration is a setting, not a measurement: still reported.
type Task struct {
	At      time.Time     `json:"at"`
	Timeout time.Duration `json:"timeout"`
}

func sortTasks(ts []Task) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].At.Before(ts[j].At) }) // want `sorted by At \(wall clock\)`
}

// Register's integer Value is replicated state, not a measurement.
type Register struct {
	Key       string    `json:"key"`
	Value     int64     `json:"value"`
	UpdatedAt time.Time `json:"updated_at"`
}

func sortRegisters(rs []Register) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].UpdatedAt.Before(rs[j].UpdatedAt) }) // want `sorted by UpdatedAt`
}
