package lww

import "time"

// An integer field set only from the wall clock holds a timestamp,
// whatever it is called: comparing it orders writes by the clock.
type Cell struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Mark  int64  `json:"mark"`
	Rank  int64  `json:"rank"`
}

func write(key, value string) Cell {
	return Cell{Key: key, Value: value, Mark: time.Now().UnixNano(), Rank: time.Now().Unix()}
}

func mergeCell(cells map[string]Cell, in Cell) {
	if in.Mark > cells[in.Key].Mark { // want `last write wins by Mark \(wall clock\) across machines`
		cells[in.Key] = in
	}
}

// Rank is also set from a counter: not a clock reading alone.
func (c *Cell) promote(n int64) { c.Rank = n }

func mergeRank(cells map[string]Cell, in Cell) {
	if in.Rank > cells[in.Key].Rank {
		cells[in.Key] = in
	}
}
