package retrystorm

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// The facts print as analysistest expectations and -debug output show
// them, and survive the gob encoding that drivers use between packages.
func TestFacts(t *testing.T) {
	for _, tc := range []struct {
		fact analysis.Fact
		want string
	}{
		{&callsNetwork{Via: "(*http.Client).Do"}, "makes a network call via (*http.Client).Do"},
		{&reachesNetwork{}, "reaches the network"},
	} {
		if got := tc.fact.(interface{ String() string }).String(); got != tc.want {
			t.Errorf("%T.String() = %q, want %q", tc.fact, got, tc.want)
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(tc.fact); err != nil {
			t.Fatalf("encoding %T: %v", tc.fact, err)
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&callsNetwork{Via: "net.Dial"}); err != nil {
		t.Fatal(err)
	}
	var got callsNetwork
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil || got.Via != "net.Dial" {
		t.Errorf("decoded %+v, %v; want Via net.Dial", got, err)
	}
}
