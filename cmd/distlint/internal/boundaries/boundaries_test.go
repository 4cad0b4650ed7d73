package boundaries_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
	"github.com/distlint/distlint/internal/testmod"
)

var binary string

func TestMain(m *testing.M) { clitest.Main(m, &binary) }

// svc returns the scratch service module, its dependencies downloaded.
func svc(t *testing.T) string {
	t.Helper()
	return testmod.Download(t, filepath.Join("testdata", "svc"))
}

type protection struct{ Status, Evidence string }

type entry struct {
	Pos, Package, Function, Kind, Operation string
	Timeout, Retry, Idempotency, Breaker    protection
	Findings                                []struct{ Analyzer, Message string }
}

type boundaryMap struct {
	Summary struct {
		Calls                 int            `json:"calls"`
		ByKind                map[string]int `json:"by_kind"`
		NoTimeout             int            `json:"no_timeout"`
		NoBreaker             int            `json:"no_breaker"`
		UnkeyedReplayedWrites int            `json:"unkeyed_replayed_writes"`
	}
	Entries []entry
}

// TestJSON is the done-when case: the four calls of the service
// with exactly their statuses.
func TestJSON(t *testing.T) {
	dir := svc(t)
	out, stderr, code := clitest.Run(t, dir, binary, "-boundaries", "json", "./...")
	if code != 0 {
		t.Fatalf("exit %d, want 0 (findings do not change the exit code in this mode); stderr:\n%s", code, stderr)
	}
	var m boundaryMap
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	want := map[string]string{
		"svc.go:24:15": "example.com/svc.Notify http POST https://hooks.example.com/notify missing unsafe missing missing",
		"svc.go:42:10": "example.com/svc.Charge http POST https://api.example.com/v1/charges set none set set",
		"svc.go:53:9":  "example.com/svc.Name sql (*sql.DB).QueryRowContext caller none n/a missing",
		"svc.go:59:15": "example.com/svc.Ping dial dial tcp cache.internal:6379 set none n/a missing",
	}
	if len(m.Entries) != len(want) {
		t.Errorf("%d entries, want %d:\n%s", len(m.Entries), len(want), out)
	}
	for _, e := range m.Entries {
		got := strings.Join([]string{e.Function, e.Kind, e.Operation, e.Timeout.Status, e.Retry.Status, e.Idempotency.Status, e.Breaker.Status}, " ")
		if want[e.Pos] != got {
			t.Errorf("%s: %q, want %q", e.Pos, got, want[e.Pos])
		}
		if e.Package != "example.com/svc" {
			t.Errorf("%s: package %q", e.Pos, e.Package)
		}
		for _, p := range []protection{e.Timeout, e.Retry, e.Idempotency, e.Breaker} {
			if p.Evidence == "" {
				t.Errorf("%s: a status without evidence: %+v", e.Pos, e)
			}
		}
	}
	// The findings of the same run at the default-client POST.
	var analyzers []string
	for _, e := range m.Entries {
		if e.Pos == "svc.go:24:15" {
			for _, f := range e.Findings {
				analyzers = append(analyzers, f.Analyzer)
			}
		}
	}
	if strings.Join(analyzers, ",") != "idempotency,timeout" {
		t.Errorf("findings at the default-client POST: %v, want idempotency and timeout", analyzers)
	}
	s := m.Summary
	if s.Calls != 4 || s.ByKind["http"] != 2 || s.ByKind["sql"] != 1 || s.ByKind["dial"] != 1 || s.NoTimeout != 1 || s.NoBreaker != 3 || s.UnkeyedReplayedWrites != 1 {
		t.Errorf("summary %+v", s)
	}
}

func TestMarkdown(t *testing.T) {
	dir := svc(t)
	out, stderr, code := clitest.Run(t, dir, binary, "-boundaries", "markdown", "./...")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"# Boundary map\n",
		"4 outbound calls (dial 1, http 2, sql 1); 1 without a timeout, 3 without a circuit breaker",
		"## example.com/svc\n",
		"| Position | Function | Kind | Operation | Timeout | Retry | Idempotency | Breaker | Findings |",
		"| svc.go:42:10 | Charge | http | POST https://api.example.com/v1/charges | **set** client Timeout 5s | **none** sent once in Charge | **set** Idempotency-Key header | **set** gobreaker Execute |  |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

// TestGate: -boundaries.require makes a normal run report the calls
// that visibly lack a required protection, as findings of boundary.
func TestGate(t *testing.T) {
	dir := svc(t)
	out, stderr, code := clitest.Run(t, dir, binary, "-enable", "boundary", "-boundaries.require", "timeout,breaker", "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"svc.go:24:15: http call POST https://hooks.example.com/notify has no timeout",
		"svc.go:24:15: http call POST https://hooks.example.com/notify runs outside a circuit breaker",
		"svc.go:53:9: sql call (*sql.DB).QueryRowContext runs outside a circuit breaker",
		"svc.go:59:15: dial call dial tcp cache.internal:6379 runs outside a circuit breaker",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d findings, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) || !strings.HasSuffix(lines[i], "(boundary)") {
			t.Errorf("finding %d: %q, want %q... (boundary)", i, lines[i], w)
		}
	}
	// Off by default: the same run without the option has no boundary finding.
	out, _, _ = clitest.Run(t, dir, binary, "./...")
	if strings.Contains(out, "(boundary)") {
		t.Errorf("boundary reported without -boundaries.require:\n%s", out)
	}
}

func TestUsage(t *testing.T) {
	dir := svc(t)
	for _, args := range [][]string{
		{"-boundaries", "yaml", "./..."},
		{"-boundaries", "json", "-sarif", "./..."},
		{"-boundaries.require", "timeouts", "./..."},
	} {
		out, stderr, code := clitest.Run(t, dir, binary, args...)
		if code != 2 || out != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, stderr)
		}
	}
}

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("SKIPPED: Chromium is not installed (apt-get install chromium): the HTML boundary map is not tested in a browser")
	return ""
}

// browse loads the page at url in headless Chromium and returns the DOM
// after its scripts ran, and what the browser logged (console errors).
func browse(t *testing.T, bin, url string, extra ...string) (dom, log string) {
	t.Helper()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--virtual-time-budget=2000",
	}
	args = append(append(args, extra...), url)
	cmd := exec.Command(bin, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.String())
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("chromium did not finish in 90s\n%s", stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestHTML loads the page in headless Chromium: the rows are there, the
// filters from the address hide the right rows, sorting reorders them,
// no script error is logged, and a screenshot is saved.
func TestHTML(t *testing.T) {
	bin := chromium(t)
	dir := svc(t)
	out, stderr, code := clitest.Run(t, dir, binary, "-boundaries", "html", "./...")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if regexp.MustCompile(`(?i)<(script|link|img)[^>]+(src|href)="https?:`).MatchString(out) {
		t.Errorf("the page fetches from the network")
	}
	tmp := t.TempDir()
	page := filepath.Join(tmp, "boundaries.html")
	if err := os.WriteFile(page, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(page)

	rowRE := regexp.MustCompile(`<tr data-i="\d+" data-pos="([^"]+)"[^>]*?(class="hidden")?>`)
	rows := func(dom string) (shown, hidden []string) {
		for _, m := range rowRE.FindAllStringSubmatch(dom, -1) {
			if m[2] != "" {
				hidden = append(hidden, m[1])
			} else {
				shown = append(shown, m[1])
			}
		}
		return shown, hidden
	}
	noErrors := func(log string) {
		t.Helper()
		for _, line := range strings.Split(log, "\n") {
			if strings.Contains(line, "Uncaught") || strings.Contains(line, "CONSOLE") && strings.Contains(line, "rror") {
				t.Errorf("script error: %s", line)
			}
		}
	}

	dom, log := browse(t, bin, url, "--dump-dom")
	noErrors(log)
	shown, hidden := rows(dom)
	if len(shown) != 4 || len(hidden) != 0 || !strings.Contains(dom, `<span id="count">4 of 4 calls</span>`) {
		t.Errorf("unfiltered: shown %v, hidden %v", shown, hidden)
	}

	cases := []struct {
		hash  string
		shown []string
	}{
		{"kind=http&missing=breaker", []string{"svc.go:24:15"}},
		{"missing=breaker", []string{"svc.go:24:15", "svc.go:53:9", "svc.go:59:15"}},
		{"kind=sql", []string{"svc.go:53:9"}},
		{"missing=any&sort=-pos", []string{"svc.go:59:15", "svc.go:53:9", "svc.go:24:15"}},
		{"sort=timeout", []string{"svc.go:24:15", "svc.go:53:9", "svc.go:42:10", "svc.go:59:15"}},
		{"q=charge", []string{"svc.go:42:10"}},
	}
	for _, c := range cases {
		dom, log := browse(t, bin, url+"#"+c.hash, "--dump-dom")
		noErrors(log)
		shown, hidden := rows(dom)
		if strings.Join(shown, " ") != strings.Join(c.shown, " ") || len(shown)+len(hidden) != 4 {
			t.Errorf("#%s: shown %v (hidden %v), want %v", c.hash, shown, hidden, c.shown)
		}
		if want := fmt.Sprintf(`<span id="count">%d of 4 calls</span>`, len(c.shown)); !strings.Contains(dom, want) {
			t.Errorf("#%s: the count does not say %s", c.hash, want)
		}
	}

	shot := filepath.Join(tmp, "boundaries.png")
	_, log = browse(t, bin, url, "--screenshot="+shot, "--window-size=1280,560", "--hide-scrollbars")
	noErrors(log)
	if st, err := os.Stat(shot); err != nil || st.Size() < 1000 {
		t.Errorf("no screenshot: %v", err)
	}
	t.Logf("screenshot: %s", shot)
	if dst := os.Getenv("DISTLINT_BOUNDARIES_SCREENSHOT"); dst != "" {
		data, err := os.ReadFile(shot)
		if err == nil {
			err = os.WriteFile(dst, data, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}
