package main

import (
	"math"
	"testing"

	"github.com/policylens/policylens/internal/keywords"
)

// TestBoostLearnsInteraction checks that the trees learn what a linear
// model cannot: a label that is the exclusive or of two features.
func TestBoostLearnsInteraction(t *testing.T) {
	var exs []example
	for i := 0; i < 200; i++ {
		a, b := float64(i%2), float64(i/2%2)
		y := 0.0
		if a != b {
			y = 1
		}
		exs = append(exs, example{feats: []keywords.Feature{{Name: "a", Value: a}, {Name: "b", Value: b}}, y: y, doc: i % 10})
	}
	d := toDense(exs)
	y := make([]float64, len(exs))
	rows := make([]int, len(exs))
	for i, ex := range exs {
		y[i], rows[i] = ex.y, i
	}
	trees := boost(d, y, make([]float64, len(exs)), rows, 50, 0.3, 1)
	for i, x := range d.x {
		s := 0.0
		for _, tr := range trees {
			s += tr.leaves[tr.leaf(x)]
		}
		if p := 1 / (1 + math.Exp(-s)); math.Abs(p-y[i]) > 0.2 {
			t.Fatalf("a=%g b=%g: p=%.2f, want %g", x[0], x[1], p, y[i])
		}
	}
}

// TestRecallAt15 scores the best 15 of a document against its first ten
// gold keywords, a term counting when it holds or lies inside one.
func TestRecallAt15(t *testing.T) {
	gold := []string{"电子烟", "烟草专卖法实施条例", "未成年人"}
	exs := []example{
		{term: "电子烟产品", gold: gold, doc: 1},
		{term: "烟草专卖法", gold: gold, doc: 1},
		{term: "市场", gold: gold, doc: 1},
	}
	f, n := recallAt15(exs, []float64{3, 2, 1}, map[int]bool{1: true}, nil)
	if f != 2 || n != 3 {
		t.Fatalf("found %d of %d, want 2 of 3", f, n)
	}
}
