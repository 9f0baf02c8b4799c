package compare

import (
	"slices"
	"sort"
)

// chained pairs directives by a global order-preserving alignment: of the
// candidates scoring above w.chainMin (order bonus included), the chain
// in which both sides increase with the largest total of score −
// w.chainMin (a sparse Needleman–Wunsch without gap costs: a revision
// inserts and deletes freely). A same-topic successor in place then wins
// over a closer look-alike that would cross its neighbours. Candidates off
// the chain (a moved section, a look-alike elsewhere) are taken after,
// best first, one to one, above MinScore + w.moveMargin.
func (c *Comparer) chained(sa, sb []*side, ranked []cand) (pairOf []int, scores []float64) {
	pairOf = make([]int, len(sa))
	scores = make([]float64, len(sa))
	for i := range pairOf {
		pairOf[i] = -1
	}
	taken := make([]bool, len(sb))
	chain := maxChain(ranked, c.w.chainMin, len(sb))
	if c.w.chainSpan > 0 {
		chain = c.w.gapChain(ranked, c.w.chainMin, len(sb))
	}
	for _, k := range chain {
		pairOf[k.i], taken[k.j], scores[k.i] = k.j, true, k.score
	}
	for _, k := range ranked {
		if k.score > c.o.MinScore+c.w.moveMargin && pairOf[k.i] < 0 && !taken[k.j] {
			pairOf[k.i], taken[k.j], scores[k.i] = k.j, true, k.score
		}
	}
	return pairOf, scores
}

// maxChain is the chain of candidates above min, increasing in both i
// and j, with the largest total of score − min: cells by i, a Fenwick
// tree of the best total over j for the rows before.
func maxChain(cands []cand, min float64, nb int) []cand {
	var cells []cand
	for _, k := range cands {
		if k.score > min {
			cells = append(cells, k)
		}
	}
	sort.Slice(cells, func(p, q int) bool {
		if cells[p].i != cells[q].i {
			return cells[p].i < cells[q].i
		}
		return cells[p].j < cells[q].j
	})
	f := make([]float64, len(cells))
	prev := make([]int, len(cells))
	tree := newMaxTree(nb)
	for start := 0; start < len(cells); {
		end := start
		for end < len(cells) && cells[end].i == cells[start].i {
			end++
		}
		for k := start; k < end; k++ { // query all of the row before updating: one pair per i
			v, at := tree.best(cells[k].j) // j' < j
			f[k], prev[k] = cells[k].score-min, -1
			if at >= 0 {
				f[k], prev[k] = f[k]+v, at
			}
		}
		for k := start; k < end; k++ {
			tree.put(cells[k].j, f[k], k)
		}
		start = end
	}
	best := -1
	for k := range cells {
		if best < 0 || f[k] > f[best] {
			best = k
		}
	}
	var out []cand
	for k := best; k >= 0; k = prev[k] {
		out = append(out, cells[k])
	}
	return out
}

// maxTree is a Fenwick tree of prefix maxima (value and cell).
type maxTree struct {
	v  []float64
	at []int
}

func newMaxTree(n int) *maxTree {
	t := &maxTree{v: make([]float64, n+1), at: make([]int, n+1)}
	for i := range t.at {
		t.at[i] = -1
	}
	return t
}

// put records value v of cell k at position j.
func (t *maxTree) put(j int, v float64, k int) {
	for p := j + 1; p < len(t.v); p += p & -p {
		if t.at[p] < 0 || v > t.v[p] {
			t.v[p], t.at[p] = v, k
		}
	}
}

// best is the largest value at positions below j (-1: none).
func (t *maxTree) best(j int) (float64, int) {
	v, at := 0.0, -1
	for p := j; p > 0; p -= p & -p {
		if t.at[p] >= 0 && (at < 0 || t.v[p] > v) {
			v, at = t.v[p], t.at[p]
		}
	}
	return v, at
}

// gapChain is maxChain with gap costs: a pair that follows a chained pair
// at most w.chainSpan directives before it in A pays w.chainSkew for each
// directive its distance in B differs (a revision inserts and deletes a
// few, it does not reorder), and any other predecessor pays w.chainJump.
func (w weights) gapChain(cands []cand, min float64, nb int) []cand {
	var cells []cand
	for _, k := range cands {
		if k.score > min {
			cells = append(cells, k)
		}
	}
	sort.Slice(cells, func(p, q int) bool {
		if cells[p].i != cells[q].i {
			return cells[p].i < cells[q].i
		}
		return cells[p].j < cells[q].j
	})
	f := make([]float64, len(cells))
	prev := make([]int, len(cells))
	tree := newMaxTree(nb)
	lo := 0 // first cell within chainSpan rows
	for start := 0; start < len(cells); {
		end := start
		for end < len(cells) && cells[end].i == cells[start].i {
			end++
		}
		for lo < start && cells[lo].i < cells[start].i-w.chainSpan {
			lo++
		}
		for k := start; k < end; k++ {
			x := cells[k]
			f[k], prev[k] = x.score-min, -1
			if v, at := tree.best(x.j); at >= 0 && v-w.chainJump > 0 {
				f[k], prev[k] = x.score-min+v-w.chainJump, at
			}
			for p := lo; p < start; p++ {
				y := cells[p]
				if y.j >= x.j {
					continue
				}
				skew := abs((x.i - y.i) - (x.j - y.j))
				if v := x.score - min + f[p] - w.chainSkew*float64(skew); v > f[k] {
					f[k], prev[k] = v, p
				}
			}
		}
		for k := start; k < end; k++ {
			tree.put(cells[k].j, f[k], k)
		}
		start = end
	}
	best := -1
	for k := range cells {
		if best < 0 || f[k] > f[best] {
			best = k
		}
	}
	var out []cand
	for k := best; k >= 0; k = prev[k] {
		out = append(out, cells[k])
	}
	return out
}

// movedBlocks finds the sections a revision moved: the first round's
// pairs off the backbone, their longest chain in which both sides
// increase, cut where two pairs are more than w.blockGap apart on either
// side; runs of at least w.blockMin pairs are kept, each as a pairOf of
// its own (-1 elsewhere). Two passes: a second moved section is found
// after the first. 2024's 着力扩大国内需求 (A 266–312) is 2025's first task
// (B 100–180), its order kept inside.
func (w weights) movedBlocks(first, bone []int) [][]int {
	if w.blockMin <= 0 {
		return nil
	}
	rest := slices.Clone(first)
	for i, j := range bone {
		if j >= 0 {
			rest[i] = -1
		}
	}
	var out [][]int
	for pass := 0; pass < 2; pass++ {
		chain := backbone(rest)
		var run []int // indexes of A of the current run
		flush := func() {
			if len(run) >= w.blockMin {
				b := make([]int, len(first))
				for i := range b {
					b[i] = -1
				}
				for _, i := range run {
					b[i], rest[i] = chain[i], -1
				}
				out = append(out, b)
			}
			run = run[:0]
		}
		for i, j := range chain {
			if j < 0 {
				continue
			}
			if n := len(run); n > 0 && (i-run[n-1] > w.blockGap || j-chain[run[n-1]] > w.blockGap) {
				flush()
			}
			run = append(run, i)
		}
		flush()
	}
	return out
}

// orderOf is the order value of (i, j): the best of its place against the
// backbone and against each moved block.
func (w weights) orderOf(sa, sb []*side, bone []int, blocks [][]int, i, j int) float64 {
	v := w.inOrder(sa, sb, bone, i, j)
	for _, b := range blocks {
		v = max(v, w.inOrder(sa, sb, b, i, j))
	}
	return v
}
