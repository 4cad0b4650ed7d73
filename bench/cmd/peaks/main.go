// Command peaks runs a command and records, for each process name it is
// told to watch, the largest peak resident set size (VmHWM) any process
// of that name reached while the command ran. bench/speed.sh uses it to
// compare the analysis processes of go vet (vet) and distlint, whose
// peaks /usr/bin/time cannot separate from the compiler's: time reports
// the largest process of the whole tree, which on the corpus is a
// compile of some package's tests, the same under every tool.
//
// Usage:
//
//	peaks -o FILE -comm vet,distlint,compile -- CMD ARGS...
//
// Only the command's own descendants count: other processes of the same
// name on the machine (another go vet, a test run) are left out. It
// samples /proc every -every (20ms). VmHWM is a high-water mark, so a
// sample taken late still sees the peak reached before it; only growth
// in the last interval before a process exits can be missed. FILE gets
// one line per watched name: the name, the peak in KiB (0 when no such
// process was seen) and how many processes of that name were seen. The
// exit code is the command's.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "write the peaks to this file")
	comms := flag.String("comm", "vet,distlint,compile", "comma-separated process names to watch")
	every := flag.Duration("every", 20*time.Millisecond, "sampling interval")
	flag.Parse()
	if flag.NArg() == 0 || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: peaks -o FILE [-comm a,b] [-every 20ms] -- CMD ARGS...")
		os.Exit(2)
	}
	names := strings.Split(*comms, ",")
	watch := make(map[string]bool, len(names))
	for _, n := range names {
		watch[n] = true
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "peaks:", err)
		os.Exit(2)
	}
	signal.Ignore(syscall.SIGINT) // the child gets it and exits; we report

	peak := make(map[string]int64)
	seen := make(map[string]map[int]bool)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(*every)
	defer tick.Stop()
	var err error
loop:
	for {
		select {
		case err = <-done:
			break loop
		case <-tick.C:
			sample(cmd.Process.Pid, watch, peak, seen)
		}
	}

	var b bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&b, "%s %d %d\n", n, peak[n], len(seen[n]))
	}
	if werr := os.WriteFile(*out, b.Bytes(), 0o644); werr != nil {
		fmt.Fprintln(os.Stderr, "peaks:", werr)
		os.Exit(2)
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			os.Exit(ee.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "peaks:", err)
		os.Exit(2)
	}
}

// sample reads the name and VmHWM of every process descending from root
// and keeps the largest per watched name.
func sample(root int, watch map[string]bool, peak map[string]int64, seen map[string]map[int]bool) {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		comm, err := os.ReadFile(d + "/comm")
		if err != nil {
			continue
		}
		name := strings.TrimSpace(string(comm))
		if !watch[name] {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(d))
		if !descends(pid, root) {
			continue
		}
		if seen[name] == nil {
			seen[name] = make(map[int]bool)
		}
		seen[name][pid] = true
		if kib := hwm(d + "/status"); kib > peak[name] {
			peak[name] = kib
		}
	}
}

// hwm returns the VmHWM line of a /proc status file, in KiB.
func hwm(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// descends reports whether pid is root or one of its descendants,
// following parent pids (the fourth field of /proc/PID/stat, after the
// parenthesised name, which may itself hold spaces).
func descends(pid, root int) bool {
	for depth := 0; pid > 1 && depth < 64; depth++ {
		if pid == root {
			return true
		}
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return false
		}
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			return false
		}
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 2 {
			return false
		}
		pid, _ = strconv.Atoi(f[1])
	}
	return false
}
