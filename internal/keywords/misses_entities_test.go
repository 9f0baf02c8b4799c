package keywords

import (
	"os"
	"sort"
	"testing"

	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/labels"
)

// TestTrainEntityMisses counts, over train documents (KEYWORD_MISSES=1),
// the gold keywords that are the text of an entity the entity extractor
// found, by the entity's type, and lists those the shown keywords miss:
// what whole entities as candidates could win at most.
func TestTrainEntityMisses(t *testing.T) {
	if os.Getenv("KEYWORD_MISSES") == "" {
		t.Skip("set KEYWORD_MISSES=1")
	}
	setup(t)
	named, missed := map[string]int{}, map[string]int{}
	for _, ld := range loadLabelled(t) {
		if labels.SplitOf(ld.gold.File) != labels.Train {
			continue
		}
		es := entities.Extract(ld.doc, lex, entities.Meta{Title: ld.doc.Title.Text})
		kws := ld.keywords(shown)
		for _, g := range ld.gold.Keywords[:min(10, len(ld.gold.Keywords))] {
			e := entityNamed(es, g)
			if e == nil {
				continue
			}
			named[e.Type]++
			if f, _ := recallAt([]string{g}, kws, shown); f == 0 {
				missed[e.Type]++
				t.Logf("MISSED %s\t%s\t%s\t%d mentions", ld.gold.File, e.Type, g, e.Count)
			}
		}
	}
	types := make([]string, 0, len(named))
	for k := range named {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		t.Logf("%s: %d gold keywords are one, %d of them missed", k, named[k], missed[k])
	}
}

// entityNamed is the entity whose text is the gold keyword, if any.
func entityNamed(es []entities.Entity, gold string) *entities.Entity {
	for i := range es {
		if labels.Norm(es[i].Text) == labels.Norm(gold) {
			return &es[i]
		}
	}
	return nil
}
