package keywords

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// labelledDoc is a labelled document segmented once for the quality test.
type labelledDoc struct {
	gold  labels.Gold
	doc   *segment.Doc
	names []string // the written forms of the names found, as the analyzer hands them over (KeywordsOutside)
	// the persons and bodies found and the directives' issuers, as the
	// analyzer hands them over (KeywordsCentral)
	actors  []Actor
	issuers map[string]int
}

// keywords are the n keywords the analyzer shows for the document;
// KEYWORD_NO_ACTORS=1 leaves the central actors out, to measure them.
func (ld labelledDoc) keywords(n int) []Keyword {
	if os.Getenv("KEYWORD_NO_ACTORS") != "" {
		return ExtractOutside(ld.doc, lex, n, ld.names)
	}
	return ExtractCentral(ld.doc, lex, n, ld.names, ld.actors, ld.issuers)
}

// loadLabelled segments every labelled document that has gold keywords.
func loadLabelled(t testing.TB) []labelledDoc {
	dir := filepath.Join("..", "..", "testdata", "labels")
	if d := os.Getenv("KEYWORD_LABELS"); d != "" {
		dir = d // a frozen copy, to compare changes while labels are added
	}
	golds, err := labels.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledDoc
	rules := directives.Compile(lex)
	for _, g := range golds {
		if len(g.Keywords) == 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", g.File))
		if err != nil {
			t.Fatalf("%s: %v", g.Path, err)
		}
		d, err := parse.Parse(g.File, data, parse.Options{})
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		doc, err := seg.Segment(d.Language, d.Title, d.Paragraphs)
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		es := entities.Extract(doc, lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
		meta := directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format, Officials: entities.Officials(nil, es)}
		out = append(out, labelledDoc{g, doc, entities.NameForms(es), ActorsOf(es), IssuersOf(doc, rules, meta)})
	}
	return out
}

// recallAt counts the first ten gold keywords found among the first n
// predicted terms, as analyze's quality test and score.py do.
func recallAt(gold []string, pred []Keyword, n int) (found, total int) {
	for _, gk := range gold[:min(10, len(gold))] {
		total++
		gn := labels.Norm(gk)
		for _, k := range pred[:min(n, len(pred))] {
			pn := labels.Norm(k.Term)
			if len([]rune(pn)) >= 2 && (pn == gn || strings.Contains(gn, pn) || strings.Contains(pn, gn)) {
				found++
				break
			}
		}
	}
	return found, total
}

// shown is how many keywords the analyzer gives by default
// (analyze.WithKeywords, `--keywords`): score.py scores recall@15 of the
// analyzer's JSON, which holds only these, so recall@15 by score.py is
// recall of the first fifteen here. TestShownMatchesAnalyzer checks the two agree.
const shown = 15

// TestKeywordRecall scores recall of the shown keywords per split, as
// score.py does, and holds it above floors; recall@15 is logged beside it.
// KEYWORD_DETAIL=1 lists, for train documents only, the top terms and the
// gold terms missed.
func TestKeywordRecall(t *testing.T) {
	setup(t)
	found, total, found15 := map[string]int{}, map[string]int{}, map[string]int{}
	for _, ld := range loadLabelled(t) {
		split := labels.SplitOf(ld.gold.File)
		kws := ld.keywords(15)
		f15, _ := recallAt(ld.gold.Keywords, kws, 15)
		kws = ld.keywords(shown)
		f, n := recallAt(ld.gold.Keywords, kws, shown)
		found[split] += f
		total[split] += n
		found15[split] += f15
		if os.Getenv("KEYWORD_DETAIL") != "" && split == labels.Train {
			terms := make([]string, len(kws))
			for i, k := range kws {
				terms[i] = k.Term
			}
			t.Logf("%s %d/%d\n  got:  %s\n  gold: %s", ld.gold.File, f, n, strings.Join(terms, " · "), strings.Join(ld.gold.Keywords[:min(10, len(ld.gold.Keywords))], " · "))
		}
	}
	// the floors are the figures of the ranker as committed, less about
	// 0.01 (2026-12-07 17:30: 0.832 and 0.763 on 263 and 115 documents;
	// train is the ranker's own data, its cross-validated figure is 0.796)
	floors := map[string]float64{labels.Train: 0.82, labels.Test: 0.75}
	for _, split := range []string{labels.Train, labels.Test} {
		r := float64(found[split]) / float64(max(1, total[split]))
		r15 := float64(found15[split]) / float64(max(1, total[split]))
		t.Logf("%s: keywords recall of the %d shown (score.py's R@15) %.3f (%d of %d); of 15: %.3f", split, shown, r, found[split], total[split], r15)
		if r < floors[split] {
			t.Errorf("%s split: keywords recall of the %d shown %.3f < %.3f", split, shown, r, floors[split])
		}
	}
}
