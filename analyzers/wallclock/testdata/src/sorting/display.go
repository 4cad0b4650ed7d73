package sorting

import (
	"sort"
	"time"
)

// A report table sorted by the column its user chose: the order decides
// nothing, so a start-time column is no ordering of events.
type report struct{ sortBy string }

type ServerRow struct {
	Name    string    `json:"name"`
	Conns   int       `json:"conns"`
	Start   time.Time `json:"start"`
	Kind    string    `json:"kind"`
	ModTime time.Time `json:"mod_time"`
}

func (r *report) sortRows(rows []ServerRow) {
	sort.Slice(rows, func(i, j int) bool {
		switch r.sortBy {
		case "name":
			return rows[i].Name < rows[j].Name
		case "conns":
			return rows[i].Conns < rows[j].Conns
		case "uptime":
			return rows[i].Start.Before(rows[j].Start)
		default:
			return false
		}
	})
}

func sortByColumn(rows []ServerRow, column string) {
	sort.Slice(rows, func(i, j int) bool {
		switch column {
		case "name":
			return rows[i].Name < rows[j].Name
		case "conns":
			return rows[i].Conns < rows[j].Conns
		default:
			return rows[i].Start.Before(rows[j].Start)
		}
	})
}

// Files listed from one store carry the store's modification times.
func newestFirst(files []ServerRow) {
	sort.Slice(files, func(i, j int) bool { return files[i].ModTime.After(files[j].ModTime) })
}

// Look-alikes: a switch on the compared rows themselves decides an
// order, and so does a two-way switch; a modification time against
// another clock's field mixes clocks.
func (r *report) byKindThenStart(rows []ServerRow) {
	sort.Slice(rows, func(i, j int) bool { // want `sorted by Start`
		switch rows[i].Kind {
		case "leader":
			return true
		case "follower":
			return false
		default:
			return rows[i].Start.Before(rows[j].Start)
		}
	})
}

func (r *report) twoWay(rows []ServerRow) {
	sort.Slice(rows, func(i, j int) bool { // want `sorted by Start`
		switch r.sortBy {
		case "name":
			return rows[i].Name < rows[j].Name
		default:
			return rows[i].Start.Before(rows[j].Start)
		}
	})
}

func mixed(files []ServerRow) {
	sort.Slice(files, func(i, j int) bool { return files[i].ModTime.Before(files[j].Start) }) // want `sorted by ModTime`
}
