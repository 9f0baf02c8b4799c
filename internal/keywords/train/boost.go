package main

import (
	"math"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/labels"
)

// A tree is a regression tree of depth two over the features: the root
// splits on one feature, each child on another, and the four leaves hold
// the values added to the linear model's score.
type tree struct {
	f      [3]int     // root, left child, right child: feature index
	t      [3]float64 // thresholds: a value below goes left
	leaves [4]float64
}

// dense holds the examples as rows of feature values (0 when absent).
type dense struct {
	names []string
	x     [][]float64
}

func toDense(exs []example) dense {
	idx := map[string]int{}
	var names []string
	for _, ex := range exs {
		for _, f := range ex.feats {
			if _, ok := idx[f.Name]; !ok {
				idx[f.Name] = len(names)
				names = append(names, f.Name)
			}
		}
	}
	sort.Strings(names)
	for i, n := range names {
		idx[n] = i
	}
	x := make([][]float64, len(exs))
	for i, ex := range exs {
		x[i] = make([]float64, len(names))
		for _, f := range ex.feats {
			x[i][idx[f.Name]] = f.Value
		}
	}
	return dense{names, x}
}

// thresholds are the candidate split points of each feature: midpoints
// between up to 16 quantiles of its values.
func thresholds(d dense) [][]float64 {
	out := make([][]float64, len(d.names))
	for j := range d.names {
		vals := make([]float64, len(d.x))
		for i := range d.x {
			vals[i] = d.x[i][j]
		}
		sort.Float64s(vals)
		seen := map[float64]bool{}
		for q := 1; q < 16; q++ {
			v := vals[q*len(vals)/16]
			if v > vals[0] && !seen[v] {
				seen[v] = true
				out[j] = append(out[j], v)
			}
		}
	}
	return out
}

// boost fits trees to the gradient of the logistic loss on top of a base
// score per example, with shrinkage rate and an L2 penalty lambda on the
// leaves; rows is the subset of examples to learn from.
func boost(d dense, y, base []float64, rows []int, n int, rate, lambda float64) []tree {
	th := thresholds(d)
	f := append([]float64(nil), base...)
	var trees []tree
	g := make([]float64, len(y))
	h := make([]float64, len(y))
	for k := 0; k < n; k++ {
		for _, i := range rows {
			p := 1 / (1 + math.Exp(-f[i]))
			g[i], h[i] = y[i]-p, p*(1-p)
		}
		var tr tree
		var left, right []int
		tr.f[0], tr.t[0], left, right = bestSplit(d, th, g, h, rows, lambda)
		tr.f[1], tr.t[1], _, _ = bestSplit(d, th, g, h, left, lambda)
		tr.f[2], tr.t[2], _, _ = bestSplit(d, th, g, h, right, lambda)
		var sg, sh [4]float64
		for _, i := range rows {
			l := tr.leaf(d.x[i])
			sg[l] += g[i]
			sh[l] += h[i]
		}
		for l := range tr.leaves {
			tr.leaves[l] = rate * sg[l] / (sh[l] + lambda)
		}
		for i := range d.x {
			f[i] += tr.leaves[tr.leaf(d.x[i])]
		}
		trees = append(trees, tr)
	}
	return trees
}

func (t *tree) leaf(x []float64) int {
	if x[t.f[0]] < t.t[0] {
		if x[t.f[1]] < t.t[1] {
			return 0
		}
		return 1
	}
	if x[t.f[2]] < t.t[2] {
		return 2
	}
	return 3
}

// bestSplit finds the feature and threshold that most reduce the loss of
// the rows (Newton gain), and the rows on each side.
func bestSplit(d dense, th [][]float64, g, h []float64, rows []int, lambda float64) (int, float64, []int, []int) {
	var G, H float64
	for _, i := range rows {
		G += g[i]
		H += h[i]
	}
	bestF, bestT, bestGain := 0, math.Inf(1), -1.0 // a split of no gain still lets the children split (a XOR b)
	for j := range d.names {
		ts := th[j]
		if len(ts) == 0 {
			continue
		}
		gl := make([]float64, len(ts)+1)
		hl := make([]float64, len(ts)+1)
		for _, i := range rows {
			b := sort.SearchFloat64s(ts, d.x[i][j]+1e-12) // values below ts[b] fall in bins ≤ b
			gl[b] += g[i]
			hl[b] += h[i]
		}
		var cg, ch float64
		for b := 0; b < len(ts); b++ {
			cg += gl[b]
			ch += hl[b]
			gain := cg*cg/(ch+lambda) + (G-cg)*(G-cg)/(H-ch+lambda) - G*G/(H+lambda)
			if gain > bestGain+1e-9 {
				bestF, bestT, bestGain = j, ts[b], gain
			}
		}
	}
	var left, right []int
	for _, i := range rows {
		if d.x[i][bestF] < bestT {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	return bestF, bestT, left, right
}

// recallAt15 scores, per document, the 15 best candidates by score
// against the first ten gold keywords, as the quality test does: shown
// terms never hold one another, except named units (keywords' distinct).
func recallAt15(exs []example, score []float64, docs map[int]bool, byKind map[string][2]int) (found, total int) {
	byDoc := map[int][]int{}
	for i, ex := range exs {
		if docs[ex.doc] {
			byDoc[ex.doc] = append(byDoc[ex.doc], i)
		}
	}
	for _, idx := range byDoc {
		sort.SliceStable(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
		shown := distinct(exs, idx, 15)
		gold := exs[idx[0]].gold
		f := 0
		for _, gk := range gold[:min(10, len(gold))] {
			gn := labels.Norm(gk)
			for _, i := range shown {
				pn := labels.Norm(exs[i].term)
				if len([]rune(pn)) >= 2 && (pn == gn || strings.Contains(gn, pn) || strings.Contains(pn, gn)) {
					f++
					break
				}
			}
		}
		n := min(10, len(gold))
		found += f
		total += n
		if byKind != nil {
			k := byKind[exs[idx[0]].kind]
			byKind[exs[idx[0]].kind] = [2]int{k[0] + f, k[1] + n}
		}
	}
	return found, total
}

// distinct keeps the n best candidates of a document (idx, best first)
// that neither hold nor lie inside a better one kept, as the analyzer
// shows them; a named unit stands on its own.
func distinct(exs []example, idx []int, n int) []int {
	var out []int
	for _, i := range idx {
		if len(out) == n {
			break
		}
		dup := false
		for _, o := range out {
			if exs[i].unit != exs[o].unit {
				continue
			}
			if holds(exs[o].term, exs[i].term, exs[i].en) || holds(exs[i].term, exs[o].term, exs[i].en) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}

// holds tells a term inside a longer one: English by whole words.
func holds(long, short string, en bool) bool {
	if en {
		return strings.Contains(" "+long+" ", " "+short+" ")
	}
	return strings.Contains(long, short)
}
