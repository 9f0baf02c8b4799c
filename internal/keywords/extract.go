package keywords

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

//go:generate go run ./genidf -corpus ../../../shared/corpus -out ../../lexicons
//go:generate go run ./gencdf
//go:generate go run ./train
//go:generate go run ./gencorpus -corpus ../../../shared/corpus

// Extract returns the n best keywords of a document. Candidates are
// content words and merged phrases; a linear model learned from labelled
// keywords (rank_model.tsv) orders the best of them by TF-IDF against a
// policy IDF, TextRank, position, the title, length, part of speech and
// signs of a fragment.
func Extract(doc *segment.Doc, lex *lexicon.Set, n int) []Keyword {
	return ExtractOutside(doc, lex, n, nil)
}

// ExtractOutside is Extract as the analyzer shows the keywords once the
// entities are found: without the pieces of their names (see
// KeywordsOutside), names being entities.NameForms of them.
func ExtractOutside(doc *segment.Doc, lex *lexicon.Set, n int, names []string) []Keyword {
	if n <= 0 {
		return nil
	}
	acc := NewAccumulator(lex, doc.Lang)
	acc.Add(doc)
	return acc.KeywordsOutside(n, names)
}

// rankScored orders the shortlisted candidates by the ranker and keeps the
// n best distinct terms.
func rankScored(cands []Scored, n int, lang string) []Keyword {
	scores := make(map[string]float64, len(cands))
	counts := make(map[string]int, len(cands))
	units := map[string]bool{}
	for _, c := range cands {
		counts[c.Term] = c.Count
		units[c.Term] = c.Unit
		if builtinErr != nil || len(builtin.W) == 0 {
			scores[c.Term] = c.Features[1].Value/2 + c.Features[2].Value/2 // tfidf and textrank alone
			continue
		}
		scores[c.Term] = sigmoid(builtin.Score(c.Features))
	}
	return distinct(Top(scores, counts, len(scores)), n, lang, units)
}

// distinct keeps the n best terms that neither hold nor lie inside a
// better one: 电子烟 once, not again as 电子烟产品 and 电子烟监管. A named
// unit (a law, a body, a place, a person) stands on its own: 安全生产法
// beside 安全生产.
func distinct(ranked []Keyword, n int, lang string, units map[string]bool) []Keyword {
	out := make([]Keyword, 0, n)
	for _, k := range ranked {
		if len(out) == n {
			break
		}
		dup := false
		for _, o := range out {
			if units[k.Term] != units[o.Term] {
				continue
			}
			if containsTerm(o.Term, k.Term, lang) || containsTerm(k.Term, o.Term, lang) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, k)
		}
	}
	return out
}

// shortlist is how many candidates, best by TF-IDF and TextRank, the
// ranker looks at: a keyword outside it has never been seen in the labels.
const shortlist = 60

// Score returns the shortlisted candidates of a document with their
// features, best first by TF-IDF and TextRank: what the ranker orders and
// its trainer learns from.
func Score(doc *segment.Doc, lex *lexicon.Set) []Scored {
	return ScoreWith(doc, lex, builtinKP)
}

// ScoreWith is Score with another keyphrase table than the embedded one:
// the trainer's, which leaves each train document's own keywords out of
// the counts it sees, as a test document's are.
func ScoreWith(doc *segment.Doc, lex *lexicon.Set, kp Keyphrases) []Scored {
	acc := NewAccumulator(lex, doc.Lang)
	acc.kp = kp
	acc.Add(doc)
	return acc.Scored()
}

// isUnit tells the tags the segmenter gives lexicon entities and names.
func isUnit(pos string) bool {
	return len(pos) >= 2 && pos[0] == 'n' && strings.ContainsRune("rstz", rune(pos[1]))
}

// keptTerms is the sequence of kept candidates per sentence.
func keptTerms(seqs [][]cand) [][]string {
	out := make([][]string, len(seqs))
	for i, seq := range seqs {
		for _, c := range seq {
			if c.kept {
				out[i] = append(out[i], c.text)
			}
		}
	}
	return out
}

// surfaceCounts gathers, window by window, how a text writes each English
// word: English terms are counted in lower case; an analyst reads USDS,
// DOGE Team, OSS.
type surfaceCounts struct {
	counts map[string]map[string]int // lower case → capitalized form → occurrences away from a sentence's start
	lower  map[string]int            // occurrences written in lower case
}

// add counts the forms of one window's words.
func (sc surfaceCounts) add(doc *segment.Doc) {
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		si := 0
		for ti, t := range p.Tokens {
			for si < len(p.Sentences) && p.Sentences[si].End <= t.Start {
				si++
			}
			low := strings.ToLower(t.Text)
			if low == t.Text {
				sc.lower[low]++
				continue // lower case is the default form
			}
			if si < len(p.Sentences) && (t.Start == p.Sentences[si].Start || ti > 0 && p.Tokens[ti-1].End <= p.Sentences[si].Start) {
				continue // the first word of a sentence
			}
			if sc.counts[low] == nil {
				sc.counts[low] = map[string]int{}
			}
			sc.counts[low][t.Text]++
		}
	}
}

// best maps each lower-cased English word to the form the text writes most
// often away from a sentence's start (where any word is capitalized); ties
// keep the lower case.
func (sc surfaceCounts) best() map[string]string {
	forms := map[string]string{}
	for low, m := range sc.counts {
		best, n := "", sc.lower[low]
		for f, c := range m {
			if c > n || c == n && best != "" && f < best {
				best, n = f, c
			}
		}
		if best != "" {
			forms[low] = best
		}
	}
	return forms
}

// surfaceForms is best over a whole document.
func surfaceForms(doc *segment.Doc) map[string]string {
	sc := surfaceCounts{counts: map[string]map[string]int{}, lower: map[string]int{}}
	sc.add(doc)
	return sc.best()
}

// IDF returns a term's inverse document frequency from the policy table;
// an unseen term (a merged phrase, a rare word) counts as rare.
func IDF(table *lexicon.IDFTable, term string) float64 {
	if v, ok := table.Get(term); ok {
		return v
	}
	return table.Max()
}

// combine normalizes both rankings to [0,1] and averages them.
func combine(a, b map[string]float64) map[string]float64 {
	return combineNormalized(a, normalize(a), normalize(b))
}

// combineNormalized is combine of a and b given their normalized forms
// na and nb, for a caller that needs them too.
func combineNormalized(a, na, nb map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(a))
	for t := range a {
		out[t] = 0.5*na[t] + 0.5*nb[t]
	}
	return out
}

func normalize(m map[string]float64) map[string]float64 {
	hi := 0.0
	for _, v := range m {
		hi = math.Max(hi, v)
	}
	out := make(map[string]float64, len(m))
	for k, v := range m {
		if hi > 0 {
			out[k] = v / hi
		}
	}
	return out
}

// Top ranks terms by score (rounded to three decimals), then count, then
// term, for a deterministic order, and keeps the n best.
func Top(scores map[string]float64, counts map[string]int, n int) []Keyword {
	out := make([]Keyword, 0, len(scores))
	for t, s := range scores {
		out = append(out, Keyword{Term: t, Score: math.Round(s*1000) / 1000, Count: counts[t]})
	}
	if 0 < n && n < len(out) && n <= maxPicked {
		return pickBest(out, n)
	}
	slices.SortFunc(out, rankOrder)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// rankOrder is Top's order: score, then count, then term. Terms differ, so
// no two keywords tie and any way of sorting gives the same list.
func rankOrder(a, b Keyword) int {
	switch {
	case a.Score != b.Score:
		return cmp.Compare(b.Score, a.Score)
	case a.Count != b.Count:
		return cmp.Compare(b.Count, a.Count)
	}
	return strings.Compare(a.Term, b.Term)
}

// maxPicked bounds the n that pickBest takes: its insertions cost up to n
// moves each.
const maxPicked = 128

// pickBest is the n first of ks in rankOrder, found in one pass that keeps
// them sorted (a document's shortlist is a few dozen of thousands of
// terms, which sorting whole cost most of Top), in ks's own array.
func pickBest(ks []Keyword, n int) []Keyword {
	best := ks[:0:n] // written behind the reading: slot i is free once read
	for _, k := range ks {
		if len(best) == n && rankOrder(k, best[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, k, rankOrder)
		if len(best) < n {
			best = append(best, Keyword{})
		}
		copy(best[i+1:], best[i:len(best)-1])
		best[i] = k
	}
	return best
}

// textRank runs PageRank over the co-occurrence graph of candidates within
// a window, per sequence (see Accumulator.textRank).
func textRank(seqs [][]string, window, iters int) map[string]float64 {
	a := &Accumulator{edges: map[uint64]int32{}}
	id := map[string]int32{}
	var ids []int32
	for _, seq := range seqs {
		for _, t := range seq {
			n, ok := id[t]
			if !ok {
				n = int32(len(a.all))
				id[t] = n
				a.all = append(a.all, t)
			}
			ids = append(ids, n)
		}
		ids = append(ids, -1)
	}
	a.addEdges(ids, window)
	out := make(map[string]float64, len(a.all))
	for i, s := range a.textRank(iters) {
		out[a.all[i]] = s
	}
	return out
}
