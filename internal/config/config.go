// Package config reads .distlint.yaml, the configuration file at the root
// of a module, so that the distlint command and go vet -vettool (and the
// pre-commit hooks, which run one of them) share one set of choices:
//
//	enable: [timeout, latency]     # only these analyzers (default: all)
//	disable: [wallclock]           # all but these
//	tests: true                    # also analyze _test.go files
//	generated: false               # also report in generated files
//	unboundedqueue:                # an analyzer's options, under their flag names
//	  maxbuffer: 5000
//	exclude:                       # findings dropped, with the reason why
//	  - path: internal/legacy/**   # glob, relative to the module root
//	    analyzers: [timeout]       # optional: all analyzers when absent
//	    reason: replaced by the v2 client in Q3
//
// The file is found by walking up from a package's directory to the
// directory that holds its go.mod; the first .distlint.yaml on the way
// wins. Command-line flags override the file: the file's settings become
// flags placed before the command line's (see Args).
//
// The golangci-lint plugin does not read the file: there golangci-lint's
// own settings are the only configuration.
package config

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
)

// Name is the configuration file's name.
const Name = ".distlint.yaml"

// File is a parsed and checked configuration file.
type File struct {
	Path      string // the file, as found
	Dir       string // its directory, to which exclude paths are relative
	Enable    []string
	Disable   []string
	Tests     *bool // nil when the file does not say
	Generated *bool
	Options   []Option
	Exclude   []Exclude
}

// Option is one analyzer option set by the file.
type Option struct {
	Analyzer, Name, Value string
}

// Exclude drops the findings of some analyzers (all when Analyzers is
// empty) in the files that match Path.
type Exclude struct {
	Path      string // slash-separated glob relative to Dir; ** matches any number of directories
	Analyzers []string
	Reason    string
}

// Find returns the path of the configuration file for a package in dir:
// the first .distlint.yaml found walking up from dir to the directory that
// holds go.mod (included). ok is false when there is none, or no go.mod:
// outside a module no file applies.
func Find(dir string) (file string, ok bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if file == "" {
			candidate := filepath.Join(dir, Name)
			if st, err := os.Stat(candidate); err == nil && !st.IsDir() {
				file = candidate
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return file, file != ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load reads and checks the file at path against the analyzers of
// suite. An error names the file and line, on one line.
func Load(file string, suite []*analysis.Analyzer) (*File, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", file, err)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, filepath.Dir(abs), data, suite)
}

// An Error is a problem in the file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Parse parses the content of a configuration file named file in dir.
func Parse(file, dir string, data []byte, suite []*analysis.Analyzer) (*File, error) {
	errAt := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	cfg := &File{Path: file, Dir: dir}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml's messages read "yaml: line N: ...".
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, after, ok := strings.Cut(rest, ": "); ok {
				if l, err := strconv.Atoi(n); err == nil {
					line, msg = l, after
				}
			}
		}
		return nil, &Error{File: file, Line: line, Msg: "not valid YAML: " + oneLine(msg)}
	}
	if len(doc.Content) == 0 {
		return cfg, nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errAt(root, "want a mapping of settings (enable, disable, tests, generated, exclude, or an analyzer name)")
	}
	// A fresh suite, so that checking option values changes no analyzer
	// in use.
	check := analyzers.New(nil)
	names := analyzers.Names(suite)
	seen := make(map[string]bool)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if seen[key] {
			return nil, errAt(k, "%s is set twice", key)
		}
		seen[key] = true
		switch key {
		case "enable", "disable":
			list, err := analyzerList(v, names, errAt)
			if err != nil {
				return nil, err
			}
			if key == "enable" {
				cfg.Enable = list
			} else {
				cfg.Disable = list
			}
		case "tests", "generated":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				return nil, errAt(v, "%s: want true or false, not %s", key, describe(v))
			}
			if key == "tests" {
				cfg.Tests = &b
			} else {
				cfg.Generated = &b
			}
		case "exclude":
			ex, err := excludes(v, names, errAt)
			if err != nil {
				return nil, err
			}
			cfg.Exclude = ex
		default:
			a := analyzers.Lookup(check, key)
			if a == nil || a.Name != key {
				return nil, errAt(k, "unknown key %q (want enable, disable, tests, generated, exclude, or an analyzer name: %s)", key, strings.Join(names, ", "))
			}
			opts, err := options(a, v, errAt)
			if err != nil {
				return nil, err
			}
			cfg.Options = append(cfg.Options, opts...)
		}
	}
	return cfg, nil
}

type errAtFunc func(n *yaml.Node, format string, args ...any) error

func analyzerList(v *yaml.Node, names []string, errAt errAtFunc) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, errAt(v, "want a list of analyzer names, such as [timeout, latency], not %s", describe(v))
	}
	var out []string
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode || !slices.Contains(names, e.Value) {
			return nil, errAt(e, "unknown analyzer %s (analyzers: %s)", describe(e), strings.Join(names, ", "))
		}
		out = append(out, e.Value)
	}
	return out, nil
}

func options(a *analysis.Analyzer, v *yaml.Node, errAt errAtFunc) ([]Option, error) {
	var valid []string
	a.Flags.VisitAll(func(f *flag.Flag) { valid = append(valid, f.Name) })
	if v.Kind != yaml.MappingNode {
		return nil, errAt(v, "%s: want a map of options (%s), not %s", a.Name, optionNames(a.Name, valid), describe(v))
	}
	var out []Option
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if !slices.Contains(valid, k.Value) {
			return nil, errAt(k, "%s: unknown option %q (%s)", a.Name, k.Value, optionNames(a.Name, valid))
		}
		var s string
		switch val.Kind {
		case yaml.ScalarNode:
			s = val.Value
		case yaml.SequenceNode:
			var elems []string
			for _, e := range val.Content {
				if e.Kind != yaml.ScalarNode {
					return nil, errAt(e, "%s.%s: want a list of words, not %s", a.Name, k.Value, describe(e))
				}
				elems = append(elems, e.Value)
			}
			s = strings.Join(elems, ",")
		default:
			return nil, errAt(val, "%s.%s: want a value or a list, not %s", a.Name, k.Value, describe(val))
		}
		if err := a.Flags.Set(k.Value, s); err != nil {
			return nil, errAt(val, "%s.%s: bad value %q: %s", a.Name, k.Value, s, flagError(a.Flags.Lookup(k.Value), err))
		}
		out = append(out, Option{Analyzer: a.Name, Name: k.Value, Value: s})
	}
	return out, nil
}

func optionNames(analyzer string, valid []string) string {
	if len(valid) == 0 {
		return analyzer + " has no options"
	}
	return "options: " + strings.Join(valid, ", ")
}

// flagError explains why a flag rejected a value; the flag package's
// own error for a number is only "parse error".
func flagError(f *flag.Flag, err error) string {
	if errors.Is(err, strconv.ErrSyntax) || err.Error() == "parse error" {
		switch fmt.Sprintf("%T", f.Value) {
		case "*flag.intValue", "*flag.int64Value", "*flag.uintValue", "*flag.uint64Value":
			return "want a whole number"
		case "*flag.boolValue":
			return "want true or false"
		case "*flag.durationValue":
			return "want a duration such as 30s"
		}
	}
	return oneLine(err.Error())
}

func excludes(v *yaml.Node, names []string, errAt errAtFunc) ([]Exclude, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, errAt(v, "exclude: want a list of entries with path, analyzers and reason, not %s", describe(v))
	}
	var out []Exclude
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			return nil, errAt(e, "exclude: want an entry with path, analyzers and reason, not %s", describe(e))
		}
		var ex Exclude
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, val := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "path", "reason":
				if val.Kind != yaml.ScalarNode {
					return nil, errAt(val, "exclude: %s: want text, not %s", k.Value, describe(val))
				}
				if k.Value == "path" {
					ex.Path = val.Value
				} else {
					ex.Reason = strings.TrimSpace(val.Value)
				}
			case "analyzers":
				list, err := analyzerList(val, names, errAt)
				if err != nil {
					return nil, err
				}
				ex.Analyzers = list
			default:
				return nil, errAt(k, "exclude: unknown key %q (want path, analyzers, reason)", k.Value)
			}
		}
		switch {
		case ex.Path == "":
			return nil, errAt(e, "exclude: entry has no path: say which files it excludes")
		case !validGlob(ex.Path):
			return nil, errAt(e, "exclude: bad path pattern %q", ex.Path)
		case ex.Reason == "":
			return nil, errAt(e, "exclude: entry for %s has no reason: it excludes nothing until it says why the findings do not apply", ex.Path)
		}
		out = append(out, ex)
	}
	return out, nil
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return strconv.Quote(n.Value)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Args returns the file's settings as distlint flags, to be placed before
// the command line's flags so that those override them.
func (f *File) Args() []string {
	var args []string
	if f.Tests != nil {
		args = append(args, "-tests="+strconv.FormatBool(*f.Tests))
	}
	if f.Generated != nil {
		args = append(args, "-generated="+strconv.FormatBool(*f.Generated))
	}
	for name, on := range f.Selection() {
		args = append(args, "-"+name+"="+strconv.FormatBool(on))
	}
	for _, o := range f.Options {
		args = append(args, "-"+o.Analyzer+"."+o.Name+"="+o.Value)
	}
	slices.Sort(args)
	return args
}

// Selection returns the analyzers the file turns on (true) and off
// (false): the -NAME flags it amounts to.
func (f *File) Selection() map[string]bool {
	sel := make(map[string]bool)
	for _, n := range f.Enable {
		sel[n] = true
	}
	for _, n := range f.Disable {
		sel[n] = false
	}
	return sel
}

// Excluded reports whether an exclude entry drops the findings of
// analyzer in filename (an absolute path, or one relative to the working
// directory).
func (f *File) Excluded(analyzer, filename string) bool {
	if len(f.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(filename)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(f.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, ex := range f.Exclude {
		if (len(ex.Analyzers) == 0 || slices.Contains(ex.Analyzers, analyzer)) && Match(ex.Path, rel) {
			return true
		}
	}
	return false
}

// Match reports whether the slash-separated path name matches pattern:
// path.Match for each element, with ** matching any number of elements
// (none included). A pattern without a slash matches the last element,
// so "*_gen.go" matches generated files in every directory.
func Match(pattern, name string) bool {
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(name))
		return ok
	}
	return matchElems(strings.Split(strings.TrimPrefix(pattern, "./"), "/"), strings.Split(name, "/"))
}

func matchElems(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchElems(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

func validGlob(pattern string) bool {
	for elem := range strings.SplitSeq(pattern, "/") {
		if _, err := path.Match(elem, ""); err != nil {
			return false
		}
	}
	return true
}
