package compare

import (
	"fmt"
	"os"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// cosineOf is the IDF-weighted cosine of two sides' content words.
func cosineOf(x, y *side) float64 {
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	w := map[string]float64{}
	for k, t := range x.terms {
		w[t] = x.weight[k]
	}
	dot := 0.0
	for k, t := range y.terms {
		dot += w[t] * y.weight[k]
	}
	return dot / (x.norm * y.norm)
}

// TestTuneMisses prints the alignment's errors on the tune pairs only
// (PAIRS_DETAIL=1): the test pairs' errors are never printed.
func TestTuneMisses(t *testing.T) {
	if os.Getenv("PAIRS_DETAIL") == "" {
		t.Skip("PAIRS_DETAIL=1 prints the tune pairs' errors")
	}
	docs := readFrozen(t, "gwr-2024-2025.analyses.jsonl")
	c := NewComparer(opts(t))
	r := c.Compare(docs[0], docs[1])
	sa, sb := c.sidesOf(Single(docs[0])), c.sidesOf(Single(docs[1]))
	got := map[int]int{}
	ia, ib := map[*analyze.Directive]int{}, map[*analyze.Directive]int{}
	for i := range sa {
		got[i] = -1
		ia[sa[i].d] = i
	}
	for j := range sb {
		ib[sb[j].d] = j
	}
	for _, d := range r.Directives {
		if d.A != nil && d.B != nil {
			got[ia[d.A]] = ib[d.B]
		}
	}
	bone := c.firstRound(sa, sb, c.allCandidates(sa, sb))
	where := func(i, j int) string {
		lo, hi := neighbours(bone, i)
		if lo < 0 || hi < 0 {
			return "no backbone"
		}
		return fmt.Sprintf("order %.2f (backbone %d→%d … %d→%d)", c.w.inOrder(sa, sb, bone, i, j), lo, bone[lo], hi, bone[hi])
	}
	for _, l := range readPairs(t) {
		if l.split != "tune" || got[l.a] == l.b {
			continue
		}
		g := got[l.a]
		t.Logf("k %d  A[%d] %s", l.k, l.a, sa[l.a].core)
		if l.b >= 0 {
			x, y := sa[l.a], sb[l.b]
			t.Logf("   want B[%d] %s  cos %.2f lcs %.2f", l.b, y.core, cosineOf(x, y), c.lcs.ratio(x.core, y.core))
			t.Logf("        %s", where(l.a, l.b))
			for i, j := range got {
				if j == l.b {
					t.Logf("        B[%d] is held by A[%d] %s  cos %.2f lcs %.2f %s", l.b, i, sa[i].core, cosineOf(sa[i], y), c.lcs.ratio(sa[i].core, y.core), where(i, l.b))
				}
			}
		} else {
			t.Logf("   want none")
		}
		if g >= 0 {
			x, y := sa[l.a], sb[g]
			t.Logf("   got  B[%d] %s  cos %.2f lcs %.2f", g, y.core, cosineOf(x, y), c.lcs.ratio(x.core, y.core))
			t.Logf("        %s", where(l.a, g))
		}
	}
}
