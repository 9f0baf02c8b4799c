package compare

import (
	"math"
	"slices"
	"testing"
)

// mkSide builds a side of one document from its words (weight 1 each).
func mkSide(doc string, words ...string) *side {
	s := &side{doc: doc}
	for _, w := range words {
		s.core += w
	}
	s.terms = slices.Clone(words)
	slices.Sort(s.terms)
	for range s.terms {
		s.weight = append(s.weight, 1)
	}
	s.norm = math.Sqrt(float64(len(s.terms)))
	return s
}

func TestFillGaps(t *testing.T) {
	sa := []*side{mkSide("a", "甲"), mkSide("a", "城市", "更新"), mkSide("a", "乡村", "振兴"), mkSide("a", "乙")}
	sb := []*side{mkSide("b", "甲"), mkSide("b", "乡村", "振兴", "产业"), mkSide("b", "城市", "治理"), mkSide("b", "乙")}
	tests := []struct {
		name    string
		fillMin float64
		fillGap int
		want    []int
	}{
		// 城市 and 乡村 cross: only one pair keeps the order, the
		// stronger (乡村振兴), never both
		{"order kept", 0.2, 3, []int{0, -1, 1, 3}},
		{"gap too long", 0.2, 1, []int{0, -1, -1, 3}},
		{"below the threshold", 0.9, 3, []int{0, -1, -1, 3}},
	}
	for _, tc := range tests {
		c := &Comparer{w: defaultWeights()}
		c.w.fillMin, c.w.fillGap = tc.fillMin, tc.fillGap
		pairOf, scores := []int{0, -1, -1, 3}, make([]float64, 4)
		c.fillGaps(sa, sb, pairOf, scores)
		if !slices.Equal(pairOf, tc.want) {
			t.Errorf("%s: pairs %v, want %v", tc.name, pairOf, tc.want)
		}
	}
}

func TestFillGapsStaysInOneDocument(t *testing.T) {
	sa := []*side{mkSide("a1", "甲"), mkSide("a1", "城市"), mkSide("a2", "乙")}
	sb := []*side{mkSide("b", "甲"), mkSide("b", "城市"), mkSide("b", "乙")}
	c := &Comparer{w: defaultWeights()}
	pairOf := []int{0, -1, 2}
	c.fillGaps(sa, sb, pairOf, make([]float64, 3))
	if pairOf[1] != -1 {
		t.Errorf("a gap across two documents was filled: %v", pairOf)
	}
}

func TestPlaced(t *testing.T) {
	one := func(doc string, n int) []*side {
		var out []*side
		for range n {
			out = append(out, mkSide(doc, "词"))
		}
		return out
	}
	w := defaultWeights()
	cands := []cand{{0, 0, 0.5}, {0, 10, 0.5}, {5, 4, 0.5}}
	got := w.placed(one("a", 11), one("b", 11), cands)
	want := []float64{0.5, 0.5 - w.shiftPen, 0.5}
	for k := range want {
		if math.Abs(got[k].score-want[k]) > 1e-9 {
			t.Errorf("candidate %v: score %.2f, want %.2f", cands[k], got[k].score, want[k])
		}
	}
	if cands[1].score != 0.5 {
		t.Error("placed changed its input")
	}
	two := append(one("a", 5), one("c", 6)...)
	if got := w.placed(two, one("b", 11), cands); got[1].score != 0.5 {
		t.Errorf("two documents on a side: score %.2f, want the score kept", got[1].score)
	}
}
