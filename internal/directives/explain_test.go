package directives

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestExplainSelectsAsSorting: explain's selection of the five heaviest
// features gives what sorting every feature by |weight| and then name
// gives, ties, repeated features and weightless ones included.
func TestExplainSelectsAsSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m := &model{w: map[string][2]float64{}, scale: 1}
	var names []string
	for i := range 60 {
		name := fmt.Sprintf("f%02d", i)
		w := float64(r.IntN(9)-4) / 2 // ties and zeros
		m.w[name] = [2]float64{w, -w}
		names = append(names, name)
	}
	for trial := range 300 {
		feats := make([]string, r.IntN(25))
		for i := range feats {
			feats[i] = names[r.IntN(len(names))]
		}
		for stage := range 2 {
			if got, want := m.explain(feats, stage), explainBySort(m, feats, stage); !slices.Equal(got, want) {
				t.Fatalf("trial %d stage %d: %v, want %v", trial, stage, got, want)
			}
		}
	}
}

// explainBySort is explain as a stable sort of every weighted feature.
func explainBySort(m *model, feats []string, stage int) []string {
	var xs []fw
	for _, f := range feats {
		if w := m.w[f][stage]; w != 0 {
			xs = append(xs, fw{f, w})
		}
	}
	slices.SortStableFunc(xs, func(a, b fw) int {
		return cmp.Or(cmp.Compare(math.Abs(b.w), math.Abs(a.w)), strings.Compare(a.f, b.f))
	})
	out := []string{}
	for _, x := range xs[:min(5, len(xs))] {
		out = append(out, fmt.Sprintf("%s %+.2f", x.f, x.w))
	}
	return out
}
