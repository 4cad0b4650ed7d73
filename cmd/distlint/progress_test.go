//go:build linux

package main_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
)

// openPTY opens a pseudo-terminal pair: what is written to the terminal
// (tty) is read from pty.
func openPTY(t *testing.T) (pty, tty *os.File) {
	t.Helper()
	pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, pty.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlocking the pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, pty.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("naming the pseudo-terminal: %v", e)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pty, tty
}

// runProgress runs distlint in dir with stderr on a pseudo-terminal (or
// a pipe) and returns stdout and what reached stderr.
func runProgress(t *testing.T, dir string, terminal bool, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(distlintBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(clitest.Env(), "DISTLINT_PROGRESS_AFTER=0s", "TERM=xterm")
	var out, errOut bytes.Buffer
	cmd.Stdout = &out
	var pty, tty *os.File
	read := make(chan struct{})
	if terminal {
		pty, tty = openPTY(t)
		defer pty.Close()
		cmd.Stderr = tty
		go func() {
			io.Copy(&errOut, pty) // ends with EIO once the terminal is closed
			close(read)
		}()
	} else {
		cmd.Stderr = &errOut
		close(read)
	}
	err := cmd.Run()
	if tty != nil {
		tty.Close()
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	select {
	case <-read:
	case <-time.After(10 * time.Second):
		t.Fatal("the pseudo-terminal did not close")
	}
	return out.String(), errOut.String()
}

// TestProgress: on a terminal, a run shows one line, rewritten in place,
// with the phase and the packages analyzed out of the total, and erases
// it at the end; on a pipe or with -q, nothing. stdout is the same.
func TestProgress(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module progress\n\ngo 1.26\n",
		"a/a.go": "package a\n\nimport \"errors\"\n\nvar E = errors.New(\"e\")\n\nfunc Q() chan int { return make(chan int, 1<<20) }\n",
	})
	// An option value of its own makes go vet analyze every package
	// again, which lasts long enough to show the packages analyzed.
	nonce := "-unboundedqueue.maxbuffer=" + strconv.FormatInt(time.Now().UnixNano()%1e6+2000, 10)
	stdout, tty := runProgress(t, dir, true, "-json", "-unboundedqueue.strict", nonce, "./...")
	if !strings.Contains(stdout, `"unboundedqueue"`) {
		t.Errorf("stdout on a terminal = %q, want the JSON findings", stdout)
	}
	if !regexp.MustCompile(`\r\x1b\[Kdistlint: analyzing \d+/\d+ packages, \d+s`).MatchString(tty) {
		t.Errorf("the terminal did not show the packages analyzed: %q", tty)
	}
	if !strings.Contains(tty, "\r\x1b[Kdistlint: loading packages") {
		t.Errorf("the terminal did not show the loading phase: %q", tty)
	}
	if !strings.HasSuffix(tty, "\r\x1b[K") || strings.Contains(tty, "\n") {
		t.Errorf("the progress line is not one line erased at the end: %q", tty)
	}

	pipeOut, pipeErr := runProgress(t, dir, false, "-json", "-unboundedqueue.strict", nonce, "./...")
	if pipeErr != "" || pipeOut != stdout {
		t.Errorf("on a pipe: stderr %q, stdout %q; want no progress and the terminal run's stdout %q", pipeErr, pipeOut, stdout)
	}
	if _, tty := runProgress(t, dir, true, "-q", nonce, "./..."); tty != "" {
		t.Errorf("with -q the terminal shows %q, want nothing", tty)
	}
}
