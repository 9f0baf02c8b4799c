package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
)

// crossValidate compares, over five folds of the train documents, the
// linear ranker alone with the linear ranker plus boosted trees: each fold
// is scored by the models learned from the other four (tuning on train
// only, never on the test split).
func crossValidate(exs []example, fit func([]example) map[string]float64, counts []int, rate, lambda float64, treesOnly bool) {
	d := toDense(exs)
	y := make([]float64, len(exs))
	for i, ex := range exs {
		y[i] = min(ex.y, 1)
	}
	found := make([]int, len(counts))
	total := 0
	byKind := map[string][2]int{} // the linear ranker's figures per kind of document
	for fold := 0; fold < 5; fold++ {
		var rest []example
		var rows []int
		held := map[int]bool{}
		for i, ex := range exs {
			if ex.doc%5 == fold {
				held[ex.doc] = true
				continue
			}
			rest = append(rest, ex)
			rows = append(rows, i)
		}
		w := map[string]float64{}
		if !treesOnly {
			w = fit(rest)
		}
		base := make([]float64, len(exs))
		for i, ex := range exs {
			for _, f := range ex.feats {
				base[i] += w[f.Name] * f.Value
			}
		}
		trees := boost(d, y, base, rows, counts[len(counts)-1], rate, lambda)
		for k, n := range counts {
			s := append([]float64(nil), base...)
			for _, tr := range trees[:n] {
				for i := range s {
					s[i] += tr.leaves[tr.leaf(d.x[i])]
				}
			}
			kinds := byKind
			if k != 0 {
				kinds = nil
			}
			f, t := recallAt15(exs, s, held, kinds)
			found[k] += f
			if k == 0 {
				total += t
			}
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(byKind)) {
		k := byKind[kind]
		fmt.Fprintf(os.Stderr, "cv: linear, %s: %d of %d (%.3f)\n", kind, k[0], k[1], float64(k[0])/float64(max(1, k[1])))
	}
	for k, n := range counts {
		fmt.Fprintf(os.Stderr, "cv: %d trees (rate %g, lambda %g): recall@15 %.3f (%d of %d)\n", n, rate, lambda, float64(found[k])/float64(total), found[k], total)
	}
}
