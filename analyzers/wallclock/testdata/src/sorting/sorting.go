package sorting

import (
	"cmp"
	"slices"
	"sort"
	"time"
)

// Event crosses a process boundary: it has json tags.
type Event struct {
	ID        string    `json:"id"`
	Seq       int64     `json:"seq"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	At        time.Time `json:"at"`
	ExpiresAt time.Time `json:"expires_at"`
	Meta      Meta      `json:"meta"`
}

// Meta has no tags of its own but travels inside Event.
type Meta struct {
	UpdatedAt time.Time
}

func (e Event) Timestamp() time.Time { return e.CreatedAt }

func (e *Event) olderThan(o *Event) bool { return e.CreatedAt.Before(o.CreatedAt) }

// Row is a database row (db tags).
type Row struct {
	Key      string    `db:"key"`
	Modified time.Time `db:"modified"`
}

// Base is embedded with its tags.
type Base struct {
	Created time.Time `yaml:"created"`
}

type Wrapped struct {
	Base
	Name string
}

func sortSlice(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { // want `events from different machines sorted by CreatedAt \(wall clock\): clock skew reorders them; order by a sequence number or logical clock from one source`
		return evs[i].CreatedAt.Before(evs[j].CreatedAt)
	})
}

func sortSliceStable(evs []*Event) {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].At.After(evs[j].At) }) // want `sorted by At \(wall clock\)`
}

func sortFunc(evs []Event) {
	slices.SortFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) }) // want `sorted by CreatedAt`
}

func sortStableUnix(evs []Event) {
	slices.SortStableFunc(evs, func(a, b Event) int { return cmp.Compare(a.At.UnixNano(), b.At.UnixNano()) }) // want `sorted by At`
}

func sortUnixLess(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].At.UTC().Unix() < evs[j].At.UTC().Unix() }) // want `sorted by At`
}

func sortSub(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].At.Sub(evs[j].At) < 0 }) // want `sorted by At`
}

type byCreated []Event

func (b byCreated) Len() int           { return len(b) }
func (b byCreated) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }
func (b byCreated) Less(i, j int) bool { return b[i].CreatedAt.Before(b[j].CreatedAt) }

func sortInterface(evs []Event) {
	sort.Sort(byCreated(evs)) // want `sorted by CreatedAt`
}

func sortReverse(evs []Event) {
	sort.Stable(sort.Reverse(byCreated(evs))) // want `sorted by CreatedAt`
}

func compareTime(a, b Event) int {
	if a.CreatedAt.Equal(b.CreatedAt) {
		return 0
	}
	if a.CreatedAt.Before(b.CreatedAt) {
		return -1
	}
	return 1
}

func sortHelper(evs []Event) {
	slices.SortFunc(evs, func(a, b Event) int { return compareTime(a, b) }) // want `sorted by CreatedAt`
}

func sortFuncValue(evs []Event) {
	slices.SortFunc(evs, compareTime) // want `sorted by CreatedAt`
}

func sortMethod(evs []*Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].olderThan(evs[j]) }) // want `sorted by CreatedAt`
}

func sortGetter(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].Timestamp().Before(evs[j].Timestamp()) }) // want `sorted by Timestamp`
}

func sortNested(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].Meta.UpdatedAt.Before(evs[j].Meta.UpdatedAt) }) // want `sorted by UpdatedAt`
}

func sortRows(rows []Row) {
	sort.Slice(rows, func(i, j int) bool { return rows[i].Modified.Before(rows[j].Modified) }) // want `sorted by Modified`
}

func sortEmbedded(ws []Wrapped) {
	sort.Slice(ws, func(i, j int) bool { return ws[i].Created.Before(ws[j].Created) }) // want `sorted by Created`
}

func latest(evs []Event) Event {
	return slices.MaxFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) }) // want `latest event from different machines chosen by CreatedAt \(wall clock\): clock skew picks the wrong one`
}

func earliest(evs []Event) Event {
	return slices.MinFunc(evs, func(a, b Event) int { return a.At.Compare(b.At) }) // want `earliest event from different machines chosen by At`
}

// Envelope is generic; its tags travel with every instance.
type Envelope[T any] struct {
	Body   T         `json:"body"`
	SentAt time.Time `json:"sent_at"`
}

func sortEnvelopes(es []Envelope[string]) {
	sort.Slice(es, func(i, j int) bool { return es[i].SentAt.Before(es[j].SentAt) }) // want `sorted by SentAt`
}

type stamper interface{ Stamp() time.Time }

// sortGeneric sorts values of a type parameter: their origin is unknown.
func sortGeneric[E stamper](xs []E) {
	slices.SortFunc(xs, func(a, b E) int { return a.Stamp().Compare(b.Stamp()) })
}

// --- left alone ---

// job stays in this process: no tags, never decoded.
type job struct {
	name    string
	created time.Time
}

func sortLocal(jobs []job) {
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].created.Before(jobs[j].created) })
}

func sortByName(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].Name < evs[j].Name })
}

func sortBySeq(evs []Event) {
	slices.SortFunc(evs, func(a, b Event) int { return cmp.Compare(a.Seq, b.Seq) })
}

// Sample is a time-series sample: its integer timestamp is the data's
// coordinate, not an event order.
type Sample struct {
	T int64   `json:"timestamp"`
	V float64 `json:"value"`
}

func sortSamples(ss []Sample) {
	sort.Slice(ss, func(i, j int) bool { return ss[i].T < ss[j].T })
}

func sortTimes(ts []time.Time) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
}

func isSorted(evs []Event) bool {
	return slices.IsSortedFunc(evs, func(a, b Event) int { return a.CreatedAt.Compare(b.CreatedAt) })
}

// Call is a traced call with a latency.
type Call struct {
	Latency time.Duration `json:"latency"`
}

func sortByLatency(cs []Call) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Latency < cs[j].Latency })
}

func sortByExpiry(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].ExpiresAt.Before(evs[j].ExpiresAt) })
}

type byName []Event

func (b byName) Len() int           { return len(b) }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }
func (b byName) Less(i, j int) bool { return b[i].Name < b[j].Name }

func sortInterfaceByName(evs []Event) {
	sort.Sort(byName(evs))
}

func sortAgainstCutoff(evs []Event, cutoff time.Time) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].Seq < evs[j].Seq && evs[i].CreatedAt.After(cutoff) })
}

// ConnInfo is a monitoring response (json tags) that this package fills
// from its own connections: sorting it orders one clock's readings.
type ConnInfo struct {
	Cid          uint64    `json:"cid"`
	Start        time.Time `json:"start"`
	LastActivity time.Time `json:"last_activity"`
}

func connInfo(cid uint64, start, last time.Time) *ConnInfo {
	ci := &ConnInfo{Cid: cid, Start: start}
	ci.LastActivity = last
	return ci
}

func sortConns(cs []*ConnInfo) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].LastActivity.After(cs[j].LastActivity) })
	slices.SortFunc(cs, func(a, b *ConnInfo) int { return a.Start.Compare(b.Start) })
}

// Report is never filled here: its timestamps come from elsewhere.
type Report struct {
	Seen time.Time `json:"seen"`
}

// byIdle sorts by the time since each report was seen, measured from one
// reading of this process's clock.
type byIdle struct {
	rs  []Report
	now time.Time
}

func (l byIdle) Len() int      { return len(l.rs) }
func (l byIdle) Swap(i, j int) { l.rs[i], l.rs[j] = l.rs[j], l.rs[i] }
func (l byIdle) Less(i, j int) bool {
	return l.now.Sub(l.rs[i].Seen) < l.now.Sub(l.rs[j].Seen)
}

func sortIdle(rs []Report) {
	sort.Sort(byIdle{rs, time.Now()})
}

// Job's duration is one machine's measurement of one value: sorting by it
// orders nothing across machines.
type Job struct {
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at"`
}

func byDuration(jobs []Job) {
	sort.Slice(jobs, func(i, j int) bool {
		return jobs[i].EndedAt.Sub(jobs[i].StartedAt) < jobs[j].EndedAt.Sub(jobs[j].StartedAt)
	})
}

// Sorting by when they started still orders by the wall clock.
func byStart(jobs []Job) {
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].StartedAt.Before(jobs[j].StartedAt) }) // want `sorted by StartedAt \(wall clock\)`
}

// With a pick after the sort, the message says the decision (also in
// strict mode).
func newestEvent(evs []Event) Event {
	sort.Slice(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) }) // want `sorted by CreatedAt \(wall clock\) and the last one taken: clock skew picks the wrong one`
	return evs[len(evs)-1]
}
