package keywords

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// labelledDoc is a labelled document segmented once for the quality test.
type labelledDoc struct {
	gold labels.Gold
	doc  *segment.Doc
}

// loadLabelled segments every labelled document that has gold keywords.
func loadLabelled(t testing.TB) []labelledDoc {
	golds, err := labels.Load(filepath.Join("..", "..", "testdata", "labels"))
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledDoc
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
		out = append(out, labelledDoc{g, doc})
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

// TestKeywordRecall scores recall@15 per split and holds it above floors.
// KEYWORD_DETAIL=1 lists, for train documents only, the top terms and the
// gold terms missed.
func TestKeywordRecall(t *testing.T) {
	setup(t)
	found, total := map[string]int{}, map[string]int{}
	for _, ld := range loadLabelled(t) {
		split := labels.SplitOf(ld.gold.File)
		kws := Extract(ld.doc, lex, 15)
		f, n := recallAt(ld.gold.Keywords, kws, 15)
		found[split] += f
		total[split] += n
		if os.Getenv("KEYWORD_DETAIL") != "" && split == labels.Train {
			terms := make([]string, len(kws))
			for i, k := range kws {
				terms[i] = k.Term
			}
			t.Logf("%s %d/%d\n  got:  %s\n  gold: %s", ld.gold.File, f, n, strings.Join(terms, " · "), strings.Join(ld.gold.Keywords[:min(10, len(ld.gold.Keywords))], " · "))
		}
	}
	// the floors are the figures of the ranker as committed, less 0.01
	floors := map[string]float64{labels.Train: 0.70, labels.Test: 0.69}
	for _, split := range []string{labels.Train, labels.Test} {
		r := float64(found[split]) / float64(max(1, total[split]))
		t.Logf("%s: keywords recall@15 %.3f (%d of %d)", split, r, found[split], total[split])
		if r < floors[split] {
			t.Errorf("%s split: keywords recall@15 %.3f < %.2f", split, r, floors[split])
		}
	}
}
