package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIsTerminalDevNull: 2>/dev/null shows no progress (and lists no
// dependencies for it).
func TestIsTerminalDevNull(t *testing.T) {
	t.Setenv("TERM", "xterm")
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("isTerminal(%s) = true; want false", os.DevNull)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("isTerminal(a file) = true; want false")
	}
}
