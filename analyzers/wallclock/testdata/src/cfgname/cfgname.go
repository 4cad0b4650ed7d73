package cfgname

import (
	"slices"
	"time"
)

// FolderConfig is configuration by its name: tags alone do not make its
// values cross machines.
type FolderConfig struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

func sortConfigs(fs []FolderConfig) {
	slices.SortFunc(fs, func(a, b FolderConfig) int { return a.Created.Compare(b.Created) })
}

// Folder has the same shape and tags, outside configuration: still
// reported.
type Folder struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

func sortFolders(fs []Folder) {
	slices.SortFunc(fs, func(a, b Folder) int { return a.Created.Compare(b.Created) }) // want `sorted by Created \(wall clock\)`
}

// ConfigRecord only starts with Config: not configuration.
type ConfigRecord struct {
	Key       string    `json:"key"`
	UpdatedAt time.Time `json:"updated_at"`
}

func merge(state map[string]ConfigRecord, in ConfigRecord) {
	if cur, ok := state[in.Key]; ok && cur.UpdatedAt.After(in.UpdatedAt) { // want `last write wins by UpdatedAt`
		return
	}
	state[in.Key] = in
}
