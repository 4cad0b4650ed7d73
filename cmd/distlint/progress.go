package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// A progress line: while a run lasts, one line on stderr, rewritten in
// place, says what the go command is doing and how many packages have
// been analyzed out of how many. It is shown only on a terminal, only
// after the run has lasted progressAfter, and is erased before anything
// else is printed. Nothing goes to stdout.

// progressAfter is how long a run lasts before its progress is shown:
// quick runs stay quiet. DISTLINT_PROGRESS_AFTER (a duration) changes it,
// for tests.
func progressAfter() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("DISTLINT_PROGRESS_AFTER")); err == nil {
		return d
	}
	return time.Second
}

// isTerminal reports whether f is a terminal that can rewrite a line.
// /dev/null is a character device too, but no terminal: with 2>/dev/null
// the run would list every dependency for a count nobody sees.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// The phases of a run.
const (
	phaseLoading   = "loading packages"
	phaseCompiling = "compiling dependencies"
	phaseAnalyzing = "analyzing"
)

type progress struct {
	w     io.Writer
	after time.Duration
	start time.Time

	mu          sync.Mutex
	phase       string
	done, total int
	shown       bool // a line is on the terminal
	closed      bool

	stop chan struct{}
	wg   sync.WaitGroup
}

// newProgress starts a progress line on w; it returns nil when w is not
// a terminal (or enabled is false). The methods of a nil *progress do
// nothing.
func newProgress(w *os.File, enabled bool) *progress {
	if !enabled || !isTerminal(w) {
		return nil
	}
	p := &progress{w: w, after: progressAfter(), start: time.Now(), phase: phaseLoading, stop: make(chan struct{})}
	p.render()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				p.render()
			}
		}
	}()
	return p
}

// setTotal records how many packages the run analyzes, once known.
func (p *progress) setTotal(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
	if p.phase == phaseLoading {
		p.phase = phaseCompiling
	}
}

// analyzed records that n more packages have been analyzed.
func (p *progress) analyzed(n int) {
	if p == nil || n == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.phase = phaseAnalyzing
}

func (p *progress) render() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || time.Since(p.start) < p.after {
		return
	}
	line := "distlint: " + p.phase
	switch {
	case p.phase == phaseAnalyzing && p.total > 0:
		done := min(p.done, p.total) // test variants can add a few
		line += fmt.Sprintf(" %d/%d packages", done, p.total)
	case p.phase == phaseAnalyzing:
		line += fmt.Sprintf(" %d packages", p.done)
	case p.total > 0:
		line += fmt.Sprintf(" (%d packages to analyze)", p.total)
	}
	line += fmt.Sprintf(", %ds", int(time.Since(p.start).Seconds()))
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.shown = true
}

// close stops the line and erases it.
func (p *progress) close() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// objectCounter passes writes through to w and reports each complete
// top-level JSON object (go vet -json prints one per analyzed package) to
// counted.
type objectCounter struct {
	w       io.Writer
	counted func(n int)
	depth   int
	str     bool // inside a JSON string
	esc     bool // after a backslash in a string
}

func (c *objectCounter) Write(b []byte) (int, error) {
	n := 0
	for _, ch := range b {
		switch {
		case c.esc:
			c.esc = false
		case c.str:
			c.str = ch != '"'
			c.esc = ch == '\\'
		case ch == '"':
			c.str = true
		case ch == '{':
			c.depth++
		case ch == '}':
			if c.depth--; c.depth == 0 {
				n++
			}
		}
	}
	c.counted(n)
	return c.w.Write(b)
}
