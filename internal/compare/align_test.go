package compare

import "testing"

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
		a      = "要促进房地产市场平稳健康发展。"
		b      = "要持续用力推动房地产市场止跌回稳。"
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
