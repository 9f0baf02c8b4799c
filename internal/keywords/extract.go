package keywords

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

//go:generate go run ./genidf -corpus ../../../shared/corpus -out ../../lexicons
//go:generate go run ./train

// Extract returns the n best keywords of a document. Candidates are
// content words and merged phrases; a linear model learned from labelled
// keywords (rank_model.tsv) orders the best of them by TF-IDF against a
// policy IDF, TextRank, position, the title, length, part of speech and
// signs of a fragment.
func Extract(doc *segment.Doc, lex *lexicon.Set, n int) []Keyword {
	if n <= 0 {
		return nil
	}
	cands := Score(doc, lex)
	if len(cands) == 0 {
		return nil
	}
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
	top := distinct(Top(scores, counts, len(scores)), n, doc.Lang, units)
	if doc.Lang == "en" {
		displayForms(doc, top)
	}
	return top
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
			if units[k.Term] || units[o.Term] {
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
	seqs := candidateSeqs(doc, lex)
	st, total := stats(seqs)
	if total == 0 {
		return nil
	}
	table := idfOf(lex, doc.Lang)
	counts := make(map[string]int, len(st))
	tfidf := make(map[string]float64, len(st))
	all := make([]string, 0, len(st))
	for t, s := range st {
		if s.glued == s.count && doc.Lang != "en" {
			continue // always written against a lone character: a piece of a word (立峰 of 何立峰, 风险较)
		}
		counts[t] = s.count
		tfidf[t] = float64(s.count) / float64(total) * IDF(table, t)
		all = append(all, t)
	}
	rank := textRank(keptTerms(seqs), 5, 20) // PageRank on a document's graph settles within 20 rounds
	ntf, nrank := normalize(tfidf), normalize(rank)
	base := combine(tfidf, rank)
	best := Top(base, counts, shortlist)
	terms := make([]string, len(best))
	for i, k := range best {
		terms[i] = k.Term
	}
	inside := containedShares(terms, st, all, doc.Lang)
	out := make([]Scored, len(best))
	for i, t := range terms {
		out[i] = Scored{Term: t, Count: counts[t], Unit: isUnit(st[t].pos),
			Features: features(t, st[t], total, ntf[t], nrank[t], IDF(table, t), table.Max(), inside[t], doc.Lang)}
	}
	return out
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

// displayForms writes English terms as the text writes them: candidates
// are counted in lower case; an analyst reads USDS, DOGE Team, OSS.
func displayForms(doc *segment.Doc, top []Keyword) {
	forms := surfaceForms(doc)
	for i := range top {
		words := strings.Fields(top[i].Term)
		for k, w := range words {
			if f, ok := forms[w]; ok {
				words[k] = f
			}
		}
		top[i].Term = strings.Join(words, " ")
	}
}

// surfaceForms maps each lower-cased English word to the form the text
// writes most often away from a sentence's start (where any word is
// capitalized); ties keep the lower case.
func surfaceForms(doc *segment.Doc) map[string]string {
	counts := map[string]map[string]int{}
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		si := 0
		for ti, t := range p.Tokens {
			for si < len(p.Sentences) && p.Sentences[si].End <= t.Start {
				si++
			}
			if si < len(p.Sentences) && (t.Start == p.Sentences[si].Start || ti > 0 && p.Tokens[ti-1].End <= p.Sentences[si].Start) {
				continue // the first word of a sentence
			}
			low := strings.ToLower(t.Text)
			if low == t.Text {
				continue // lower case is the default form
			}
			if counts[low] == nil {
				counts[low] = map[string]int{}
			}
			counts[low][t.Text]++
		}
	}
	lower := map[string]int{}
	for pi := range doc.Paragraphs {
		for _, t := range doc.Paragraphs[pi].Tokens {
			if counts[t.Text] != nil {
				lower[t.Text]++
			}
		}
	}
	forms := map[string]string{}
	for low, m := range counts {
		best, n := "", lower[low]
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
	na, nb := normalize(a), normalize(b)
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Term < out[j].Term
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// textRank runs PageRank over the co-occurrence graph of candidates within
// a window, per sequence. Terms are numbered in order of appearance so the
// result does not depend on map order.
func textRank(seqs [][]string, window, iters int) map[string]float64 {
	id := map[string]int32{}
	var names []string
	for _, seq := range seqs {
		for _, t := range seq {
			if _, ok := id[t]; !ok {
				id[t] = int32(len(names))
				names = append(names, t)
			}
		}
	}
	n := len(names)
	// co-occurrences as packed pairs, sorted and counted: no map
	var pairs []uint64
	for _, seq := range seqs {
		for i := range seq {
			a := id[seq[i]]
			for j := i + 1; j < len(seq) && j < i+window; j++ {
				b := id[seq[j]]
				if a != b {
					pairs = append(pairs, uint64(a)<<32|uint64(b), uint64(b)<<32|uint64(a))
				}
			}
		}
	}
	slices.Sort(pairs)
	type edge struct {
		from int32
		w    float64
	}
	in := make([][]edge, n)
	outW := make([]float64, n)
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		a, b := int32(pairs[i]>>32), int32(uint32(pairs[i]))
		w := float64(j - i)
		in[b] = append(in[b], edge{a, w})
		outW[a] += w
		i = j
	}
	// pairs sorted by (from, to) fill each in[b] in order of from: a fixed
	// order of summation, so scores are stable
	score := make([]float64, n)
	for i := range score {
		score[i] = 1
	}
	next := make([]float64, n)
	for it := 0; it < iters; it++ {
		for a := range next {
			s := 0.0
			for _, e := range in[a] {
				s += e.w / outW[e.from] * score[e.from]
			}
			next[a] = 0.15 + 0.85*s
		}
		score, next = next, score
	}
	out := make(map[string]float64, n)
	for i, name := range names {
		out[name] = score[i]
	}
	return out
}
