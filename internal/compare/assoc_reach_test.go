package compare

import (
	"os"
	"testing"
)

// TestAssocReach (PAIRS_ASSOC_REACH=table.tsv) tells how many of the tune
// counterparts the aligner misses get any soft credit from a table, and
// the largest (as a share of the cosine): the reach of the associations.
func TestAssocReach(t *testing.T) {
	tab := os.Getenv("PAIRS_ASSOC_REACH")
	if tab == "" {
		t.Skip("PAIRS_ASSOC_REACH=table.tsv measures a table's reach on the tune pairs")
	}
	data, err := os.ReadFile(tab)
	if err != nil {
		t.Fatal(err)
	}
	docs := readFrozen(t, "gwr-2024-2025.analyses.jsonl")
	c := NewComparer(opts(t))
	c.assoc = parseAssoc(string(data))
	c.w.softMin = 0
	r := c.Compare(docs[0], docs[1])
	sa, sb := c.sidesOf(Single(docs[0])), c.sidesOf(Single(docs[1]))
	got := map[int]int{}
	ib := map[any]int{}
	for j := range sb {
		ib[sb[j].d] = j
	}
	ia := map[any]int{}
	for i := range sa {
		ia[sa[i].d] = i
		got[i] = -1
	}
	for _, d := range r.Directives {
		if d.A != nil && d.B != nil {
			got[ia[d.A]] = ib[d.B]
		}
	}
	var n, miss, missSoft, lowcos, lowSoft int
	maxMiss := 0.0
	for _, l := range readPairs(t) {
		if l.split != "tune" || l.b < 0 {
			continue
		}
		n++
		x, y := sa[l.a], sb[l.b]
		s := c.softDot(x, y) / (x.norm * y.norm)
		if got[l.a] != l.b {
			miss++
			if s > 0 {
				missSoft++
			}
			maxMiss = max(maxMiss, s)
			if cosineOf(x, y) < 0.2 {
				lowcos++
				if s > 0 {
					lowSoft++
				}
			}
		}
	}
	t.Logf("counterparts %d, missed %d (soft>0: %d, max %.2f), missed with cosine<0.2 %d (soft>0: %d)", n, miss, missSoft, maxMiss, lowcos, lowSoft)
}
