// Package sortpick: by default a sort by a wall-clock field is reported
// only when the code then takes the first or last element, the one the
// order decides.
package sortpick

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"time"
)

// Event crosses a process boundary: it has json tags.
type Event struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

type byCreated []Event

func (b byCreated) Len() int           { return len(b) }
func (b byCreated) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }
func (b byCreated) Less(i, j int) bool { return b[i].CreatedAt.Before(b[j].CreatedAt) }

// --- reported: the order decides which event is taken ---

func oldest(evs []Event) Event {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) }) // want `events from different machines sorted by CreatedAt \(wall clock\) and the first one taken: clock skew picks the wrong one; order by a sequence number or logical clock from one source`
	first := evs[0]
	return first
}

func newest(evs []Event) Event {
	slices.SortFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) }) // want `sorted by CreatedAt \(wall clock\) and the last one taken`
	return evs[len(evs)-1]
}

func oldestByInterface(evs []Event) Event {
	sort.Sort(byCreated(evs)) // want `sorted by CreatedAt \(wall clock\) and the first one taken`
	return evs[0]
}

func newestFirstID(evs []Event) string {
	sort.Stable(sort.Reverse(byCreated(evs))) // want `sorted by CreatedAt \(wall clock\) and the first one taken`
	return evs[0].ID
}

func winner(evs []Event, id string) bool {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) }) // want `and the last one taken`
	if evs[len(evs)-1].ID == id {
		return true
	}
	return false
}

type store struct {
	evs   []Event
	other []Event
}

func (s *store) head() *Event {
	sort.Slice(s.evs, func(i, j int) bool { return s.evs[i].CreatedAt.Before(s.evs[j].CreatedAt) }) // want `and the first one taken`
	return &s.evs[0]
}

func keepLatest(evs []Event, keep func(Event)) {
	slices.SortStableFunc(evs, func(a, b Event) int { return b.CreatedAt.Compare(a.CreatedAt) }) // want `and the first one taken`
	defer func() { keep(evs[0]) }()
}

// The minimum or maximum is a decision on its own.
func latest(evs []Event) Event {
	return slices.MaxFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) }) // want `latest event from different machines chosen by CreatedAt`
}

// --- left alone by default: the order decides nothing in view ---

func bare(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
}

func printAll(w io.Writer, evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	for i := range evs {
		fmt.Fprintln(w, evs[i].Name, evs[i].CreatedAt)
	}
}

func listing(evs []Event) []Event {
	slices.SortFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return evs
}

func serve(w io.Writer, evs []Event) error {
	sort.Sort(byCreated(evs))
	return json.NewEncoder(w).Encode(evs)
}

func overwriteFirst(evs []Event, v Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	evs[0] = v
	evs[len(evs)-1].Name = "tail"
}

func anotherSlice(evs, seen []Event) Event {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	return seen[0]
}

func lenOfAnother(evs, seen []Event) Event {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	return evs[len(seen)-1]
}

func (s *store) otherField() Event {
	sort.Slice(s.evs, func(i, j int) bool { return s.evs[i].CreatedAt.Before(s.evs[j].CreatedAt) })
	return s.other[0]
}

func otherStore(s, t *store) Event {
	sort.Slice(s.evs, func(i, j int) bool { return s.evs[i].CreatedAt.Before(s.evs[j].CreatedAt) })
	return t.evs[0]
}

func pickBefore(evs []Event) Event {
	first := evs[0]
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	return first
}

func secondOne(evs []Event) Event {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	return evs[1]
}

// The display shapes that strict mode reports: a switch on the rows
// themselves, two-way column choice, mixed clocks; with no pick after
// them they order a table and decide nothing.
type row struct {
	Kind  string    `json:"kind"`
	Name  string    `json:"name"`
	Start time.Time `json:"start"`
}

func byKindThenStart(w io.Writer, rows []row) {
	sort.Slice(rows, func(i, j int) bool {
		switch rows[i].Kind {
		case "leader":
			return true
		case "follower":
			return false
		default:
			return rows[i].Start.Before(rows[j].Start)
		}
	})
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.Kind, r.Name, r.Start)
	}
}

func twoWay(rows []row, by string) []row {
	sort.Slice(rows, func(i, j int) bool {
		if by == "name" {
			return rows[i].Name < rows[j].Name
		}
		return rows[i].Start.Before(rows[j].Start)
	})
	return rows
}

// The same display shape with the first row then taken decides.
func leaderOrOldest(rows []row) row {
	sort.Slice(rows, func(i, j int) bool { // want `sorted by Start \(wall clock\) and the first one taken`
		switch rows[i].Kind {
		case "leader":
			return true
		case "follower":
			return false
		default:
			return rows[i].Start.Before(rows[j].Start)
		}
	})
	return rows[0]
}
