// Package config holds one program's configuration: its tags are for the
// local config file and API, not evidence that values come from peers.
package config

import (
	"encoding/json"
	"io"
	"slices"
	"sort"
	"time"
)

// Ignored is an entry of a local list, stamped by the local UI.
type Ignored struct {
	Time  time.Time `json:"time" xml:"time,attr"`
	ID    string    `json:"id" xml:"id,attr"`
	Label string    `json:"label" xml:"label,attr"`
}

func sortedIgnored(in map[string]Ignored) []Ignored {
	out := make([]Ignored, 0, len(in))
	for _, v := range in {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b Ignored) int { return a.Time.Compare(b.Time) })
	return out
}

func dedupIgnored(in []Ignored) map[string]Ignored {
	out := make(map[string]Ignored, len(in))
	for _, v := range in {
		if cur, ok := out[v.ID]; !ok || cur.Time.Before(v.Time) {
			out[v.ID] = v
		}
	}
	return out
}

// Announced has the same shape, but this package decodes it from a
// reader (a peer's response): that is evidence it crosses machines.
type Announced struct {
	Time time.Time `json:"time"`
	ID   string    `json:"id"`
}

func readAnnounced(r io.Reader) ([]Announced, error) {
	var as []Announced
	if err := json.NewDecoder(r).Decode(&as); err != nil {
		return nil, err
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Time.Before(as[j].Time) }) // want `sorted by Time \(wall clock\)`
	return as, nil
}

func mergeAnnounced(state map[string]Announced, in Announced) {
	if cur, ok := state[in.ID]; ok && cur.Time.After(in.Time) { // want `last write wins by Time`
		return
	}
	state[in.ID] = in
}
