package compare

import (
	"math"
	"sort"
)

// Assoc is a learned association: word A of a directive is rewritten as
// word B in its counterpart of the next report (or the other way round),
// with a strength of 0 to 1 and the number of aligned pairs that show it.
type Assoc struct {
	A, B  string
	Score float64
	N     int
}

// AssocConfig sets how associations are learned: pairs scoring at least
// MinPair (without the order bonus) are confident; a word pair needs MinN
// confident pairs rewriting one into the other and a strength of MinAssoc;
// each word keeps its Top best associates.
type AssocConfig struct {
	MinPair, MinAssoc float64
	MinN, Top         int
	// IBM: strength from IBM model 1 translation probabilities, trained
	// both ways on the confident pairs (whole word sets), the geometric
	// mean of t(b|a) and t(a|b), instead of the swap counts.
	IBM bool
}

// LearnAssociations aligns each consecutive pair of periods (skip leaves
// some out: those the labelled pairs come from) and counts, over the
// confident pairs that are not word for word the same, which content word
// of one side stands where the other side has another: in a pair, a word
// of A missing from B and a word of B missing from A. Strength is the
// count over the geometric mean of the two words' counts of being
// replaced (symmetric: a rewording reads both ways).
func LearnAssociations(periods []Period, o Options, skip func(a, b Period) bool, cfg AssocConfig) []Assoc {
	c := NewComparer(o)
	pairN := map[[2]string]int{}
	wordN := map[string]int{}
	var bitext [][2][]string
	for k := 0; k+1 < len(periods); k++ {
		a, b := periods[k], periods[k+1]
		if skip != nil && skip(a, b) {
			continue
		}
		c.keepOnly(a, b)
		c.warm(append(append(a.Docs[:0:0], a.Docs...), b.Docs...))
		sa, sb := c.sidesOf(a), c.sidesOf(b)
		pairOf, scores := c.align(sa, sb)
		for i, j := range pairOf {
			if j < 0 || scores[i] < cfg.MinPair || sa[i].core == sb[j].core {
				continue
			}
			countSwaps(sa[i], sb[j], pairN, wordN)
			bitext = append(bitext, [2][]string{sa[i].terms, sb[j].terms})
		}
	}
	if cfg.IBM {
		return rankIBM(bitext, pairN, cfg)
	}
	return rankAssoc(pairN, wordN, cfg)
}

// countSwaps counts each word of x missing from y against each word of y
// missing from x, both ways.
func countSwaps(x, y *side, pairN map[[2]string]int, wordN map[string]int) {
	ox, oy := only(x, y), only(y, x)
	if len(ox) == 0 || len(oy) == 0 {
		return
	}
	for _, a := range ox {
		wordN[a]++
	}
	for _, b := range oy {
		wordN[b]++
	}
	for _, a := range ox {
		for _, b := range oy {
			pairN[[2]string{a, b}]++
			pairN[[2]string{b, a}]++
		}
	}
}

// only lists the terms of x that y lacks (both sorted).
func only(x, y *side) []string {
	var out []string
	for _, t := range x.terms {
		if k := sort.SearchStrings(y.terms, t); k == len(y.terms) || y.terms[k] != t {
			out = append(out, t)
		}
	}
	return out
}

// rankAssoc keeps, for each word, its Top associates above the thresholds,
// in a fixed order (word, then strength, then associate).
func rankAssoc(pairN map[[2]string]int, wordN map[string]int, cfg AssocConfig) []Assoc {
	by := map[string][]Assoc{}
	for p, n := range pairN {
		if n < cfg.MinN {
			continue
		}
		s := float64(n) / math.Sqrt(float64(wordN[p[0]])*float64(wordN[p[1]]))
		if s >= cfg.MinAssoc {
			by[p[0]] = append(by[p[0]], Assoc{A: p[0], B: p[1], Score: math.Round(s*1000) / 1000, N: n})
		}
	}
	return topSorted(by, cfg.Top)
}

// topSorted keeps each word's top associates, in a fixed order.
func topSorted(by map[string][]Assoc, top int) []Assoc {
	var out []Assoc
	for _, as := range by {
		sort.Slice(as, func(i, j int) bool {
			if as[i].Score != as[j].Score {
				return as[i].Score > as[j].Score
			}
			return as[i].B < as[j].B
		})
		out = append(out, as[:min(len(as), top)]...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].B < out[j].B
	})
	return out
}

// rankIBM trains IBM model 1 both ways (five EM rounds from uniform, a
// NULL word on the source side) and scores a swapped word pair by the
// geometric mean of its two translation probabilities.
func rankIBM(bitext [][2][]string, pairN map[[2]string]int, cfg AssocConfig) []Assoc {
	fwd := ibm1(bitext, 0)
	bwd := ibm1(bitext, 1)
	pn := map[[2]string]int{}
	for p, n := range pairN {
		if n < cfg.MinN {
			continue
		}
		s := math.Sqrt(fwd[p] * bwd[[2]string{p[1], p[0]}])
		if s < cfg.MinAssoc {
			continue
		}
		pn[p] = int(math.Round(s * 1e6))
	}
	return rankScored(pn, pairN, cfg)
}

// rankScored keeps, for each word, its Top associates by a score given
// in millionths.
func rankScored(scored map[[2]string]int, pairN map[[2]string]int, cfg AssocConfig) []Assoc {
	by := map[string][]Assoc{}
	for p, v := range scored {
		by[p[0]] = append(by[p[0]], Assoc{A: p[0], B: p[1], Score: math.Round(float64(v)/1000) / 1000, N: pairN[p]})
	}
	return topSorted(by, cfg.Top)
}

// ibm1 estimates t(target|source) over the pairs (src side s of each).
func ibm1(bitext [][2][]string, s int) map[[2]string]float64 {
	const null = "\x00"
	t := map[[2]string]float64{}
	init := 1.0
	for round := 0; round < 5; round++ {
		count := map[[2]string]float64{}
		total := map[string]float64{}
		for _, bt := range bitext {
			src := append([]string{null}, bt[s]...)
			for _, f := range bt[1-s] {
				z := 0.0
				for _, e := range src {
					z += prob(t, e, f, round, init)
				}
				for _, e := range src {
					c := prob(t, e, f, round, init) / z
					count[[2]string{e, f}] += c
					total[e] += c
				}
			}
		}
		t = map[[2]string]float64{}
		for k, c := range count {
			t[k] = c / total[k[0]]
		}
	}
	return t
}

func prob(t map[[2]string]float64, e, f string, round int, init float64) float64 {
	if round == 0 {
		return init
	}
	return t[[2]string{e, f}]
}
