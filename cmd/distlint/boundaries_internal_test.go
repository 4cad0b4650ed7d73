package main

import (
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers/boundary"
)

// A finding joins the innermost call that spans it; findings outside
// every call join none.
func TestBuildMapJoinsFindings(t *testing.T) {
	entry := func(posn, end string) finding {
		return finding{analyzer: boundary.Name, posn: parsePosn(posn), end: parsePosn(end),
			diag: vetDiagnostic{Posn: posn, Category: boundary.MapCategory, Message: `{"kind":"http","timeout":{"status":"missing"}}`}}
	}
	other := func(name, posn string) finding {
		return finding{analyzer: name, posn: parsePosn(posn), diag: vetDiagnostic{Posn: posn, Message: name + " message"}}
	}
	findings := []finding{
		entry("/src/a.go:10:2", "/src/a.go:14:3"),  // outer call
		entry("/src/a.go:11:9", "/src/a.go:11:40"), // a call inside its arguments
		other("timeout", "/src/a.go:10:2"),         // at the outer call
		other("lostcontext", "/src/a.go:11:20"),    // inside the inner call
		other("latency", "/src/a.go:20:1"),         // outside both
		other("wallclock", "/src/b.go:11:20"),      // another file
	}
	m, err := buildMap(findings, "/src")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Entries) != 2 || m.Entries[0].Pos != "a.go:10:2" || m.Entries[1].Pos != "a.go:11:9" {
		t.Fatalf("entries %+v", m.Entries)
	}
	got := func(e boundary.Entry) string {
		var names []string
		for _, f := range e.Findings {
			names = append(names, f.Analyzer)
		}
		return strings.Join(names, ",")
	}
	if got(m.Entries[0]) != "timeout" || got(m.Entries[1]) != "lostcontext" {
		t.Errorf("findings: outer %q, inner %q; want timeout, lostcontext", got(m.Entries[0]), got(m.Entries[1]))
	}
	if m.Summary.Calls != 2 || m.Summary.NoTimeout != 2 || m.Summary.ByKind["http"] != 2 {
		t.Errorf("summary %+v", m.Summary)
	}
	if _, err := buildMap([]finding{{analyzer: boundary.Name, diag: vetDiagnostic{Category: boundary.MapCategory, Message: "{"}}}, ""); err == nil {
		t.Error("a malformed entry is no error")
	}
}

func TestCommonDir(t *testing.T) {
	for _, tc := range []struct {
		positions []string
		want      string
	}{
		{[]string{"/m/v7@v7.4.1/api.go:1:2", "/m/v7@v7.4.1/pkg/c/a.go:3:4"}, "/m/v7@v7.4.1/"},
		{[]string{"a.go:1:2", "pkg/b.go:1:2"}, ""},
		{[]string{"pkg/a.go:1:2", "pkg/sub/b.go:1:2"}, "pkg/"},
		{[]string{"/a/x.go:1:1", "/b/y.go:1:1"}, ""},
		{nil, ""},
	} {
		if got := commonDir(tc.positions); got != tc.want {
			t.Errorf("commonDir(%q) = %q, want %q", tc.positions, got, tc.want)
		}
	}
}

func TestMarkdownCell(t *testing.T) {
	if got := mdCell("a|b *c* <d>\nnext"); got != `a\|b \*c\* &lt;d> next` {
		t.Errorf("mdCell = %q", got)
	}
	if got := wbr("a/b<c>"); got != "a/<wbr>b&lt;c&gt;" {
		t.Errorf("wbr = %q", got)
	}
}

func TestNewLinker(t *testing.T) {
	if got := newLinker("", "/src")("pkg/a.go:12:3"); got != "file:///src/pkg/a.go" {
		t.Errorf("default link %q", got)
	}
	if got := newLinker("https://h/r/blob/main/{path}#L{line}", "/src")("pkg/a.go:12:3"); got != "https://h/r/blob/main/pkg/a.go#L12" {
		t.Errorf("template link %q", got)
	}
}
