package compare

import (
	"math"

	"github.com/policylens/policylens/internal/semvec"
)

// meaning is what a directive's words mean beyond their spelling: the
// IDF-weighted mean of its words' vectors, and each known word's unit
// vector with its IDF for word-by-word matching. Words learned from the
// work reports' contexts bring 加大宏观调控力度 near 实施更加积极有为的宏观
// 政策, which share no content word.
type meaning struct {
	mean []float32   // nil: no word known
	vecs [][]float32 // one per known word (distinct)
	idf  []float64
}

// meaningOf builds a directive's meaning; manner words are left out.
func meaningOf(t *semvec.Table, words []string, iw *idfMemo) meaning {
	var m meaning
	seen := map[string]bool{}
	for _, w := range words {
		if classOf(w) == light || seen[w] {
			continue
		}
		seen[w] = true
		v := make([]float32, t.Dim())
		if !t.Add(v, w, 1) {
			continue
		}
		if m.mean == nil {
			m.mean = make([]float32, t.Dim())
		}
		f := iw.idf(w)
		for k, x := range v {
			m.mean[k] += float32(f) * x
		}
		m.vecs, m.idf = append(m.vecs, v), append(m.idf, f)
	}
	return m
}

// semCos is the cosine of two directives' mean vectors (0 when either
// has none).
func semCos(x, y *side) float64 {
	if x.sem.mean == nil || y.sem.mean == nil {
		return 0
	}
	return semvec.Cosine(x.sem.mean, y.sem.mean)
}

// softMatch matches each word of one directive with its nearest word of
// the other (similarity below floor counts 0) and returns the harmonic
// mean of the two sides' IDF-weighted averages: a synonym counts almost as
// the word itself, a word of the same section much less than in a mean.
func softMatch(x, y *side, floor float64) float64 {
	if x.sem.mean == nil || y.sem.mean == nil {
		return 0
	}
	p, r := nearestAvg(x.sem, y.sem, floor), nearestAvg(y.sem, x.sem, floor)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// nearestAvg is the IDF-weighted mean over a's words of their best
// similarity to a word of b.
func nearestAvg(a, b meaning, floor float64) float64 {
	sum, tot := 0.0, 0.0
	for i, u := range a.vecs {
		best := 0.0
		for _, v := range b.vecs {
			best = max(best, dot(u, v))
		}
		if best < floor {
			best = 0
		}
		sum += a.idf[i] * best
		tot += a.idf[i]
	}
	if tot == 0 {
		return 0
	}
	return math.Min(1, sum/tot)
}

func dot(u, v []float32) float64 {
	s := float32(0)
	for k := range u {
		s += u[k] * v[k]
	}
	return float64(s)
}
