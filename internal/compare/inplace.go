package compare

// inPlace adds candidates that share too few words to be found through
// the index but sit where the backbone expects the directive's counterpart
// (at most w.near directives off) and mean the same (word vectors): a
// directive revised in place (加大宏观调控力度 → 实施更加积极有为的宏观
// 政策) says in other words what its place and its meaning tell. Their
// score is the usual one plus w.near's weight of the meaning's similarity.
func (c *Comparer) inPlace(sa, sb []*side, bone []int, cands []cand) []cand {
	if c.w.nearSem == 0 && c.w.nearCtx == 0 {
		return cands
	}
	known := map[[2]int]bool{}
	for _, k := range cands {
		known[[2]int{k.i, k.j}] = true
	}
	out := cands
	for i := range sa {
		lo, hi := neighbours(bone, i)
		if lo < 0 || hi < 0 || bone[i] >= 0 {
			continue
		}
		for _, e := range []int{bone[lo] + i - lo, bone[hi] - (hi - i)} {
			for j := max(0, e-c.w.near); j <= min(len(sb)-1, e+c.w.near); j++ {
				if known[[2]int{i, j}] {
					continue
				}
				known[[2]int{i, j}] = true
				x, y := sa[i], sb[j]
				s := c.w.score(cosine(x, y), c.lcs.ratio(x.core, y.core)) + c.w.nearSem*c.w.semSim(x, y) + c.w.nearCtx*ctxCos(x, y) - c.w.nearCut
				if s > c.o.MinScore-c.w.bonus {
					out = append(out, cand{i, j, s})
				}
			}
		}
	}
	return out
}
