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
// otherwise. bench/services to bench/services4 are
// service-shaped corpora; bench/services5 is the held-out one (-half
// heldout, bench/split.txt).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path"
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
		half      = flag.String("half", "", "run one half of all the corpora (tune or heldout, from bench/split.txt) instead of -corpus")
		verdicts  = flag.String("verdicts", "", "the triage of the findings (default with -half: bench/verdicts/HALF.tsv)")
		triage    = flag.Bool("triage", false, "append a TODO line to the verdicts file for every finding it does not judge yet")
		split     = flag.Bool("split", false, "print the split that the rule deals (the form of bench/split.txt) and exit")
	)
	flag.Parse()
	extra := flag.Args() // passed on to distlint
	if *split {
		ms, err := dealSplit(".")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Print(formatSplit(ms))
		return
	}
	var runs []corpusRun
	switch *half {
	case "":
		if *out == "" {
			*out = filepath.Join(*corpusDir, "report.md")
		}
		pkgs, err := listPackages(*corpusDir)
		if err != nil {
			log.Fatal(err)
		}
		runs = []corpusRun{{dir: *corpusDir, pkgs: pkgs}}
	case "tune", "heldout":
		if *out == "" {
			*out = filepath.Join("bench", "reports", *half+".md")
		}
		if *verdicts == "" {
			*verdicts = filepath.Join("bench", "verdicts", *half+".tsv")
		}
		var err error
		if runs, err = halfRuns(*half); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatalf("-half %s: want tune or heldout", *half)
	}
	var pkgs []pkg
	for _, r := range runs {
		pkgs = append(pkgs, r.pkgs...)
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
		for _, r := range runs {
			if len(r.pkgs) == 0 {
				continue
			}
			if err := writeBoundaryMaps(abs, r.dir, r.pkgs, *boundMaps, filepath.Join(filepath.Dir(*out), "boundaries"), extra); err != nil {
				log.Fatal(err)
			}
		}
		return
	}
	res := &result{}
	for _, r := range runs {
		if len(r.pkgs) == 0 {
			continue
		}
		one, err := runDistlint(abs, r.dir, r.pkgs, extra)
		if err != nil {
			log.Fatal(err)
		}
		res.merge(one)
	}
	sortFindings(res)
	var table string
	var vs []verdict
	if *verdicts != "" {
		var err error
		if vs, err = readVerdicts(*verdicts); err != nil {
			log.Fatal(err)
		}
		if *triage {
			n, err := appendTODO(*verdicts, res.findings, vs)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("%d TODO lines appended to %s\n", n, *verdicts)
			if vs, err = readVerdicts(*verdicts); err != nil {
				log.Fatal(err)
			}
		}
		rows, _ := precisionTable(res.findings, vs)
		table = formatTable(rows)
	}
	var buf bytes.Buffer
	writeReport(&buf, pkgs, res, extra, *half, *verdicts, vs)
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Print(table)
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
	function                     string // the enclosing top-level function (verdicts.go)
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
	fset := token.NewFileSet()
	parsed := make(map[string]*ast.File)
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
				res.findings = append(res.findings, finding{analyzer: analyzer, pkg: pkgID, posn: shortPath(modcache, d.Posn), message: d.Message, function: enclosingFunc(d.Posn, parsed, fset)})
			}
		}
	}
	return res, nil
}

func sortFindings(res *result) {
	sort.Slice(res.findings, func(i, j int) bool {
		a, b := res.findings[i], res.findings[j]
		if a.analyzer != b.analyzer {
			return a.analyzer < b.analyzer
		}
		return a.posn < b.posn
	})
	slices.Sort(res.errors)
	res.errors = slices.Compact(res.errors)
}

// merge adds the result of another corpus's run: the wall times add up
// (the runs are sequential), the peak is the larger one.
func (res *result) merge(o *result) {
	res.findings = append(res.findings, o.findings...)
	res.errors = append(res.errors, o.errors...)
	res.wall += o.wall
	res.maxRSS = max(res.maxRSS, o.maxRSS)
	res.exitCode = max(res.exitCode, o.exitCode)
}

// A corpusRun is the packages of one corpus module to analyze.
type corpusRun struct {
	dir  string
	pkgs []pkg
}

// halfOf returns the half of a package's module: its own entry in the
// split, or that of the module whose path it extends (River's
// riverdriver, rivershared and rivertype are modules nested in River's
// repository and count as River).
func halfOf(module string, inSplit map[string]string) string {
	for m := module; m != "." && m != "/" && m != ""; m = path.Dir(m) {
		if h, ok := inSplit[m]; ok {
			return h
		}
	}
	return ""
}

// halfRuns lists, per corpus, the packages of the modules in one half of
// bench/split.txt; a corpus none of whose modules is in the half is left
// out (with round 5's split, -half heldout lists bench/services5 only).
// Every corpus module must be in the split, and every module of the half
// must have packages.
func halfRuns(half string) ([]corpusRun, error) {
	split, err := readSplit(".")
	if err != nil {
		return nil, err
	}
	inSplit := make(map[string]string) // module -> half
	for _, m := range split {
		inSplit[m.module] = m.half
	}
	var runs []corpusRun
	for _, c := range corpora {
		mods, err := readModules(c)
		if err != nil {
			return nil, err
		}
		inHalf := false
		for _, m := range mods {
			if inSplit[m] == "" {
				return nil, fmt.Errorf("%s: module %s is not in %s", c, m, splitFile)
			}
			inHalf = inHalf || inSplit[m] == half
		}
		if !inHalf {
			continue // no module of this corpus is in the half: not even listed
		}
		all, err := listPackages(c)
		if err != nil {
			return nil, err
		}
		run := corpusRun{dir: c}
		for _, p := range all {
			h := halfOf(p.module, inSplit)
			if h == "" {
				return nil, fmt.Errorf("%s: package %s (module %s) belongs to no module of %s", c, p.path, p.module, splitFile)
			}
			if h == half {
				run.pkgs = append(run.pkgs, p)
			}
		}
		runs = append(runs, run)
	}
	for _, m := range split {
		if m.half != half {
			continue
		}
		found := false
		for _, r := range runs {
			found = found || slices.ContainsFunc(r.pkgs, func(p pkg) bool { return p.module == m.module })
		}
		if !found {
			return nil, fmt.Errorf("%s: no package of %s (%s) to analyze", splitFile, m.module, m.corpus)
		}
	}
	return runs, nil
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

func writeReport(w *bytes.Buffer, pkgs []pkg, res *result, extra []string, half, verdictsPath string, vs []verdict) {
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

	cmdline := ""
	if half != "" {
		cmdline = " -half " + half
		fmt.Fprintf(w, "# Corpus run: %s half\n\n", half)
	} else {
		fmt.Fprintf(w, "# Corpus run\n\n")
	}
	if len(extra) > 0 {
		cmdline += " -- " + strings.Join(extra, " ")
	}
	fmt.Fprintf(w, "Generated by `go run ./bench/cmd/corpus%s` on %s (%s/%s, %d CPUs, %s).\n",
		cmdline, time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if verdictsPath != "" {
		fmt.Fprintf(w, "Verdicts from %s; triage notes in docs/precision.md.\n\n", verdictsPath)
	} else {
		fmt.Fprintf(w, "Triage of these findings is in docs/precision.md.\n\n")
	}
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

	byKey := make(map[string]verdict)
	if verdictsPath != "" {
		rows, stale := precisionTable(res.findings, vs)
		fmt.Fprintf(w, "## Precision\n\n%s\n", formatTable(rows))
		fmt.Fprintf(w, "Precision is true / (true + false) over the triaged findings.\n\n")
		if len(stale) > 0 {
			fmt.Fprintf(w, "%d verdicts match no finding of this run (the code or the rule changed):\n\n", len(stale))
			for _, v := range stale {
				fmt.Fprintf(w, "- %s: %s\n", strings.ReplaceAll(v.key, "\t", " "), v.value)
			}
			fmt.Fprintln(w)
		}
		for _, v := range vs {
			byKey[v.key] = v
		}
	}

	for _, a := range analyzers {
		fmt.Fprintf(w, "## %s\n\n", a)
		for _, f := range res.findings {
			if f.analyzer != a {
				continue
			}
			fmt.Fprintf(w, "- `%s` (%s): %s\n", f.posn, f.function, f.message)
			if verdictsPath == "" {
				continue
			}
			if v, ok := byKey[f.key()]; ok && v.value != verdictTODO {
				fmt.Fprintf(w, "  - **%s**: %s\n", v.value, v.reason)
			} else {
				fmt.Fprintf(w, "  - not triaged\n")
			}
		}
		fmt.Fprintln(w)
	}
}
