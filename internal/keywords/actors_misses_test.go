package keywords

import (
	"os"
	"testing"

	"github.com/policylens/policylens/internal/labels"
)

// TestTrainActors lists, over train documents (KEYWORD_MISSES=1), the
// central actors chosen (Central) and whether each names a gold keyword
// the ranker's keywords miss ("new": won), one they find already ("dup")
// or none ("no"), and whether the ranker shows it already ("shown": it
// costs no slot); a chosen actor not shown takes the slot of the weakest
// keyword. The totals are the rule's right and wrong additions.
func TestTrainActors(t *testing.T) {
	if os.Getenv("KEYWORD_MISSES") == "" {
		t.Skip("set KEYWORD_MISSES=1")
	}
	setup(t)
	totals := map[string]int{}
	for _, ld := range loadLabelled(t) {
		if labels.SplitOf(ld.gold.File) != labels.Train {
			continue
		}
		gold := ld.gold.Keywords[:min(10, len(ld.gold.Keywords))]
		kws := ExtractOutside(ld.doc, lex, shown, ld.names)
		for _, name := range Central(ld.actors, ld.issuers, ld.doc.Title.Text) {
			verdict := actorVerdict(gold, kws, name)
			if shownAs(kws, name) {
				verdict += ",shown"
			}
			totals[verdict]++
			t.Logf("ACTOR\t%s\t%s\t%s", verdict, ld.gold.File, name)
		}
	}
	t.Logf("central actors chosen on train: %v", totals)
}

// actorVerdict is "new" when name names a gold keyword that kws miss,
// "dup" when it names only gold keywords kws find, "no" otherwise.
func actorVerdict(gold []string, kws []Keyword, name string) string {
	verdict := "no"
	for _, g := range gold {
		if f, _ := recallAt([]string{g}, []Keyword{{Term: name}}, 1); f == 0 {
			continue
		}
		if f, _ := recallAt([]string{g}, kws, shown); f == 0 {
			return "new"
		}
		verdict = "dup"
	}
	return verdict
}
