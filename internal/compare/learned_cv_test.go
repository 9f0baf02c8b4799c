package compare

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// pairFeatures describes candidate x for a learned scorer: its score's
// parts, its place (order value, no backbone around, shift of relative
// place) and its neighbours' agreement (a diagonal neighbour in the
// backbone; best candidate of its A, of its B).
func (c *Comparer) pairFeatures(sa, sb []*side, bone []int, x cand, pa, pb []float64, bestA, bestB map[int]float64) []float64 {
	a, b := sa[x.i], sb[x.j]
	cos := cosine(a, b)
	lcs := c.lcs.ratio(a.core, b.core)
	la, lb := float64(len([]rune(a.core))), float64(len([]rune(b.core)))
	flag := func(ok bool) float64 {
		if ok {
			return 1
		}
		return 0
	}
	act := classOf(normText(a.d.Action))
	order := c.w.inOrder(sa, sb, bone, x.i, x.j)
	lo, hi := neighbours(bone, x.i)
	diag := (x.i > 0 && x.j > 0 && bone[x.i-1] == x.j-1) || (x.i+1 < len(bone) && bone[x.i+1] == x.j+1)
	return []float64{1, cos, lcs, dice(a.core, b.core), flag(act != "" && act == classOf(normText(b.d.Action))),
		flag(head(a.d.Object) != "" && head(a.d.Object) == head(b.d.Object)), order, flag(lo < 0 || hi < 0),
		min(la, lb) / max(la, lb, 1), math.Abs(pa[x.i] - pb[x.j]), x.score, flag(diag),
		flag(x.score >= bestA[x.i]-1e-9), flag(x.score >= bestB[x.j]-1e-9)}
}

func head(obj string) string {
	r := []rune(normText(obj))
	if len(r) < 2 {
		return string(r)
	}
	return string(r[len(r)-2:])
}

// dice is the Dice coefficient of two strings' character bigrams.
func dice(a, b string) float64 {
	bg := func(s string) map[string]int {
		r := []rune(s)
		m := map[string]int{}
		for i := 0; i+1 < len(r); i++ {
			m[string(r[i:i+2])]++
		}
		return m
	}
	ma, mb := bg(a), bg(b)
	n, na, nb := 0, 0, 0
	for k, v := range ma {
		n += min(v, mb[k])
		na += v
	}
	for _, v := range mb {
		nb += v
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(n) / float64(na+nb)
}

type example struct {
	f []float64
	y float64
	k int // index of the label
}

// fitLogistic trains an L2-regularized logistic regression by Newton's
// method from zero (deterministic; the bias is not regularized).
func fitLogistic(ex []example, l2 float64) []float64 {
	if len(ex) == 0 {
		return nil
	}
	d := len(ex[0].f)
	w := make([]float64, d)
	n := float64(len(ex))
	for it := 0; it < 50; it++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for a := range h {
			h[a] = make([]float64, d+1)
		}
		for _, e := range ex {
			p := sigmoid(dotv(w, e.f))
			for a := 0; a < d; a++ {
				g[a] += (p - e.y) * e.f[a] / n
				for b := 0; b < d; b++ {
					h[a][b] += p * (1 - p) * e.f[a] * e.f[b] / n
				}
			}
		}
		for a := 1; a < d; a++ {
			g[a] += l2 * w[a]
			h[a][a] += l2
		}
		h[0][0] += 1e-9
		for a := 0; a < d; a++ {
			h[a][d] = g[a]
		}
		step := solve(h)
		done := true
		for a := range w {
			w[a] -= step[a]
			if math.Abs(step[a]) > 1e-8 {
				done = false
			}
		}
		if done {
			break
		}
	}
	return w
}

// solve solves the augmented system m (d rows of d+1) by Gaussian
// elimination with partial pivoting.
func solve(m [][]float64) []float64 {
	d := len(m)
	for c := 0; c < d; c++ {
		p := c
		for r := c + 1; r < d; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := 0; r < d; r++ {
			if r != c {
				f := m[r][c] / m[c][c]
				for k := c; k <= d; k++ {
					m[r][k] -= f * m[c][k]
				}
			}
		}
	}
	out := make([]float64, d)
	for c := 0; c < d; c++ {
		if math.Abs(m[c][c]) > 1e-12 {
			out[c] = m[c][d] / m[c][c]
		}
	}
	return out
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dotv(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// featurizer computes each candidate's features once per alignment.
type featurizer struct {
	c            *Comparer
	pa, pb       []float64
	bestA, bestB map[int]float64
	keep         []int // features kept (PAIRS_FEATS="0,6,10"; nil: all)
}

func (z *featurizer) of(sa, sb []*side, bone []int, x cand) []float64 {
	f := z.c.pairFeatures(sa, sb, bone, x, z.pa, z.pb, z.bestA, z.bestB)
	if z.keep == nil {
		return f
	}
	out := []float64{}
	for _, k := range z.keep {
		out = append(out, f[k])
	}
	return out
}

// TestLearnedCV (PAIRS_LEARN=1) cross-validates a logistic pair scorer
// in place of score + order bonus on the tune pairs, 5 folds (k%5 of the
// label's place, as TestTuneCV); the threshold is chosen on the training
// folds. The blind rounds are reported apart.
func TestLearnedCV(t *testing.T) {
	if os.Getenv("PAIRS_LEARN") == "" {
		t.Skip("PAIRS_LEARN=1 cross-validates a learned pair scorer")
	}
	docs := readFrozen(t, "gwr-2024-2025.analyses.jsonl")
	var labels []labelledPair
	for _, l := range readPairs(t) {
		if l.split == "tune" {
			labels = append(labels, l)
		}
	}
	blind := func(k int) bool { return labels[k].k >= 222 }
	c := NewComparer(opts(t))
	gold, which := map[int]int{}, map[int]int{}
	for k, l := range labels {
		gold[l.a], which[l.a] = l.b, k
	}
	sa, sb := c.sidesOf(Single(docs[0])), c.sidesOf(Single(docs[1]))
	z := &featurizer{c: c, bestA: map[int]float64{}, bestB: map[int]float64{}}
	if f := os.Getenv("PAIRS_FEATS"); f != "" {
		for _, x := range strings.Split(f, ",") {
			n, _ := strconv.Atoi(x)
			z.keep = append(z.keep, n)
		}
	}
	z.pa, _ = relPlace(sa)
	z.pb, _ = relPlace(sb)
	for _, x := range c.w.placed(sa, sb, c.allCandidates(sa, sb)) {
		z.bestA[x.i] = max(z.bestA[x.i], x.score)
		z.bestB[x.j] = max(z.bestB[x.j], x.score)
	}
	var ex []example
	c.w.rescore = func(sa, sb []*side, bone []int, x cand) float64 {
		if g, ok := gold[x.i]; ok {
			y := 0.0
			if g == x.j {
				y = 1
			}
			ex = append(ex, example{z.of(sa, sb, bone, x), y, which[x.i]})
		}
		return x.score + c.w.bonus*c.w.inOrder(sa, sb, bone, x.i, x.j)
	}
	base := outcomes(t, c, docs, labels)
	t.Logf("current %s; %d candidate rows", pr(base, blind), len(ex))
	const folds = 5
	var ths []float64
	for th := 0.05; th < 0.8; th += 0.025 {
		ths = append(ths, th)
	}
	for _, l2 := range []float64{0, 0.0001, 0.001, 0.01, 0.1} {
		out := make([][3]int, len(labels))
		var picked []string
		for f := 0; f < folds; f++ {
			var train []example
			for _, e := range ex {
				if e.k%folds != f {
					train = append(train, e)
				}
			}
			w := fitLogistic(train, l2)
			c.w.rescore = func(sa, sb []*side, bone []int, x cand) float64 {
				return sigmoid(dotv(w, z.of(sa, sb, bone, x)))
			}
			best, bestV, bestT := [][3]int(nil), -1.0, 0.0
			for _, th := range ths {
				c.o.MinScore = th
				o := outcomes(t, c, docs, labels)
				if v, _ := minPR(o, func(k int) bool { return k%folds != f }); v > bestV {
					best, bestV, bestT = o, v, th
				}
			}
			for k := f; k < len(out); k += folds {
				out[k] = best[k]
			}
			picked = append(picked, fmt.Sprintf("%.2f", bestT))
			c.o.MinScore = DefaultMinScore
		}
		t.Logf("l2 %.3f: 5-fold %s thresholds %v", l2, pr(out, blind), picked)
	}
	c.w.rescore = nil
	w := fitLogistic(ex, 0.01)
	t.Logf("weights on all (bias cos lcs dice act head order nobone len shift score diag bestA bestB): %.2f", w)
}
