package main

import (
	"math"
	"slices"
)

// sparse holds the examples as rows of (feature index, value), with the
// feature names sorted, so that a full-batch learner sums its gradient in
// one fixed order: the weights do not depend on the order of examples.
type sparse struct {
	names []string
	idx   [][]int32
	val   [][]float64
	y     []float64
	doc   []int
}

func toSparse(exs []example) sparse {
	seen := map[string]bool{}
	var names []string
	for _, ex := range exs {
		for _, f := range ex.feats {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, f.Name)
			}
		}
	}
	slices.Sort(names)
	pos := make(map[string]int32, len(names))
	for i, n := range names {
		pos[n] = int32(i)
	}
	s := sparse{names: names, idx: make([][]int32, len(exs)), val: make([][]float64, len(exs)), y: make([]float64, len(exs)), doc: make([]int, len(exs))}
	for i, ex := range exs {
		for _, f := range ex.feats {
			s.idx[i] = append(s.idx[i], pos[f.Name])
			s.val[i] = append(s.val[i], f.Value)
		}
		s.y[i], s.doc[i] = min(ex.y, 1), ex.doc
	}
	return s
}

func (s sparse) score(w []float64, i int) float64 {
	v := 0.0
	for k, j := range s.idx[i] {
		v += w[j] * s.val[i][k]
	}
	return v
}

// objective is a loss of the weights and its gradient, written into g.
type objective func(w, g []float64) float64

// pointwise is the L2-penalized logistic loss of the rows (the bias, at
// index bias, is not penalized).
func pointwise(s sparse, rows []int, l2 float64, bias int) objective {
	return func(w, g []float64) float64 {
		loss := penalty(w, g, l2, bias)
		for _, i := range rows {
			z := s.score(w, i)
			p := sigmoid(z)
			loss += logistic(z, s.y[i])
			d := p - s.y[i]
			for k, j := range s.idx[i] {
				g[j] += d * s.val[i][k]
			}
		}
		return loss
	}
}

// pairwise is the L2-penalized logistic loss of each gold candidate
// against each non-gold candidate of the same document, each document's
// pairs weighted to count as one document's mean times its positives
// (so a long document does not outweigh ten short ones quadratically).
func pairwise(s sparse, rows []int, l2 float64, bias int) objective {
	var groups [][]int
	for a := 0; a < len(rows); {
		b := a
		for b < len(rows) && s.doc[rows[b]] == s.doc[rows[a]] {
			b++
		}
		groups = append(groups, rows[a:b])
		a = b
	}
	return func(w, g []float64) float64 {
		loss := penalty(w, g, l2, bias)
		for _, grp := range groups {
			sc := make([]float64, len(grp))
			for k, i := range grp {
				sc[k] = s.score(w, i)
			}
			d := make([]float64, len(grp))
			nneg := 0
			for _, i := range grp {
				if s.y[i] == 0 {
					nneg++
				}
			}
			if nneg == 0 {
				continue
			}
			wt := 1 / float64(nneg)
			for a, i := range grp {
				if s.y[i] == 0 {
					continue
				}
				for b, j := range grp {
					if s.y[j] != 0 {
						continue
					}
					m := sc[a] - sc[b]
					loss += wt * logistic(m, 1)
					q := wt * (sigmoid(m) - 1)
					d[a] += q
					d[b] -= q
				}
			}
			for k, i := range grp {
				for t, j := range s.idx[i] {
					g[j] += d[k] * s.val[i][t]
				}
			}
		}
		return loss
	}
}

// penalty zeroes g and starts the loss with the L2 term.
func penalty(w, g []float64, l2 float64, bias int) float64 {
	loss := 0.0
	for j := range g {
		g[j] = 0
		if j != bias {
			loss += l2 / 2 * w[j] * w[j]
			g[j] = l2 * w[j]
		}
	}
	return loss
}

// logistic is the log-loss of score z for label y (0 or 1), stable for
// large |z|.
func logistic(z, y float64) float64 {
	if y == 0 {
		z = -z
	}
	if z > 0 {
		return math.Log1p(math.Exp(-z))
	}
	return -z + math.Log1p(math.Exp(z))
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// lbfgs minimizes f from zero weights by limited-memory BFGS (memory 10,
// backtracking line search), deterministically, for at most iters steps.
func lbfgs(f objective, n, iters int) []float64 {
	const m = 10
	w := make([]float64, n)
	g := make([]float64, n)
	fx := f(w, g)
	var ss, ys [][]float64
	var rho []float64
	dir := make([]float64, n)
	nw := make([]float64, n)
	ng := make([]float64, n)
	for it := 0; it < iters; it++ {
		// two-loop recursion: dir = -H g
		copy(dir, g)
		alpha := make([]float64, len(ss))
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rho[k] * dot(ss[k], dir)
			axpy(-alpha[k], ys[k], dir)
		}
		if k := len(ss) - 1; k >= 0 {
			scale(dot(ss[k], ys[k])/dot(ys[k], ys[k]), dir)
		} else {
			scale(1/math.Max(1, math.Sqrt(dot(g, g))), dir)
		}
		for k := range ss {
			b := rho[k] * dot(ys[k], dir)
			axpy(alpha[k]-b, ss[k], dir)
		}
		scale(-1, dir)
		slope := dot(g, dir)
		if slope >= 0 { // not a descent direction: restart from the gradient
			ss, ys, rho = nil, nil, nil
			copy(dir, g)
			scale(-1/math.Max(1, math.Sqrt(dot(g, g))), dir)
			slope = dot(g, dir)
		}
		step, nf := 1.0, 0.0
		for ls := 0; ; ls++ {
			for j := range w {
				nw[j] = w[j] + step*dir[j]
			}
			nf = f(nw, ng)
			if nf <= fx+1e-4*step*slope || ls == 30 {
				break
			}
			step /= 2
		}
		s := make([]float64, n)
		y := make([]float64, n)
		for j := range w {
			s[j], y[j] = nw[j]-w[j], ng[j]-g[j]
		}
		done := math.Abs(fx-nf) <= 1e-9*math.Max(1, math.Abs(fx))
		copy(w, nw)
		copy(g, ng)
		fx = nf
		if done {
			break
		}
		if sy := dot(s, y); sy > 1e-12 {
			ss, ys, rho = append(ss, s), append(ys, y), append(rho, 1/sy)
			if len(ss) > m {
				ss, ys, rho = ss[1:], ys[1:], rho[1:]
			}
		}
	}
	return w
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy(a float64, x, y []float64) {
	for i := range x {
		y[i] += a * x[i]
	}
}

func scale(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}

// trainBatch learns the weights by full-batch L-BFGS on the rows of s,
// pointwise or pairwise, and rounds them as train does.
func trainBatch(s sparse, rows []int, l2 float64, pair bool, iters int) map[string]float64 {
	bias := slices.Index(s.names, "bias")
	obj := pointwise(s, rows, l2, bias)
	if pair {
		obj = pairwise(s, rows, l2, bias)
	}
	return rounded(s.names, lbfgs(obj, len(s.names), iters))
}

// trainMix learns by the sum of the pointwise and the pairwise losses.
func trainMix(s sparse, rows []int, l2 float64, iters int) map[string]float64 {
	bias := slices.Index(s.names, "bias")
	a, b := pointwise(s, rows, l2, bias), pairwise(s, rows, 0, bias)
	gb := make([]float64, len(s.names))
	obj := func(w, g []float64) float64 {
		l := a(w, g) + b(w, gb)
		for j := range g {
			g[j] += gb[j]
		}
		return l
	}
	return rounded(s.names, lbfgs(obj, len(s.names), iters))
}

// rounded names the weights and rounds them as train does, leaving out
// those that round to zero.
func rounded(names []string, w []float64) map[string]float64 {
	out := map[string]float64{}
	for j, v := range w {
		if math.Abs(v) >= 0.0005 {
			out[names[j]] = math.Round(v*1000) / 1000
		}
	}
	return out
}

// allRows is 0..n-1.
func allRows(n int) []int {
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return rows
}
