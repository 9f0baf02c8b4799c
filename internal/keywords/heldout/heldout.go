// Package heldout tells the documents of a reference corpus that are
// copies of labelled test-split documents, so that the IDF tables the
// keyword ranker reads are built without them: a test document's own
// words must not look rare or common because the test document was
// counted.
package heldout

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	s, _, err := load(testdata, false)
	return s, err
}

// LoadAll is Load of every labelled document, train and test split alike:
// a table whose counts a train document's features read must not count
// that document either, or it would see itself where a test document
// cannot.
func LoadAll(testdata string) (Set, error) {
	s, _, err := load(testdata, true)
	return s, err
}

// Stamp is Load (all false) or LoadAll (all true) with a line that names
// what was held out: the number of labelled documents and a digest of
// their file names and paragraphs. A generated table writes it in its
// header, so that a test can tell a table built before the labels
// changed (the IDF of the eighth session still counted six test
// documents) from inside the repository, without the corpus.
func Stamp(testdata string, all bool) (Set, string, error) {
	s, files, err := load(testdata, all)
	if err != nil {
		return nil, "", err
	}
	what := "test-split"
	if all {
		what = "train- and test-split"
	}
	return s, fmt.Sprintf("held out: %d labelled %s documents, digest %s", len(files), what, digest(files, s)), nil
}

// digest hashes the sorted file names and paragraphs: any label added,
// removed, moved between splits or any document edited changes it.
func digest(files []string, s Set) string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "file\x00%s\n", f)
	}
	for _, k := range keys {
		fmt.Fprintf(h, "para\x00%s\n", k)
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

func load(testdata string, all bool) (Set, []string, error) {
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		return nil, nil, fmt.Errorf("labels: %w", err)
	}
	out := Set{}
	var files []string
	for _, g := range golds {
		if !all && labels.SplitOf(g.File) != labels.Test {
			continue
		}
		data, err := os.ReadFile(filepath.Join(testdata, g.File))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", g.File, err)
		}
		d, err := parse.Parse(g.File, data, parse.Options{})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", g.File, err)
		}
		files = append(files, g.File)
		for _, p := range d.Paragraphs {
			if k := key(p); k != "" {
				out[k] = true
			}
		}
	}
	return out, files, nil
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
