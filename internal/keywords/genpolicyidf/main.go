// Command genpolicyidf builds lexicons/kwidf.zh.tsv (run by `go generate
// ./internal/keywords`): a second Chinese IDF for the keyword ranker, over
// the articles and paragraphs of a large general policy corpus — the
// national laws and regulations of ../shared/scale/laws and the policy
// documents and news of ../shared/corpus — from which every labelled
// test-split document (testdata/labels, internal/labels.SplitOf) is left
// out, so that the ranker never learns from the words of the documents it
// is scored on. Only words of two characters or more that occur in at
// least three paragraphs are written; the output is sorted and rounded, so
// the file is reproducible.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

func main() {
	var roots multi
	flag.Var(&roots, "corpus", "a reference corpus folder (repeatable)")
	testdata := flag.String("testdata", "../../testdata", "the testdata folder whose test-split documents are left out")
	out := flag.String("out", "../../lexicons/kwidf.zh.tsv", "output file")
	flag.Parse()
	held, err := heldOut(*testdata)
	check(err)
	lex, err := lexicon.Builtin()
	check(err)
	g := &gen{seg: segment.New(lex, segment.Options{}), held: held, df: map[string]int{}}
	for _, r := range roots {
		check(g.walk(r))
	}
	fmt.Fprintf(os.Stderr, "genpolicyidf: %d paragraphs of %d documents; %d documents left out as test-split copies\n", g.n, g.docs, g.skipped)
	check(write(*out, g, roots))
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

// gen counts, per word, the paragraphs that hold it.
type gen struct {
	seg              *segment.Segmenter
	held             map[string]bool // paragraphs of the test split
	df               map[string]int
	n, docs, skipped int
}

// heldOut collects the paragraphs of every labelled test-split document.
func heldOut(testdata string) (map[string]bool, error) {
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	out := map[string]bool{}
	for _, g := range golds {
		if labels.SplitOf(g.File) != labels.Test {
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

// key is a paragraph as compared with the held-out ones: trimmed, and only
// paragraphs long enough to say which document they come from.
func key(p string) string {
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) < 12 {
		return ""
	}
	return p
}

func (g *gen) walk(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if d.IsDir() || !parse.Extensions[strings.ToLower(filepath.Ext(path))] || strings.HasPrefix(d.Name(), "README") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if parse.Detect(path, data) == parse.FormatJSONL {
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			defer f.Close()
			parse.ReadJSONL(f, path, parse.DefaultJSONLFields, 0, func(d *parse.Document, err error) bool {
				if d != nil {
					g.add(d)
				}
				return true
			})
			return nil
		}
		if d, err := parse.Parse(path, data, parse.Options{}); err == nil {
			g.add(d)
		}
		return nil
	})
}

// add counts one Chinese document, unless most of its paragraphs are
// those of a test-split document (a copy of it in the reference corpus).
func (g *gen) add(d *parse.Document) {
	seen, long := 0, 0
	for _, p := range d.Paragraphs {
		if k := key(p); k != "" {
			long++
			if g.held[k] {
				seen++
			}
		}
	}
	if long > 0 && seen*5 >= long {
		g.skipped++
		return
	}
	doc, err := g.seg.Segment("", d.Title, d.Paragraphs)
	if err != nil || doc.Lang != "zh" {
		return
	}
	g.docs++
	for _, p := range doc.Paragraphs {
		words := map[string]bool{}
		for _, t := range p.Tokens {
			if t.POS != "w" && utf8.RuneCountInString(t.Text) >= 2 {
				words[t.Text] = true
			}
		}
		for w := range words {
			g.df[w]++
		}
		g.n++
	}
}

func write(path string, g *gen, roots []string) error {
	keys := make([]string, 0, len(g.df))
	for w, d := range g.df {
		if d >= 3 && !strings.ContainsAny(w, "\t\n") {
			keys = append(keys, w)
		}
	}
	sort.Strings(keys)
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Chinese IDF for keyword ranking over %d paragraphs of %d documents (national laws and regulations, policy documents and news), labelled test-split documents left out (%d).\n", g.n, g.docs, g.skipped)
	fmt.Fprintf(w, "# Generated by internal/keywords/genpolicyidf from %s; do not edit. Terms of 2+ characters in 3+ paragraphs; an absent term is rarer than all.\n", strings.Join(base(roots), ", "))
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%.3f\n", k, math.Log(float64(g.n+1)/float64(g.df[k]+1))+1)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// base names the corpora by their last two path elements (shared/scale/laws
// → scale/laws), so the header does not depend on where they lie.
func base(roots []string) []string {
	out := make([]string, len(roots))
	for i, r := range roots {
		out[i] = filepath.Base(filepath.Dir(r)) + "/" + filepath.Base(r)
	}
	return out
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpolicyidf:", err)
		os.Exit(1)
	}
}
