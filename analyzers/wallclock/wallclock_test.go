package wallclock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/wallclock"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wallclock.New(wallclock.Config{}),
		"sorting",     // sort and min/max by a wall-clock field of wire types
		"lww",         // last-write-wins guarded by wall-clock comparisons
		"identity",    // time.Now as an identifier, sequence or version
		"decoded",     // types without tags whose values are decoded
		"protomsg",    // generated protobuf messages and timestamppb
		"configtypes", // a config package's tags are a local file's
		"cfgname",     // types named *Config, *Settings
		"samples",     // samples on a time axis (a latency at a time)
	)
}

// The identity words are an option: -wallclock.identnames.
func TestIdentNamesOption(t *testing.T) {
	a := wallclock.New(wallclock.Config{})
	if err := a.Flags.Set("identnames", "[ticket]"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "identnames")
	// Another instance keeps the default: flags are per instance.
	if got := wallclock.New(wallclock.Config{}).Flags.Lookup("identnames").Value.String(); got != "id,seq,sequence,version,revision,rev,offset,order,lsn,epoch,counter,generation,nonce" {
		t.Errorf("a new instance has identnames %s, want the default", got)
	}
}
