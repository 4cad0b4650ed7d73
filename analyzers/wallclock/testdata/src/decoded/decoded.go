package decoded

import (
	"database/sql"
	"encoding/json"
	"io"
	"sort"
	"time"
)

// Update has no tags, but this package decodes it from JSON.
type Update struct {
	Key   string
	Value string
	At    time.Time
}

// Entry has no tags, but rows are scanned into it.
type Entry struct {
	Name    string
	Written time.Time
}

// local has no tags and is never decoded.
type local struct {
	At time.Time
}

func read(r io.Reader) ([]Update, error) {
	var ups []Update
	err := json.NewDecoder(r).Decode(&ups)
	return ups, err
}

func parse(b []byte) (*Update, error) {
	u := new(Update)
	return u, json.Unmarshal(b, u)
}

func scan(rows *sql.Rows) ([]Entry, error) {
	var es []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Name, &e.Written); err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}

func order(ups []Update) {
	sort.Slice(ups, func(i, j int) bool { return ups[i].At.Before(ups[j].At) }) // want `sorted by At`
}

func orderEntries(es []Entry) {
	sort.Slice(es, func(i, j int) bool { return es[i].Written.After(es[j].Written) }) // want `sorted by Written`
}

func merge(state map[string]Update, in Update) {
	if cur, ok := state[in.Key]; ok && cur.At.After(in.At) { // want `last write wins by At`
		return
	}
	state[in.Key] = in
}

func orderLocal(ls []local) {
	sort.Slice(ls, func(i, j int) bool { return ls[i].At.Before(ls[j].At) })
}

// conn has a field decoded from JSON; conn itself is not decoded.
type conn struct {
	opts  Options
	start time.Time
}

type Options struct {
	Verbose bool
}

func (c *conn) configure(b []byte) error { return json.Unmarshal(b, &c.opts) }

func newestFirst(cs []*conn) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].start.After(cs[j].start) })
}

// stampedAndDecoded: Update is decoded here, so stamping some values
// locally does not make them all local.
func stamp(u *Update) { u.At = time.Now() }
