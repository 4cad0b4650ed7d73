package wallclock_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/wallclock"
)

// strict returns an instance with -wallclock.strict, set as a user
// would: every sort by a wall-clock field, with or without a pick.
func strict(t *testing.T) *analysis.Analyzer {
	a := wallclock.New(wallclock.Config{})
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

// The packages with bare sorts run in strict mode (the behaviour before
// the evidence standard: recall does not fall); the others by default.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wallclock.New(wallclock.Config{}),
		"lww",      // last-write-wins guarded by wall-clock comparisons
		"identity", // time.Now as an identifier, sequence or version
	)
	analysistest.Run(t, analysistest.TestData(), strict(t),
		"sorting",     // sort and min/max by a wall-clock field of wire types
		"decoded",     // types without tags whose values are decoded
		"protomsg",    // generated protobuf messages and timestamppb
		"configtypes", // a config package's tags are a local file's
		"cfgname",     // types named *Config, *Settings
		"samples",     // samples on a time axis (a latency at a time)
	)
}

// By default a sort is reported only when the code then takes its first
// or last element; min/max selection always is.
func TestSortPick(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wallclock.New(wallclock.Config{}), "sortpick")
	// Another instance keeps the default: flags are per instance.
	a := strict(t)
	if got := a.Flags.Lookup("strict").Value.String(); got != "true" {
		t.Fatalf("strict instance has strict %s", got)
	}
	if got := wallclock.New(wallclock.Config{}).Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("a new instance has strict %s, want the default false", got)
	}
}

// The identity words are an option: -wallclock.identnames.
func TestIdentNamesOption(t *testing.T) {
	a := wallclock.New(wallclock.Config{})
	if err := a.Flags.Set("identnames", "[ticket]"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "identnames")
	// Epoch is not a default word; a code base whose epochs are fencing
	// tokens adds it.
	e := wallclock.New(wallclock.Config{})
	if err := e.Flags.Set("identnames", strings.Join(append(slices.Clone(wallclock.DefaultIdentNames), "epoch"), ",")); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), e, "epochnames")
	// Another instance keeps the default: flags are per instance.
	if got := wallclock.New(wallclock.Config{}).Flags.Lookup("identnames").Value.String(); got != "id,seq,sequence,version,revision,rev,offset,order,lsn,counter,generation,nonce" {
		t.Errorf("a new instance has identnames %s, want the default", got)
	}
}
