package compare

import (
	"strings"
	"testing"
)

func TestWordClasses(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"加快", light}, {"深入", light}, {"推动", "推进"}, {"促进", "推进"}, {"推进", "推进"},
		{"健全", "完善"}, {"房地产", "房地产"},
	} {
		if got := classOf(tc.word); got != tc.want {
			t.Errorf("classOf(%s) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// TestAnchoredPair: a loose rewording is the same directive when its
// neighbours on both sides are aligned, and no match on its own.
func TestAnchoredPair(t *testing.T) {
	const (
		before = "要全面加强安全生产执法工作。"
		after  = "要坚决扩大国内有效需求。"
		// 0.37 alone (2026-12-07): well under the threshold, over it
		// with the order bonus
		a = "要分类完善灵活就业服务保障措施。"
		b = "要加强灵活就业和新就业形态劳动者权益保障。"
	)
	r := Compare(analyzeText(t, "a.txt", before+a+after), analyzeText(t, "b.txt", before+b+after), opts(t))
	if r.Summary[Reworded] != 1 || r.Summary[Kept] != 2 || r.Summary[New]+r.Summary[Dropped] != 0 {
		t.Errorf("between two kept neighbours: %v", r.Summary)
	}
	alone := Compare(analyzeText(t, "a.txt", a), analyzeText(t, "b.txt", b), opts(t))
	if alone.Summary[New] != 1 || alone.Summary[Dropped] != 1 {
		t.Errorf("alone: %v", alone.Summary)
	}
}

// TestMergedPair: two neighbouring directives merged into one in B are
// both paired with it; B's directive is not also new.
func TestMergedPair(t *testing.T) {
	const (
		before = "要全面加强安全生产执法工作。"
		after  = "要坚决扩大国内有效需求。"
	)
	a := analyzeText(t, "a.txt", before+"要完善生态产品价值实现机制，健全生态保护补偿制度。"+after)
	b := analyzeText(t, "b.txt", before+"要健全生态保护补偿和生态产品价值实现机制。"+after)
	r := Compare(a, b, opts(t))
	if r.Summary[Reworded] != 2 || r.Summary[Kept] != 2 || r.Summary[New]+r.Summary[Dropped] != 0 {
		for _, d := range r.Directives {
			t.Logf("%s %v %v", d.Status, d.A, d.B)
		}
		t.Errorf("merged: %v", r.Summary)
	}
}

// TestOrderBreaksTies: of two look-alikes in A, the one whose neighbours
// are aligned around B's directive gets it.
func TestOrderBreaksTies(t *testing.T) {
	a := analyzeText(t, "a.txt", "要推动高水平科技自立自强。要全面加强安全生产执法工作。要建设高素质专业化教师队伍。要加快推动高水平科技自立自强。要充分发挥新型举国体制优势。")
	b := analyzeText(t, "b.txt", "要全面加强安全生产执法工作。要建设高素质专业化教师队伍。要推进高水平科技自立自强。要充分发挥新型举国体制优势。")
	r := Compare(a, b, opts(t))
	found := false
	for _, d := range r.Directives {
		if d.B != nil && strings.Contains(d.B.Text, "推进高水平科技自立自强") {
			found = d.A != nil && strings.Contains(d.A.Text, "加快推动高水平科技自立自强")
		}
	}
	if !found {
		t.Errorf("推进高水平科技自立自强 is not paired with its neighbour 加快推动高水平科技自立自强: %v", r.Summary)
	}
}

// TestMergedStaysInItsDocument: the last directive of one document does
// not join the counterpart of the first of the next.
func TestMergedStaysInItsDocument(t *testing.T) {
	sa := []*side{{doc: "a1"}, {doc: "a2"}, {doc: "a2"}}
	pairOf := []int{-1, 0, -1}
	merged(sa, []cand{{i: 0, j: 0, score: 0.9}, {i: 2, j: 0, score: 0.9}}, pairOf, 0.45, 1)
	if pairOf[0] != -1 || pairOf[2] != 0 {
		t.Errorf("pairOf = %v, want [-1 0 0]", pairOf)
	}
}
