// Command gentrad writes the traditional forms of the Chinese lexicons
// (run by `go generate ./internal/lexicon`): lexicons/traditional.zht.tsv
// maps each traditional form to the simplified form and file it comes
// from, and lexicons/userdict.zht.tsv gives the cue words among them the
// dictionary frequency of their simplified form, so that they come out of
// segmentation whole.
//
// Only this command imports OpenCC: the analyzer reads the generated rows
// and starts without loading OpenCC's dictionaries.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/longbridgeapp/opencc"

	"github.com/policylens/policylens/internal/lexicon"
)

const openccPath = "github.com/longbridgeapp/opencc"

// conversions are OpenCC's standard, Taiwan and Hong Kong forms: documents
// write 為 (Taiwan, Hong Kong) as often as OpenCC's standard 爲.
var conversions = []string{"s2t", "s2tw", "s2hk"}

// cueFiles are the files of the directive extractor, which looks for its
// words at token starts: their traditional forms join the dictionary.
var cueFiles = map[string]bool{
	"markers.zh.tsv": true, "frames.zh.tsv": true, "clauses.zh.tsv": true,
	"falsefriends.zh.txt": true, "namecues.zh.txt": true,
}

// row is one traditional form of a simplified form of file.
type row struct{ form, simp, file string }

func main() {
	root := "../../lexicons"
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	if err := run(root); err != nil {
		fmt.Fprintln(os.Stderr, "gentrad:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	conv, err := newConverter()
	if err != nil {
		return err
	}
	var rows []row
	for _, file := range sortedKeys(lexicon.VariantColumns) {
		rs, err := variantsOf(root, file, conv)
		if err != nil {
			return err
		}
		rows = append(rows, rs...)
	}
	if err := writeVariants(filepath.Join(root, "traditional.zht.tsv"), rows); err != nil {
		return err
	}
	return writeUserDict(root, rows)
}

// converter turns simplified text into its traditional forms.
type converter struct {
	to   []*opencc.OpenCC
	back *opencc.OpenCC // t2s
}

func newConverter() (*converter, error) {
	c := &converter{}
	for _, name := range append(conversions, "t2s") {
		cc, err := opencc.New(name)
		if err != nil {
			return nil, fmt.Errorf("opencc %s: %w", name, err)
		}
		if name == "t2s" {
			c.back = cc
		} else {
			c.to = append(c.to, cc)
		}
	}
	return c, nil
}

// forms returns the distinct traditional forms of s. A form that OpenCC
// leaves unchanged when simplifying (著 of 显著, 於) is ordinary simplified
// text too; matching it would change what simplified documents say, so it
// is left out.
func (c *converter) forms(s string) ([]string, error) {
	var out []string
	for _, cc := range c.to {
		t, err := cc.Convert(s)
		if err != nil {
			return nil, fmt.Errorf("convert %q: %w", s, err)
		}
		if t == s || slices.Contains(out, t) {
			continue
		}
		back, err := c.back.Convert(t)
		if err != nil {
			return nil, fmt.Errorf("convert %q: %w", t, err)
		}
		if back != t {
			out = append(out, t)
		}
	}
	return out, nil
}

// variantsOf lists the traditional forms of the written forms of a file,
// skipping a form that is already one of the file's own simplified forms.
func variantsOf(root, file string, conv *converter) ([]row, error) {
	rows, err := lexicon.ReadRows(os.DirFS(root), file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	var simp []string
	for _, r := range rows {
		for _, col := range lexicon.VariantColumns[file] {
			simp = append(simp, splitForms(r.Fields[col], col)...)
		}
	}
	own := map[string]bool{}
	for _, s := range simp {
		own[s] = true
	}
	var out []row
	for _, s := range simp {
		ts, err := conv.forms(s)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if !own[t] {
				own[t] = true // first simplified form wins: keys stay unique
				out = append(out, row{t, s, file})
			}
		}
	}
	return out, nil
}

// splitForms splits an aliases column (any column but the first) at `|`.
func splitForms(v string, col int) []string {
	if col == 0 {
		return []string{v}
	}
	var out []string
	for _, a := range strings.Split(v, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func writeVariants(path string, rows []row) error {
	var b strings.Builder
	header(&b, "Traditional forms of the rows of the zh lexicons: Load gives each form the\n"+
		"# meaning of its simplified form in the named file (same force, kind, entry).")
	b.WriteString("traditional\tsimplified\tfile\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.form, r.simp, r.file)
	}
	return writeFile(path, b.String())
}

// writeUserDict gives the traditional cue words that the simplified
// dictionary lacks the frequency and POS of their simplified form: the
// overlay serves both dictionaries, and a short traditional text that the
// segmenter takes for simplified must still cut 嚴禁 whole.
func writeUserDict(root string, rows []row) error {
	dict, err := readDict(filepath.Join(root, "dict.zh.txt"))
	if err != nil {
		return err
	}
	var b strings.Builder
	header(&b, "Traditional forms of the cue words, with the frequency and POS of their\n"+
		"# simplified form, added to the segmentation dictionaries.")
	b.WriteString("word\tfreq\tpos\n")
	seen := map[string]bool{}
	for _, r := range rows {
		e, ok := dict[r.simp]
		if _, known := dict[r.form]; !cueFiles[r.file] || !ok || known || seen[r.form] {
			continue
		}
		seen[r.form] = true
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.form, e.freq, e.pos)
	}
	return writeFile(filepath.Join(root, "userdict.zht.tsv"), b.String())
}

type dictEntry struct{ freq, pos string }

// readDict reads a `word<TAB>freq<TAB>pos` dictionary.
func readDict(path string) (map[string]dictEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	defer f.Close()
	out := map[string]dictEntry{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) >= 3 && !strings.HasPrefix(p[0], "#") {
			out[p[0]] = dictEntry{p[1], p[2]}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dictionary %s: %w", path, err)
	}
	return out, nil
}

// header writes the comment that says the file is generated, by what.
func header(b *strings.Builder, what string) {
	fmt.Fprintf(b, "# GENERATED by `go generate ./internal/lexicon` (internal/lexicon/gentrad,\n"+
		"# %s %s, conversions %s). Do not edit; edit the simplified files.\n# %s\n",
		openccPath, openccVersion(), strings.Join(conversions, " "), what)
}

func openccVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == openccPath {
				return m.Version
			}
		}
	}
	return "(unknown version)"
}

func writeFile(path, s string) error {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
