package compare

import (
	"math"
	"slices"
)

// reweigh multiplies each term's weight by its rarity among the compared
// directives, log((N+1)/df)^alpha: words every other directive of the two
// reports uses (发展, 高质量发展) say less about which two are one.
func reweigh(sa, sb []*side, alpha float64) ([]*side, []*side) {
	if alpha == 0 {
		return sa, sb
	}
	df := map[string]int{}
	for _, s := range [][]*side{sa, sb} {
		for _, x := range s {
			for _, t := range x.terms {
				df[t]++
			}
		}
	}
	n := float64(len(sa) + len(sb) + 1)
	re := func(s []*side) []*side {
		out := make([]*side, len(s))
		for i, x := range s {
			y := *x
			y.weight, y.norm = make([]float64, len(x.weight)), 0
			for k, t := range x.terms {
				y.weight[k] = x.weight[k] * math.Pow(math.Log(n/float64(df[t])), alpha)
				y.norm += y.weight[k] * y.weight[k]
			}
			y.norm = math.Sqrt(y.norm)
			out[i] = &y
		}
		return out
	}
	return re(sa), re(sb)
}

// fillGaps pairs lone directives between two aligned neighbours when
// both gaps hold as many lone directives (at most maxGap), position by
// position, if they score above min.
func (c *Comparer) fillGaps(sa, sb []*side, pairOf []int, scores []float64, min float64, maxGap int) {
	taken := make([]bool, len(sb))
	for _, j := range pairOf {
		if j >= 0 {
			taken[j] = true
		}
	}
	for i := 0; i < len(pairOf); i++ {
		if pairOf[i] >= 0 {
			continue
		}
		lo, hi := neighbours(pairOf, i)
		if lo < 0 || hi < 0 || pairOf[lo] >= pairOf[hi] {
			continue
		}
		var la, lb []int
		for p := lo + 1; p < hi; p++ {
			if pairOf[p] < 0 {
				la = append(la, p)
			}
		}
		for q := pairOf[lo] + 1; q < pairOf[hi]; q++ {
			if !taken[q] {
				lb = append(lb, q)
			}
		}
		if len(la) > maxGap || len(lb) > maxGap || len(lb) == 0 {
			i = hi
			continue
		}
		for _, k := range c.gapPairs(sa, sb, la, lb, lo, pairOf[lo], min) {
			pairOf[k.i], scores[k.i], taken[k.j] = k.j, k.score, true
		}
		i = hi
	}
}

// cosine is the weighted cosine of two sides' terms (both sorted).
func cosine(x, y *side) float64 {
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	dot := 0.0
	for p, q := 0, 0; p < len(x.terms) && q < len(y.terms); {
		switch {
		case x.terms[p] == y.terms[q]:
			dot += x.weight[p] * y.weight[q]
			p++
			q++
		case x.terms[p] < y.terms[q]:
			p++
		default:
			q++
		}
	}
	return dot / (x.norm * y.norm)
}

// relPos is each directive's place in its document, 0 to 1, and whether
// the sides hold one document only.
func relPos(s []*side) ([]float64, bool) {
	out := make([]float64, len(s))
	one := true
	for start := 0; start < len(s); {
		end := start
		for end < len(s) && s[end].doc == s[start].doc {
			end++
		}
		for i := start; i < end; i++ {
			out[i] = float64(i-start) / float64(max(1, end-start-1))
		}
		if start > 0 {
			one = false
		}
		start = end
	}
	return out, one
}

// shifted lowers the candidates of two single documents that moved more
// than w.shift of the document's length.
func (w weights) shifted(sa, sb []*side, cands []cand) []cand {
	out := slices.Clone(cands)
	pa, oa := relPos(sa)
	pb, ob := relPos(sb)
	if w.shiftPen == 0 || !oa || !ob {
		return out
	}
	for k, x := range out {
		if math.Abs(pa[x.i]-pb[x.j]) > w.shift {
			out[k].score -= w.shiftPen
		}
	}
	return out
}

// gapPairs pairs the lone directives la of A with lb of B, one to one,
// above min: best first, or (fillDP) the set that keeps their order with
// the largest total score.
func (c *Comparer) gapPairs(sa, sb []*side, la, lb []int, lo, jl int, min float64) []cand {
	sc := make([][]float64, len(la))
	var cs []cand
	for p, i := range la {
		sc[p] = make([]float64, len(lb))
		for q, j := range lb {
			x, y := sa[i], sb[j]
			sc[p][q] = -1
			if x.doc != sa[lo].doc || y.doc != sb[jl].doc {
				continue
			}
			cos := cosine(x, y)
			if cos == 0 && c.w.fillShared {
				continue
			}
			if s := c.w.score(cos, c.lcs.ratio(x.core, y.core)); s > min {
				sc[p][q] = s
				cs = append(cs, cand{i, j, s})
			}
		}
	}
	if !c.w.fillDP {
		sortCands(cs)
		var out []cand
		usedA, usedB := map[int]bool{}, map[int]bool{}
		for _, k := range cs {
			if !usedA[k.i] && !usedB[k.j] {
				usedA[k.i], usedB[k.j] = true, true
				out = append(out, k)
			}
		}
		return out
	}
	f := make([][]float64, len(la)+1)
	for p := range f {
		f[p] = make([]float64, len(lb)+1)
	}
	for p := 1; p <= len(la); p++ {
		for q := 1; q <= len(lb); q++ {
			f[p][q] = max(f[p-1][q], f[p][q-1])
			if s := sc[p-1][q-1]; s > 0 {
				f[p][q] = max(f[p][q], f[p-1][q-1]+s)
			}
		}
	}
	var out []cand
	for p, q := len(la), len(lb); p > 0 && q > 0; {
		switch {
		case f[p][q] == f[p-1][q]:
			p--
		case f[p][q] == f[p][q-1]:
			q--
		default:
			out = append(out, cand{la[p-1], lb[q-1], sc[p-1][q-1]})
			p, q = p-1, q-1
		}
	}
	return out
}
