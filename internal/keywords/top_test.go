package keywords

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTopPicksAsSorting checks that Top's one-pass pick of a few gives
// the first of the whole list in rank order, ties of score and count
// included (scores round to three decimals, counts are few).
func TestTopPicksAsSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		size := r.IntN(300)
		scores, counts := map[string]float64{}, map[string]int{}
		for i := range size {
			term := fmt.Sprintf("t%d", r.IntN(1000)+i*1000)
			scores[term] = float64(r.IntN(20)) / 19
			counts[term] = r.IntN(4)
		}
		all := Top(scores, counts, len(scores))
		if !slices.IsSortedFunc(all, rankOrder) {
			t.Fatalf("round %d: the whole list is not in rank order", round)
		}
		for _, n := range []int{0, 1, 2, 18, maxPicked, maxPicked + 1, size} {
			got, want := Top(scores, counts, n), all[:min(n, len(all))]
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, n=%d of %d: got %v, want %v", round, n, size, got, want)
			}
		}
	}
}
