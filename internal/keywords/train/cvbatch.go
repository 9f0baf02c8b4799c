package main

import (
	"fmt"
	"math/rand/v2"
	"os"
)

// learner is one way to learn the ranker's weights from some rows.
type learner struct {
	name string
	fit  func(rows []int) map[string]float64
}

// foldOf assigns documents 1..docs to five folds: seed 0 is doc%5, as
// crossValidate does; another seed a fixed shuffle of the documents.
func foldOf(docs int, seed uint64) []int {
	f := make([]int, docs+1)
	perm := rand.New(rand.NewPCG(seed, 7)).Perm(docs + 1)
	for d := range f {
		f[d] = d % 5
		if seed != 0 {
			f[d] = perm[d] % 5
		}
	}
	return f
}

// cvLearners prints, for each fold seed, the five-fold recall@15 of each
// learner on the train documents.
func cvLearners(exs []example, ls []learner, seeds []uint64) {
	docs := exs[len(exs)-1].doc
	for _, seed := range seeds {
		folds := foldOf(docs, seed)
		for _, l := range ls {
			found, total := cvOne(exs, folds, l.fit)
			fmt.Fprintf(os.Stderr, "cvb: folds %d, %s: %d of %d (%.4f)\n", seed, l.name, found, total, float64(found)/float64(total))
		}
	}
}

func cvOne(exs []example, folds []int, fit func([]int) map[string]float64) (found, total int) {
	for fold := 0; fold < 5; fold++ {
		var rows []int
		held := map[int]bool{}
		for i, ex := range exs {
			if folds[ex.doc] == fold {
				held[ex.doc] = true
				continue
			}
			rows = append(rows, i)
		}
		w := fit(rows)
		s := make([]float64, len(exs))
		for i, ex := range exs {
			for _, f := range ex.feats {
				s[i] += w[f.Name] * f.Value
			}
		}
		f, t := recallAt15(exs, s, held, nil)
		found += f
		total += t
	}
	return found, total
}

// sgdFit is train on the rows, the rows' documents shuffled by seed (0:
// load order).
func sgdFit(exs []example, epochs int, seed uint64) func([]int) map[string]float64 {
	return func(rows []int) map[string]float64 {
		groups := byDoc(pick(exs, rows))
		if seed != 0 {
			r := rand.New(rand.NewPCG(seed, 11))
			r.Shuffle(len(groups), func(a, b int) { groups[a], groups[b] = groups[b], groups[a] })
		}
		var sub []example
		for _, g := range groups {
			sub = append(sub, g...)
		}
		return train(sub, epochs)
	}
}

func pick(exs []example, rows []int) []example {
	out := make([]example, len(rows))
	for k, i := range rows {
		out[k] = exs[i]
	}
	return out
}

// nestedFit chooses the L2 penalty of the pointwise learner by four-fold
// cv on the rows' own documents, then fits the rows with it.
func nestedFit(exs []example, s sparse, l2s []float64, iters *int) func([]int) map[string]float64 {
	return func(rows []int) map[string]float64 {
		var ds []int
		for _, i := range rows {
			if len(ds) == 0 || ds[len(ds)-1] != exs[i].doc {
				ds = append(ds, exs[i].doc)
			}
		}
		inner := map[int]int{}
		for k, d := range ds {
			inner[d] = k % 4
		}
		best, bestF := l2s[0], -1
		for _, l2 := range l2s {
			found := 0
			for fold := 0; fold < 4; fold++ {
				var fit []int
				held := map[int]bool{}
				for _, i := range rows {
					if inner[exs[i].doc] == fold {
						held[exs[i].doc] = true
					} else {
						fit = append(fit, i)
					}
				}
				w := trainBatch(s, fit, l2, false, *iters)
				sc := make([]float64, len(exs))
				for i, ex := range exs {
					if held[ex.doc] {
						for _, f := range ex.feats {
							sc[i] += w[f.Name] * f.Value
						}
					}
				}
				f, _ := recallAt15(exs, sc, held, nil)
				found += f
			}
			if found > bestF {
				best, bestF = l2, found
			}
		}
		fmt.Fprintf(os.Stderr, "nested: l2 %g (%d)\n", best, bestF)
		return trainBatch(s, rows, best, false, *iters)
	}
}
