package keywords

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/labels"
)

func goldMatch(g, term string) bool {
	gn, pn := labels.Norm(g), labels.Norm(term)
	return len([]rune(pn)) >= 2 && (strings.Contains(gn, pn) || strings.Contains(pn, gn))
}

// TestTrainOracle (KEYWORD_MISSES=1) measures, on train documents, how
// many gold keywords any candidate names, the shortlist names, and how
// many a best choice of 15 could name: the bounds of the ranker.
func TestTrainOracle(t *testing.T) {
	if os.Getenv("KEYWORD_MISSES") == "" {
		t.Skip("set KEYWORD_MISSES=1")
	}
	setup(t)
	type agg struct{ total, cand, short, oracle, got int }
	by := map[string]*agg{}
	rankHist := map[int]int{}
	for _, ld := range loadLabelled(t) {
		if labels.SplitOf(ld.gold.File) != labels.Train {
			continue
		}
		lang := ld.doc.Lang
		if by[lang] == nil {
			by[lang] = &agg{}
		}
		a := by[lang]
		gold := ld.gold.Keywords[:min(10, len(ld.gold.Keywords))]
		all := map[string]bool{}
		for _, seq := range Candidates(ld.doc, lex) {
			for _, c := range seq {
				all[c] = true
			}
		}
		short := Score(ld.doc, lex)
		ranked := rankScored(short, len(short), lang)
		kws := ld.keywords(shown)
		// greedy oracle over the shortlist
		covered := make([]bool, len(gold))
		for k := 0; k < 15; k++ {
			best, bn := -1, 0
			for i, s := range short {
				n := 0
				for gi, g := range gold {
					if !covered[gi] && goldMatch(g, s.Term) {
						n++
					}
				}
				if n > bn {
					best, bn = i, n
				}
			}
			if best < 0 {
				break
			}
			for gi, g := range gold {
				if goldMatch(g, short[best].Term) {
					covered[gi] = true
				}
			}
		}
		for gi, g := range gold {
			a.total++
			if covered[gi] {
				a.oracle++
			}
			for c := range all {
				if goldMatch(g, c) {
					a.cand++
					break
				}
			}
			for _, s := range short {
				if goldMatch(g, s.Term) {
					a.short++
					break
				}
			}
			hit := false
			for _, k := range kws {
				if goldMatch(g, k.Term) {
					hit = true
				}
			}
			if hit {
				a.got++
				continue
			}
			r := -1
			for i, k := range ranked {
				if goldMatch(g, k.Term) {
					r = i
					break
				}
			}
			rankHist[r/5]++
			if os.Getenv("KEYWORD_RANKS") != "" && r >= 0 {
				t.Logf("RANKED %d %s\t%s\t%s", r, ld.gold.File, g, ranked[r].Term)
			}
		}
	}
	for lang, a := range by {
		t.Logf("%s: gold %d, any candidate %d, shortlist %d, oracle@15 %d, shown %d", lang, a.total, a.cand, a.short, a.oracle, a.got)
	}
	keys := []int{}
	for k := range rankHist {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		t.Logf("missed, best candidate ranked %d-%d: %d", k*5, k*5+4, rankHist[k])
	}
}
