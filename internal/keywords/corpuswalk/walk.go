// Package corpuswalk reads every document of a corpus folder for the
// keyword generators (genidf, gencdf): each file the parser knows, and
// each record of a JSON Lines file, one by one.
package corpuswalk

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/internal/parse"
)

// Walk calls add with every document under root, in the order of
// filepath.WalkDir. A folder's README is documentation, not a document; a
// file that does not parse is left out, as the analyzer would report it.
// It stops at the first file it cannot read, and fails when root cannot
// be read or holds no document: a generator given a wrong path must not
// write empty tables.
func Walk(root string, add func(*parse.Document)) error {
	n := 0
	count := func(d *parse.Document) { n++; add(d) }
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil && path == root {
			return err
		}
		if err != nil || d.IsDir() || !parse.Extensions[strings.ToLower(filepath.Ext(path))] || strings.HasPrefix(d.Name(), "README") {
			return nil
		}
		return walkFile(path, count)
	})
	if err != nil {
		return fmt.Errorf("corpus %s: %w", root, err)
	}
	if n == 0 {
		return fmt.Errorf("corpus %s: no documents", root)
	}
	return nil
}

// walkFile adds the documents of one file: each record of a JSON Lines
// file, or the file itself when it parses.
func walkFile(path string, add func(*parse.Document)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if parse.Detect(path, data) == parse.FormatJSONL {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		parse.ReadJSONL(f, path, parse.DefaultJSONLFields, 0, func(d *parse.Document, err error) bool {
			if d != nil {
				add(d)
			}
			return true
		})
		return nil
	}
	if doc, err := parse.Parse(path, data, parse.Options{}); err == nil {
		add(doc)
	}
	return nil
}
