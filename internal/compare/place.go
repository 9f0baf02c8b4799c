package compare

import (
	"math"
	"slices"
)

// placed lowers by w.shiftPen the candidates that moved more than w.shift
// of their document's length, when each side is one document: a look-alike
// at the other end of the report (增进民生福祉 in the opening summary,
// 增进两岸同胞福祉 in the closing part on Taiwan) is not the directive's
// counterpart, while a revision moves sections by a sixth of the text at
// most. Two periods of several documents keep the scores: places in
// different documents do not compare.
func (w weights) placed(sa, sb []*side, cands []cand) []cand {
	out := slices.Clone(cands)
	pa, oneA := relPlace(sa)
	pb, oneB := relPlace(sb)
	if w.shiftPen == 0 || !oneA || !oneB {
		return out
	}
	for k, x := range out {
		if math.Abs(pa[x.i]-pb[x.j]) > w.shift {
			out[k].score -= w.shiftPen
		}
	}
	return out
}

// relPlace is each directive's place in its document, 0 to 1, and whether
// the sides hold one document only.
func relPlace(s []*side) ([]float64, bool) {
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
		one = one && start == 0
		start = end
	}
	return out, one
}
