package analyze_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
)

// No lexicon row may come from the test split: a row whose forms occur in
// test documents and nowhere else (no other labelled or shipped document,
// not the general segmentation dictionary, no general source recorded in
// testdata/labels/lexicon_sources.tsv by lexicon_sources.py: the scale
// corpora of laws and orders, the 72 work reports, the corpus outside the
// test split) can only have been copied from them, and would make the test
// figures a measure of memory.
func TestLexiconRowsNotFromTestDocuments(t *testing.T) {
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		t.Fatal(err)
	}
	var test, other bytes.Buffer
	testFiles := map[string]bool{}
	for _, g := range golds {
		if labels.SplitOf(g.File) == labels.Test {
			testFiles[filepath.Clean(filepath.Join(testdata, g.File))] = true
		}
	}
	err = filepath.WalkDir(filepath.Join(testdata, "docs"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if testFiles[filepath.Clean(p)] {
			test.Write(data)
		} else {
			other.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dict := dictionaryWords(t)
	sourced := recordedSources(t)
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	testText, otherText := test.String(), other.String()
	var leaks []string
	for _, e := range lex.Entries {
		if e.Lang != "zh" || e.Type == lexicon.Addressee { // addressees are roles (各级领导干部), not named things
			continue
		}
		forms := slices.DeleteFunc(append([]string{e.Canonical}, e.Aliases...), func(f string) bool { return utf8.RuneCountInString(f) < 2 })
		inTest := slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(testText, f) })
		if !inTest || sourced[e.Canonical] {
			continue
		}
		if !slices.ContainsFunc(forms, func(f string) bool { return dict[f] || strings.Contains(otherText, f) }) {
			leaks = append(leaks, e.Source+" "+e.Canonical)
		}
	}
	if len(leaks) > 0 {
		t.Errorf("%d lexicon rows occur in test documents and nowhere else; take them from a general source or drop them:\n%s", len(leaks), strings.Join(leaks, "\n"))
	}
}

func dictionaryWords(t *testing.T) map[string]bool {
	t.Helper()
	f, err := lexicons.FS.Open("dict.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w, _, ok := strings.Cut(sc.Text(), "\t"); ok {
			words[w] = true
		}
	}
	return words
}

// recordedSources reads the rows that lexicon_sources.py found in general
// sources outside the repository.
func recordedSources(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdata, "labels", "lexicon_sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if row, src, ok := strings.Cut(line, "\t"); ok && src != "" {
			rows[row] = true
		}
	}
	return rows
}
