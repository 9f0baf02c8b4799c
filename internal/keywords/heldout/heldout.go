// Package heldout tells the documents of a reference corpus that are
// copies of labelled test-split documents, so that the IDF tables the
// keyword ranker reads are built without them: a test document's own
// words must not look rare or common because the test document was
// counted.
package heldout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/parse"
)

// Set is the paragraphs of the labelled test-split documents.
type Set map[string]bool

// Load collects the paragraphs of every labelled test-split document of a
// testdata folder (its labels folder names them).
func Load(testdata string) (Set, error) {
	return load(testdata, false)
}

// LoadAll is Load of every labelled document, train and test split alike:
// a table whose counts a train document's features read must not count
// that document either, or it would see itself where a test document
// cannot.
func LoadAll(testdata string) (Set, error) {
	return load(testdata, true)
}

func load(testdata string, all bool) (Set, error) {
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	out := Set{}
	for _, g := range golds {
		if !all && labels.SplitOf(g.File) != labels.Test {
			continue
		}
		data, err := os.ReadFile(filepath.Join(testdata, g.File))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.File, err)
		}
		d, err := parse.Parse(g.File, data, parse.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.File, err)
		}
		for _, p := range d.Paragraphs {
			if k := key(p); k != "" {
				out[k] = true
			}
		}
	}
	return out, nil
}

// Covers tells a document of which half or more of the long paragraphs
// are those of a test-split document: a copy of it, perhaps with another
// header or a few paragraphs more or less. A fifth, as first written, also
// left out 200 executive orders that share only their general provisions
// (Sec. 5, "Nothing in this order shall be construed…") with a test one.
func (s Set) Covers(paragraphs []string) bool {
	seen, long := 0, 0
	for _, p := range paragraphs {
		if k := key(p); k != "" {
			long++
			if s[k] {
				seen++
			}
		}
	}
	return long > 0 && seen*2 >= long
}

// key is a paragraph as compared with the held-out ones: trimmed, and only
// paragraphs long enough to say which document they come from.
func key(p string) string {
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) < 12 {
		return ""
	}
	return p
}
