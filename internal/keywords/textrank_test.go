package keywords

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// simpleTextRank is TextRank as it was written before the counting sort:
// each term's in-edges sorted by source, the scores in a map by term.
func simpleTextRank(seqs [][]string, window, iters int) map[string]float64 {
	id := map[string]int32{}
	var names []string
	edges := map[uint64]int32{}
	for _, seq := range seqs {
		var ids []int32
		for _, t := range seq {
			n, ok := id[t]
			if !ok {
				n = int32(len(names))
				id[t] = n
				names = append(names, t)
			}
			ids = append(ids, n)
		}
		for i, x := range ids {
			for j := i + 1; j < len(ids) && j < i+window; j++ {
				if y := ids[j]; x != y {
					edges[uint64(min(x, y))<<32|uint64(max(x, y))]++
				}
			}
		}
	}
	n := len(names)
	in := make([][]rankEdge, n)
	outW := make([]float64, n)
	for k, c := range edges {
		x, y, w := int32(k>>32), int32(uint32(k)), float64(c)
		in[y] = append(in[y], rankEdge{x, w})
		in[x] = append(in[x], rankEdge{y, w})
		outW[x] += w
		outW[y] += w
	}
	for x := range in {
		slices.SortFunc(in[x], func(p, q rankEdge) int { return int(p.from - q.from) })
		for i := range in[x] {
			in[x][i].w /= outW[in[x][i].from]
		}
	}
	score := make([]float64, n)
	for i := range score {
		score[i] = 1
	}
	next := make([]float64, n)
	for range iters {
		for x := range next {
			s := 0.0
			for _, e := range in[x] {
				s += e.w * score[e.from]
			}
			next[x] = 0.15 + 0.85*s
		}
		score, next = next, score
	}
	out := make(map[string]float64, n)
	for i, t := range names {
		out[t] = score[i]
	}
	return out
}

// TestTextRankAsSimple checks the accumulator's TextRank (ids from
// addStats, in-edges by counting sort) against the simple one, to the
// last bit, on random texts.
func TestTextRankAsSimple(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 10))
	for trial := range 200 {
		vocab := 1 + r.IntN(60)
		seqs := make([][]string, r.IntN(30))
		for i := range seqs {
			seqs[i] = make([]string, r.IntN(12))
			for j := range seqs[i] {
				seqs[i][j] = "t" + strconv.Itoa(r.IntN(vocab))
			}
		}
		got, want := textRank(seqs, 5, 20), simpleTextRank(seqs, 5, 20)
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d terms, want %d", trial, len(got), len(want))
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("trial %d: %s %v, want %v", trial, k, got[k], v)
			}
		}
	}
}

// TestAccumulatorIDs checks that a term's id is its index in all, and
// that addStats hands addEdges each sentence's kept candidates.
func TestAccumulatorIDs(t *testing.T) {
	a := &Accumulator{st: map[string]*termStat{}, edges: map[uint64]int32{}}
	seqs := [][]cand{
		{{text: "甲", kept: true}, {text: "乙"}, {text: "丙", kept: true}},
		{},
		{{text: "丙", kept: true}, {text: "甲", kept: true}},
	}
	ids := a.addStats(seqs, nil)
	if want := []int32{0, 1, -1, -1, 1, 0, -1}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
	for i, term := range a.all {
		if a.st[term].id != int32(i) {
			t.Errorf("%s: id %d, index %d", term, a.st[term].id, i)
		}
	}
	for range 600 { // past a chunk of termStats
		a.addStats([][]cand{{{text: "t" + strconv.Itoa(len(a.all)), kept: true}}}, nil)
	}
	for i, term := range a.all {
		if s := a.st[term]; s.id != int32(i) || s.count != 1+btoi(i < 2) {
			t.Fatalf("%s: id %d count %d, index %d", term, s.id, s.count, i)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
