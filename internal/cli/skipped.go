package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/parse"
)

// reportSkipped tells what a folder walk passed over: the count, or with
// --verbose each file and why. analyze.Inputs decides what to take; the
// names are found as the files of the walked folders it neither took nor
// reported, so that the two can never disagree on what is read.
func reportSkipped(w io.Writer, o *analyzeOptions, args []string, inputs []analyze.Input, errs []*analyze.InputError, skipped int) {
	if skipped == 0 || o.quiet && !o.verbose {
		return
	}
	if !o.verbose {
		fmt.Fprintf(w, "policylens: skipped %d file(s) of other types (-v names them)\n", skipped)
		return
	}
	for _, f := range skippedFiles(args, inputs, errs) {
		reportWarning(w, o.format, f.path, "skipped: "+f.reason)
	}
}

type skippedFile struct{ path, reason string }

func skippedFiles(args []string, inputs []analyze.Input, errs []*analyze.InputError) []skippedFile {
	seen := map[string]bool{}
	for _, in := range inputs {
		seen[in.Path] = true
	}
	for _, e := range errs {
		seen[e.Path] = true
	}
	var out []skippedFile
	for _, p := range args {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			out = append(out, walkSkipped(p, seen)...)
		}
	}
	return out
}

// walkSkipped walks the folder p as analyze.Inputs does (hidden folders
// left out, paths shown under the name given) and lists the files not seen.
func walkSkipped(p string, seen map[string]bool) []skippedFile {
	root, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil
	}
	var out []skippedFile
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error { // walk errors were reported by Inputs
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if shown := filepath.Join(p, rel); !seen[shown] {
			out = append(out, skippedFile{shown, skipReason(path, d)})
		}
		return nil
	})
	return out
}

func skipReason(path string, d fs.DirEntry) string {
	if d.Type()&fs.ModeSymlink != 0 {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return "a link to a folder (links inside a folder are followed to files only)"
		}
	}
	ext := strings.ToLower(filepath.Ext(path))
	if parse.Extensions[ext] {
		return "the folder's own documentation (README, LICENSE, CHANGELOG, CONTRIBUTING, _index)"
	}
	if ext == "" {
		ext = "no extension"
	}
	return fmt.Sprintf("not a document type (%s; a folder walk reads %s)", ext, extensions())
}
