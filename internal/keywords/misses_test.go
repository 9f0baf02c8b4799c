package keywords

import (
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/labels"
)

// TestTrainMisses lists, for train documents only (KEYWORD_MISSES=1), the
// gold keywords that no candidate names at all, and those that are
// candidates but fall outside the shortlist: where recall is lost before
// the ranker.
func TestTrainMisses(t *testing.T) {
	if os.Getenv("KEYWORD_MISSES") == "" {
		t.Skip("set KEYWORD_MISSES=1")
	}
	setup(t)
	none, outside, in := 0, 0, 0
	for _, ld := range loadLabelled(t) {
		if labels.SplitOf(ld.gold.File) != labels.Train {
			continue
		}
		all := map[string]bool{}
		for _, seq := range Candidates(ld.doc, lex) {
			for _, c := range seq {
				all[c] = true
			}
		}
		short := Score(ld.doc, lex)
		for _, g := range ld.gold.Keywords[:min(10, len(ld.gold.Keywords))] {
			gn := labels.Norm(g)
			match := func(term string) bool {
				pn := labels.Norm(term)
				return len([]rune(pn)) >= 2 && (strings.Contains(gn, pn) || strings.Contains(pn, gn))
			}
			found := false
			for _, s := range short {
				if match(s.Term) {
					found = true
					break
				}
			}
			if found {
				in++
				continue
			}
			cand := false
			for c := range all {
				if match(c) {
					cand = true
					break
				}
			}
			if cand {
				outside++
				t.Logf("OUTSIDE %s\t%s", ld.gold.File, g)
			} else {
				none++
				t.Logf("NONE %s\t%s", ld.gold.File, g)
			}
		}
	}
	t.Logf("in shortlist %d, candidate outside it %d, never a candidate %d", in, outside, none)
}

// TestTrainRedundancy counts, over train documents (KEYWORD_MISSES=1), the
// shown keywords that name some gold keyword and the gold keywords found:
// many more of the first than the second means slots spent twice on one
// gold keyword.
func TestTrainRedundancy(t *testing.T) {
	if os.Getenv("KEYWORD_MISSES") == "" {
		t.Skip("set KEYWORD_MISSES=1")
	}
	setup(t)
	named, found, shownN := 0, 0, 0
	for _, ld := range loadLabelled(t) {
		if labels.SplitOf(ld.gold.File) != labels.Train {
			continue
		}
		gold := ld.gold.Keywords[:min(10, len(ld.gold.Keywords))]
		kws := ld.keywords(shown)
		shownN += len(kws)
		for _, k := range kws {
			if n, _ := recallAt(gold, []Keyword{k}, 1); n > 0 {
				named++
			}
		}
		f, _ := recallAt(gold, kws, shown)
		found += f
	}
	t.Logf("shown %d, naming a gold keyword %d, gold keywords found %d", shownN, named, found)
}
