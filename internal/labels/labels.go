// Package labels reads the gold labels of testdata/labels (ANNOTATION.md),
// puts each in its split by the fixed rule of testdata/labels/SPLITS.md and
// matches predictions to them as shared/tools/score.py does. The quality
// test and the trainer of the directive model share it.
package labels

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Gold is one labelled document.
type Gold struct {
	Path       string `json:"-"` // the label file
	File       string `json:"file"`
	Document   GoldDocument
	Entities   []Entity
	Directives []Directive
	Keywords   []string
}

// GoldDocument holds what a label says of the document as a whole.
type GoldDocument struct {
	Title  string
	Policy *bool
	Kind   string
}

// Entity is a gold entity.
type Entity struct {
	Type     string
	Text     string
	Alt      []string
	Titles   []string
	Optional bool
}

// Directive is a gold directive.
type Directive struct {
	Text     string
	Force    string
	Issuer   string
	Optional bool
}

// Split names.
const (
	Train = "train"
	Test  = "test"
)

// SplitOf puts a labelled document (its file, relative to testdata) in the
// train or the test split: the labels made before the corpus of
// labels/corpus are train; a corpus document is test when the CRC-32
// (IEEE) of its file name is 0, 1 or 2 modulo 10.
func SplitOf(file string) string {
	if !strings.HasPrefix(file, "docs/corpus/") {
		return Train
	}
	if crc32.ChecksumIEEE([]byte(path.Base(file)))%10 < 3 {
		return Test
	}
	return Train
}

// Load reads every *.gold.json under dir (testdata/labels), sorted by path;
// the agreement folder holds second labels, not gold, and is left out.
func Load(dir string) ([]Gold, error) {
	var out []Gold
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "agreement" {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".gold.json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		g := Gold{Path: p}
		if err := json.Unmarshal(b, &g); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, g)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

const punct = "，。；：、！？“”‘’《》〈〉（）()「」『』【】,.;:!?\"' \u3000\t\r\n·—-…"

// Norm is a text as the scorer compares it: NFKC, lower case, without
// punctuation and spaces.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune(punct, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// MatchDirective is score.py's rule: the gold clause lies inside the
// prediction, which is not much longer, or the prediction lies inside the
// gold clause and covers most of it.
func MatchDirective(gold, pred string) bool {
	gn, pn := Norm(gold), Norm(pred)
	if gn == "" || pn == "" {
		return false
	}
	lg, lp := float64(len([]rune(gn))), float64(len([]rune(pn)))
	if strings.Contains(pn, gn) && lp <= max(2.5*lg+12, lg+40) {
		return true
	}
	return strings.Contains(gn, pn) && lp >= 0.6*lg
}

// Align matches predicted directive texts to gold ones one to one, the
// required gold items first: gold[i] is matched by pred[match[i]] (-1 when
// missed); taken[j] tells a prediction matched to any gold item.
func Align(gold []Directive, pred []string) (match []int, taken []bool) {
	return oneToOne(len(gold), len(pred), func(i int) bool { return gold[i].Optional },
		func(i, j int) bool { return MatchDirective(gold[i].Text, pred[j]) })
}

// oneToOne matches nGold gold items to nPred predictions one to one, as
// score.py does: the required gold items first, in order, each with the
// first prediction not yet taken that fits it, then the optional ones,
// which only use up what they fit.
func oneToOne(nGold, nPred int, optional func(i int) bool, fits func(i, j int) bool) (match []int, taken []bool) {
	match = make([]int, nGold)
	taken = make([]bool, nPred)
	for _, opt := range []bool{false, true} {
		for i := range nGold {
			if optional(i) != opt {
				continue
			}
			match[i] = -1
			for j := range nPred {
				if !taken[j] && fits(i, j) {
					taken[j], match[i] = true, j
					break
				}
			}
		}
	}
	return match, taken
}
