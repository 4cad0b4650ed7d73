// Command corpus runs distlint over the real-world modules of the corpus
// (bench/corpus) and writes a report: findings per analyzer and module,
// every finding with its location and message, analyzer errors and
// panics, wall time and peak memory. Developers read it before calling
// an analyzer done; it is not part of CI.
//
// Usage, from the repository root:
//
//	go run ./bench/cmd/corpus [-corpus bench/corpus] [-out FILE] [-- distlint flags]
//	go run ./bench/cmd/corpus -boundaries html [-corpus DIR]  # a boundary map per module
//
// The report goes to report.md in the corpus directory unless -out says
// otherwise. bench/services is the second corpus (service-shaped modules).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("corpus: ")
	var (
		corpusDir = flag.String("corpus", "bench/corpus", "the corpus module")
		out       = flag.String("out", "", "where to write the report (default: report.md in the corpus directory)")
		bin       = flag.String("bin", "", "the distlint binary (default: build ./cmd/distlint)")
		list      = flag.Bool("list", false, "print the packages to analyze and exit")
		boundMaps = flag.String("boundaries", "", "write the boundary map of each module (json, markdown or html) to boundaries/ beside the report, instead of the report")
	)
	flag.Parse()
	extra := flag.Args() // passed on to distlint
	if *out == "" {
		*out = filepath.Join(*corpusDir, "report.md")
	}

	pkgs, err := listPackages(*corpusDir)
	if err != nil {
		log.Fatal(err)
	}
	if *list {
		for _, p := range pkgs {
			fmt.Println(p.path)
		}
		return
	}
	if *bin == "" {
		tmp, err := os.MkdirTemp("", "distlint-corpus")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		*bin = filepath.Join(tmp, "distlint")
		if out, err := exec.Command("go", "build", "-o", *bin, "./cmd/distlint").CombinedOutput(); err != nil {
			log.Fatalf("building distlint: %v\n%s", err, out)
		}
	}
	abs, err := filepath.Abs(*bin)
	if err != nil {
		log.Fatal(err)
	}
	if *boundMaps != "" {
		if err := writeBoundaryMaps(abs, *corpusDir, pkgs, *boundMaps, filepath.Join(filepath.Dir(*out), "boundaries"), extra); err != nil {
			log.Fatal(err)
		}
		return
	}
	res, err := runDistlint(abs, *corpusDir, pkgs, extra)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	writeReport(&buf, pkgs, res, extra)
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d packages, %d findings, %d errors, %s wall, %d MiB peak RSS; report in %s\n",
		len(pkgs), len(res.findings), len(res.errors), res.wall.Round(time.Second), res.maxRSS>>20, *out)
	if len(res.errors) > 0 {
		os.Exit(1)
	}
}

type pkg struct {
	path, module string
}

// listPackages resolves packages.txt in dir: go list patterns, minus the
// paths on lines starting with -, minus main packages.
func listPackages(dir string) ([]pkg, error) {
	data, err := os.ReadFile(filepath.Join(dir, "packages.txt"))
	if err != nil {
		return nil, err
	}
	var patterns, excluded, excludedOne []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "-"):
			excluded = append(excluded, strings.TrimPrefix(line, "-"))
		case strings.HasPrefix(line, "!"):
			excludedOne = append(excludedOne, strings.TrimPrefix(line, "!"))
		default:
			patterns = append(patterns, line)
		}
	}
	cmd := exec.Command("go", append([]string{"list", "-e", "-f", "{{.Name}} {{.ImportPath}} {{with .Module}}{{.Path}}{{end}} {{len .GoFiles}}{{len .CgoFiles}}"}, patterns...)...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	var pkgs []pkg
	for line := range strings.Lines(string(outb)) {
		f := strings.Fields(line)
		if len(f) != 4 || f[0] == "main" || f[3] == "00" {
			continue // main packages, and packages with only test files
		}
		if slices.Contains(excludedOne, f[1]) || slices.ContainsFunc(excluded, func(ex string) bool { return f[1] == ex || strings.HasPrefix(f[1], ex+"/") }) {
			continue
		}
		pkgs = append(pkgs, pkg{path: f[1], module: f[2]})
	}
	return pkgs, nil
}

type finding struct {
	analyzer, pkg, posn, message string
}

type result struct {
	findings []finding
	errors   []string // analyzer errors and panics, load errors
	wall     time.Duration
	maxRSS   int64 // bytes
	exitCode int
}

func runDistlint(bin, dir string, pkgs []pkg, extra []string) (*result, error) {
	args := append(append([]string{"-json"}, extra...), pathsOf(pkgs)...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := &result{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	res.exitCode = cmd.ProcessState.ExitCode()
	if err != nil && res.exitCode != 1 && res.exitCode != 2 {
		return nil, fmt.Errorf("distlint: %v\n%s", err, stderr.String())
	}
	// stderr holds load errors and analyzer failures, one per line.
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			res.errors = append(res.errors, line)
		}
	}
	if stdout.Len() == 0 {
		return res, nil
	}
	// The go vet -json form: package -> analyzer -> diagnostics, or
	// {"error": ...} for an analyzer that failed.
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		return nil, fmt.Errorf("decoding distlint -json output: %v", err)
	}
	modcache := modCache()
	for pkgID, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				var failed struct{ Error string }
				json.Unmarshal(raw, &failed)
				res.errors = append(res.errors, fmt.Sprintf("%s on %s: %s", analyzer, pkgID, failed.Error))
				continue
			}
			for _, d := range diags {
				res.findings = append(res.findings, finding{analyzer: analyzer, pkg: pkgID, posn: shortPath(modcache, d.Posn), message: d.Message})
			}
		}
	}
	sort.Slice(res.findings, func(i, j int) bool {
		a, b := res.findings[i], res.findings[j]
		if a.analyzer != b.analyzer {
			return a.analyzer < b.analyzer
		}
		return a.posn < b.posn
	})
	slices.Sort(res.errors)
	res.errors = slices.Compact(res.errors)
	return res, nil
}

func pathsOf(pkgs []pkg) []string {
	var ps []string
	for _, p := range pkgs {
		ps = append(ps, p.path)
	}
	return ps
}

func modCache() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// shortPath turns a module-cache path into module@version/file:line:col,
// undoing the cache's !x escaping of capitals.
func shortPath(modcache, posn string) string {
	rel, ok := strings.CutPrefix(posn, modcache+string(filepath.Separator))
	if !ok {
		return posn
	}
	var b strings.Builder
	for i := 0; i < len(rel); i++ {
		if rel[i] == '!' && i+1 < len(rel) {
			i++
			b.WriteString(strings.ToUpper(rel[i : i+1]))
			continue
		}
		b.WriteByte(rel[i])
	}
	return b.String()
}

func writeReport(w *bytes.Buffer, pkgs []pkg, res *result, extra []string) {
	moduleOf := make(map[string]string)
	var modules []string
	for _, p := range pkgs {
		moduleOf[p.path] = p.module
		if !slices.Contains(modules, p.module) {
			modules = append(modules, p.module)
		}
	}
	counts := make(map[string]map[string]int) // analyzer -> module -> n
	var analyzers []string
	for _, f := range res.findings {
		if counts[f.analyzer] == nil {
			counts[f.analyzer] = make(map[string]int)
			analyzers = append(analyzers, f.analyzer)
		}
		counts[f.analyzer][moduleOf[strings.Fields(f.pkg)[0]]]++
	}
	slices.Sort(analyzers)

	fmt.Fprintf(w, "# Corpus run\n\n")
	fmt.Fprintf(w, "Generated by `go run ./bench/cmd/corpus%s` on %s (%s/%s, %d CPUs, %s).\n",
		strings.Join(append([]string{""}, extra...), " "), time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(w, "Triage of these findings is in docs/precision.md.\n\n")
	fmt.Fprintf(w, "| | |\n|---|---|\n")
	fmt.Fprintf(w, "| packages analyzed | %d in %d modules |\n", len(pkgs), len(modules))
	fmt.Fprintf(w, "| findings | %d |\n", len(res.findings))
	fmt.Fprintf(w, "| analyzer errors, panics, load errors | %d |\n", len(res.errors))
	fmt.Fprintf(w, "| distlint exit code | %d |\n", res.exitCode)
	fmt.Fprintf(w, "| wall time | %s |\n", res.wall.Round(100*time.Millisecond))
	fmt.Fprintf(w, "| peak RSS of distlint | %d MiB |\n\n", res.maxRSS>>20)

	if len(res.errors) > 0 {
		fmt.Fprintf(w, "## Errors\n\n")
		for _, e := range res.errors {
			fmt.Fprintf(w, "- %s\n", e)
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintf(w, "## Findings per analyzer and module\n\n| module |")
	for _, a := range analyzers {
		fmt.Fprintf(w, " %s |", a)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(analyzers)))
	for _, m := range modules {
		fmt.Fprintf(w, "| %s |", m)
		for _, a := range analyzers {
			fmt.Fprintf(w, " %d |", counts[a][m])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)

	for _, a := range analyzers {
		fmt.Fprintf(w, "## %s\n\n", a)
		for _, f := range res.findings {
			if f.analyzer == a {
				fmt.Fprintf(w, "- `%s`: %s\n", f.posn, f.message)
			}
		}
		fmt.Fprintln(w)
	}
}
