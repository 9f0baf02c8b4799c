package main

import (
	"maps"
	"testing"

	"github.com/policylens/policylens/internal/keywords"
)

// TestBatchLearnerIgnoresOrder checks that the full-batch learner gives
// the same weights whatever the order of the examples (what the SGD
// learner could not), and learns which feature tells the label.
func TestBatchLearnerIgnoresOrder(t *testing.T) {
	var exs []example
	for i := 0; i < 120; i++ {
		good, noise := float64(i%3/2), float64(i%5)/5
		exs = append(exs, example{feats: []keywords.Feature{{Name: "bias", Value: 1}, {Name: "good", Value: good}, {Name: "noise", Value: noise}}, y: good, doc: i / 12})
	}
	w := trainBatch(toSparse(exs), allRows(len(exs)), 1, false, 300)
	rev := make([]example, len(exs))
	for i, ex := range exs {
		rev[len(exs)-1-i] = ex
	}
	if w2 := trainBatch(toSparse(rev), allRows(len(rev)), 1, false, 300); !maps.Equal(w, w2) {
		t.Errorf("weights depend on the order: %v and %v", w, w2)
	}
	if w["good"] < 2 || w["good"] < 5*abs(w["noise"]) {
		t.Errorf("good %g, noise %g: the telling feature is not learned", w["good"], w["noise"])
	}
	if p := trainBatch(toSparse(exs), allRows(len(exs)), 1, true, 300); p["good"] <= 0 {
		t.Errorf("pairwise: good %g", p["good"])
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
