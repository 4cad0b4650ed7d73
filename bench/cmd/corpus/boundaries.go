package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// boundaryExt is the file extension of each -boundaries format.
var boundaryExt = map[string]string{"json": ".json", "markdown": ".md", "html": ".html"}

// writeBoundaryMaps runs distlint -boundaries format once per module of
// pkgs (in the corpus directory dir, with the extra distlint flags) and
// writes each map to outDir/MODULE.EXT, the module path with slashes
// made dashes. It prints one line per module: calls, time.
func writeBoundaryMaps(bin, dir string, pkgs []pkg, format, outDir string, extra []string) error {
	ext, ok := boundaryExt[format]
	if !ok {
		return fmt.Errorf("-boundaries %s: want json, markdown or html", format)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	var modules []string
	byModule := make(map[string][]string)
	for _, p := range pkgs {
		if byModule[p.module] == nil {
			modules = append(modules, p.module)
		}
		byModule[p.module] = append(byModule[p.module], p.path)
	}
	for _, m := range modules {
		args := append(append([]string{"-boundaries", format}, extra...), byModule[m]...)
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		if err != nil && stdout.Len() == 0 {
			return fmt.Errorf("distlint -boundaries on %s: %v\n%s", m, err, stderr.String())
		}
		name := filepath.Join(outDir, strings.NewReplacer("/", "-", "@", "-").Replace(m)+ext)
		if err := os.WriteFile(name, stdout.Bytes(), 0o644); err != nil {
			return err
		}
		status := ""
		if err != nil {
			status = " (with errors: " + strings.TrimSpace(stderr.String()) + ")"
		}
		fmt.Printf("%s: %d packages, map in %s, %s%s\n", m, len(byModule[m]), name, time.Since(start).Round(100*time.Millisecond), status)
	}
	return nil
}
