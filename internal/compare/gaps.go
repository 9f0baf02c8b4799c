package compare

// fillGaps is the last round: between two aligned neighbours whose
// counterparts keep their order, the directives left alone on each side
// (at most w.fillGap on either) are paired, keeping their order, when they
// score above w.fillMin. A report revised in place rewrites a directive
// more than its words tell (提高政务服务水平 → 完善覆盖全国的一体化在线政务
// 服务平台, 始终把饭碗牢牢端在自己手上 → 共同把饭碗端得更牢): its place
// between two kept neighbours is the evidence the words lack.
func (c *Comparer) fillGaps(sa, sb []*side, pairOf []int, scores []float64) {
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
		if hi < 0 {
			break
		}
		if lo >= 0 {
			c.fillGap(sa, sb, pairOf, scores, taken, lo, hi)
		}
		i = hi
	}
}

// fillGap pairs the lone directives between the aligned lo and hi.
func (c *Comparer) fillGap(sa, sb []*side, pairOf []int, scores []float64, taken []bool, lo, hi int) {
	jl, jh := pairOf[lo], pairOf[hi]
	if jl >= jh || !sameDocs(sa, sb, lo, hi, jl, jh) {
		return
	}
	la, lb := lone(pairOf, lo, hi), free(taken, jl, jh)
	if len(la) > c.w.fillGap || len(lb) > c.w.fillGap {
		return
	}
	for _, k := range c.gapPairs(sa, sb, la, lb) {
		pairOf[k.i], scores[k.i], taken[k.j] = k.j, k.score, true
	}
}

// lone lists the directives of A between lo and hi that have no pair.
func lone(pairOf []int, lo, hi int) []int {
	var out []int
	for p := lo + 1; p < hi; p++ {
		if pairOf[p] < 0 {
			out = append(out, p)
		}
	}
	return out
}

// free lists the directives of B between jl and jh that no one holds.
func free(taken []bool, jl, jh int) []int {
	var out []int
	for q := jl + 1; q < jh; q++ {
		if !taken[q] {
			out = append(out, q)
		}
	}
	return out
}

// sameDocs tells whether both neighbours of a gap lie in one document on
// each side: a gap never spans two documents of a period.
func sameDocs(sa, sb []*side, lo, hi, jl, jh int) bool {
	return sa[lo].doc == sa[hi].doc && sb[jl].doc == sb[jh].doc
}

// gapPairs pairs the lone directives la of A with lb of B, one to one,
// keeping their order, above w.fillMin: of such sets, the one with the
// largest total score (a small longest-path table: gaps are short).
func (c *Comparer) gapPairs(sa, sb []*side, la, lb []int) []cand {
	sc := make([][]float64, len(la))
	for p, i := range la {
		sc[p] = make([]float64, len(lb))
		for q, j := range lb {
			x, y := sa[i], sb[j]
			if s := c.w.score(cosine(x, y), c.lcs.ratio(x.core, y.core)); s > c.w.fillMin {
				sc[p][q] = s
			}
		}
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

// cosine is the weighted cosine of two sides' terms (both sorted): for
// the few pairs of a gap, outside the inverted index.
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
