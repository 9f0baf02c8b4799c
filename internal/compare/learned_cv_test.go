package compare

import (
	"fmt"
	"math"
	"os"
	"testing"
)

// pairFeatures describes candidate (i, j) for a learned scorer.
func (c *Comparer) pairFeatures(sa, sb []*side, bone []int, x cand, pa, pb []float64) []float64 {
	a, b := sa[x.i], sb[x.j]
	cos := cosine(a, b)
	lcs := c.lcs.ratio(a.core, b.core)
	la, lb := float64(len([]rune(a.core))), float64(len([]rune(b.core)))
	same := func(p, q string) float64 {
		if p != "" && p == q {
			return 1
		}
		return 0
	}
	order := c.w.inOrder(sa, sb, bone, x.i, x.j)
	noBone := 0.0
	if lo, hi := neighbours(bone, x.i); lo < 0 || hi < 0 {
		noBone = 1
	}
	return []float64{1, cos, lcs, dice(a.core, b.core), same(classOf(normText(a.d.Action)), classOf(normText(b.d.Action))),
		same(head(a.d.Object), head(b.d.Object)), order, noBone, min(la, lb) / max(la, lb, 1), math.Abs(pa[x.i] - pb[x.j])}
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

// fitLogistic trains an L2-regularized logistic regression by full-batch
// gradient descent from zero: deterministic.
func fitLogistic(ex []example, l2 float64) []float64 {
	if len(ex) == 0 {
		return nil
	}
	w := make([]float64, len(ex[0].f))
	g := make([]float64, len(w))
	pos := 0.0
	for _, e := range ex {
		pos += e.y
	}
	wpos := 1.0
	if os.Getenv("PAIRS_BALANCE") != "" {
		wpos = (float64(len(ex)) - pos) / max(pos, 1) // balance classes
	}
	for it := 0; it < 3000; it++ {
		clear(g)
		for _, e := range ex {
			p := sigmoid(dotv(w, e.f))
			cw := 1.0
			if e.y == 1 {
				cw = wpos
			}
			for d := range w {
				g[d] += cw * (p - e.y) * e.f[d]
			}
		}
		for d := range w {
			reg := l2 * w[d]
			if d == 0 {
				reg = 0
			}
			w[d] -= 0.5 * (g[d]/float64(len(ex)) + reg)
		}
	}
	return w
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dotv(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// TestLearnedCV (PAIRS_LEARN=1) cross-validates a logistic pair scorer
// in place of score + order bonus on the tune pairs, 5 folds; the
// threshold is chosen on the training folds.
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
	c := NewComparer(opts(t))
	gold := map[int]int{}
	which := map[int]int{}
	for k, l := range labels {
		gold[l.a], which[l.a] = l.b, k
	}
	// collect the candidates' features of labelled directives
	var ex []example
	c.w.rescore = func(sa, sb []*side, bone []int, x cand, s float64) float64 {
		if g, ok := gold[x.i]; ok {
			pa, _ := relPos(sa)
			pb, _ := relPos(sb)
			y := 0.0
			if g == x.j {
				y = 1
			}
			ex = append(ex, example{append(c.pairFeatures(sa, sb, bone, x, pa, pb), s), y, which[x.i]})
		}
		return s
	}
	base := outcomes(t, c, docs, labels)
	_, s0 := minPR(base, all)
	t.Logf("current P %.3f R %.3f; %d candidate rows", s0.p(), s0.r(), len(ex))
	const folds = 5
	for _, l2 := range []float64{0.001, 0.01, 0.1} {
		var total pairScore
		var picked []string
		for f := 0; f < folds; f++ {
			var train []example
			for _, e := range ex {
				if e.k%folds != f {
					train = append(train, e)
				}
			}
			w := fitLogistic(train, l2)
			var pa, pb []float64
			c.w.rescore = func(sa, sb []*side, bone []int, x cand, s float64) float64 {
				if pa == nil {
					pa, _ = relPos(sa)
					pb, _ = relPos(sb)
				}
				return sigmoid(dotv(w, append(c.pairFeatures(sa, sb, bone, x, pa, pb), s)))
			}
			best, bestV, bestT := [][3]int(nil), -1.0, 0.0
			for _, th := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8} {
				c.o.MinScore = th
				pa = nil
				o := outcomes(t, c, docs, labels)
				if v, _ := minPR(o, func(k int) bool { return k%folds != f }); v > bestV {
					best, bestV, bestT = o, v, th
				}
			}
			_, s := minPR(best, func(k int) bool { return k%folds == f })
			total.tp, total.fp, total.fn = total.tp+s.tp, total.fp+s.fp, total.fn+s.fn
			picked = append(picked, fmt.Sprintf("%.2f", bestT))
			c.o.MinScore = DefaultMinScore
		}
		t.Logf("l2 %.3f: 5-fold P %.3f R %.3f (tp %d fp %d fn %d) thresholds %v", l2, total.p(), total.r(), total.tp, total.fp, total.fn, picked)
	}
	c.w.rescore = nil
	w := fitLogistic(ex, 0.01)
	t.Logf("weights on all (bias cos lcs dice act head order nobone len shift score): %.2f", w)
}
