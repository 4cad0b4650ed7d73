package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/sarif"

	"github.com/distlint/distlint/internal/docs"
)

// writeText prints one finding per line: path:line:col: message (analyzer).
func writeText(w io.Writer, findings []finding, cwd string) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		posn := f.posn
		posn.Filename = relPath(cwd, posn.Filename)
		bw.WriteString(posn.String() + ": " + f.diag.Message + " (" + f.analyzer + ")\n")
	}
	return bw.Flush()
}

// SARIF output. honnef.co/go/tools/sarif has the result types; the rule
// and driver types are declared here because its ReportingDescriptor
// lacks fullDescription, which code scanning shows as the rule's text.
type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool          `json:"tool"`
	Results     []sarifResult      `json:"results"`
	Invocations []sarif.Invocation `json:"invocations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

// sarifResult is a result with partialFingerprints, which code scanning
// uses to follow an alert across commits as lines move (fingerprint.go).
type sarifResult struct {
	sarif.Result
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

// sarifFingerprintKey names distlint's fingerprint among a result's
// partialFingerprints.
const sarifFingerprintKey = "distlint/v1"

type sarifRule struct {
	sarif.ReportingDescriptor
	FullDescription sarif.Message `json:"fullDescription"`
}

// writeSARIFFile writes the SARIF log to the file at path.
func writeSARIFFile(path string, findings []finding, fp *fingerprinter, active []*analysis.Analyzer, cwd string, ok bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeSARIF(f, findings, fp, active, cwd, ok); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeSARIF(w io.Writer, findings []finding, fp *fingerprinter, active []*analysis.Analyzer, cwd string, ok bool) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "distlint",
			Version:        version(),
			InformationURI: "https://github.com/distlint/distlint",
		}},
		Results:     []sarifResult{},
		Invocations: []sarif.Invocation{{ExecutionSuccessful: ok}},
	}
	for _, a := range active {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ReportingDescriptor: sarif.ReportingDescriptor{
				ID:                   a.Name,
				ShortDescription:     sarif.Message{Text: docs.Title(a.Doc)},
				Help:                 sarif.Message{Text: a.Doc},
				HelpURI:              a.URL,
				DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
			},
			FullDescription: sarif.Message{Text: a.Doc},
		})
	}
	lines := make(lineIndex)
	prints, ranks := fp.occurrences(findings)
	for i, f := range findings {
		res := sarif.Result{
			RuleID:       f.analyzer,
			Kind:         sarif.Fail,
			Level:        sarif.Warning,
			Message:      sarif.Message{Text: f.diag.Message},
			Locations:    []sarif.Location{{PhysicalLocation: physical(cwd, f.posn, f.end)}},
			Suppressions: []sarif.Suppression{},
		}
		for _, fix := range f.diag.SuggestedFixes {
			if sf, ok := sarifFix(cwd, lines, fix); ok {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		run.Results = append(run.Results, sarifResult{res, map[string]string{sarifFingerprintKey: partialFingerprint(prints[i], ranks[i])}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarifRun{run}})
}

func physical(cwd string, posn, end token.Position) sarif.PhysicalLocation {
	loc := sarif.PhysicalLocation{ArtifactLocation: artifact(cwd, posn.Filename)}
	if posn.Line == 0 {
		// No line known: the file's start, as SARIF lines and columns
		// start at 1 and a 0 fails the whole upload.
		loc.Region = sarif.Region{StartLine: 1, StartColumn: 1}
		return loc
	}
	loc.Region = sarif.Region{StartLine: posn.Line, StartColumn: max(posn.Column, 1)}
	if end.Line > 0 && end.Filename == posn.Filename {
		loc.Region.EndLine, loc.Region.EndColumn = end.Line, end.Column
	}
	return loc
}

// artifact names a file by a URI relative to the working directory (the
// repository root, in CI), as code scanning expects.
func artifact(cwd, filename string) sarif.ArtifactLocation {
	rel := relPath(cwd, filename)
	if filepath.IsAbs(rel) {
		return sarif.ArtifactLocation{URI: "file://" + filepath.ToSlash(rel)}
	}
	return sarif.ArtifactLocation{URI: filepath.ToSlash(rel), URIBaseID: "%SRCROOT%"}
}

// sarifFix converts a suggested fix, whose edits are byte offsets, to
// SARIF regions; it reports false when an edit's file cannot be read or
// is shorter than the edit (a file that changed since the analysis).
func sarifFix(cwd string, lines lineIndex, fix vetFix) (sarif.Fix, bool) {
	changes := make(map[string]*sarif.ArtifactChange)
	var order []string
	for _, e := range fix.Edits {
		start, ok1 := lines.position(e.Filename, e.Start)
		end, ok2 := lines.position(e.Filename, e.End)
		if !ok1 || !ok2 {
			return sarif.Fix{}, false
		}
		ch, ok := changes[e.Filename]
		if !ok {
			ch = &sarif.ArtifactChange{ArtifactLocation: artifact(cwd, e.Filename)}
			changes[e.Filename] = ch
			order = append(order, e.Filename)
		}
		ch.Replacements = append(ch.Replacements, sarif.Replacement{
			DeletedRegion:   sarif.Region{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column},
			InsertedContent: sarif.ArtifactContent{Text: e.New},
		})
	}
	out := sarif.Fix{Description: sarif.Message{Text: fix.Message}}
	for _, name := range order {
		out.ArtifactChanges = append(out.ArtifactChanges, *changes[name])
	}
	return out, true
}

// writeJSON prints the findings in the go vet -json form: package ID,
// analyzer, diagnostics.
func writeJSON(w io.Writer, tree vetTree) error {
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// version is the module version distlint was built at ("devel" for a
// build from a work tree).
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "devel"
}
