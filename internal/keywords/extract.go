package keywords

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

//go:generate go run ./genidf -corpus ../../../shared/corpus -out ../../lexicons

// Extract returns the n best keywords of a document: TF-IDF with a policy
// IDF and TextRank over the same candidates, combined with equal weight.
func Extract(doc *segment.Doc, lex *lexicon.Set, n int) []Keyword {
	if n <= 0 {
		return nil
	}
	seqs := Candidates(doc, lex)
	counts := map[string]int{}
	total := 0
	for _, seq := range seqs {
		for _, t := range seq {
			counts[t]++
			total++
		}
	}
	if total == 0 {
		return nil
	}
	idf := lex.IDF
	if doc.Lang == "en" {
		idf = lex.IDFen
	}
	tfidf := map[string]float64{}
	for t, c := range counts {
		tfidf[t] = float64(c) / float64(total) * IDF(idf, t)
	}
	rank := textRank(seqs, 5, 20) // PageRank on a document's graph settles within 20 rounds
	scores := combine(tfidf, rank)
	top := Top(scores, counts, n)
	if doc.Lang == "en" {
		// candidates are counted in lower case; an analyst reads them as the
		// text writes them (USDS, DOGE Team, OSS)
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
	return top
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

// Candidates returns, per sentence, the keyword candidates in order: content
// words, and phrases merged from adjacent content words that the document
// uses together more than once (安全 + 生产 → 安全生产, then → 安全生产执法).
func Candidates(doc *segment.Doc, lex *lexicon.Set) [][]string {
	var seqs [][]cand
	paras := append([]segment.Paragraph{doc.Title}, doc.Paragraphs...)
	for pi := range paras {
		p := &paras[pi]
		ti := 0 // tokens and sentences are both in order: one pass
		for _, s := range p.Sentences {
			for ti < len(p.Tokens) && p.Tokens[ti].Start < s.Start {
				ti++
			}
			seq := make([]cand, 0, 16)
			for ; ti < len(p.Tokens) && p.Tokens[ti].End <= s.End; ti++ {
				t := p.Tokens[ti]
				if t.POS == "w" || unicode.IsSpace(firstRune(t.Text)) {
					seq = append(seq, cand{}) // a break: phrases never cross punctuation
					continue
				}
				text := t.Text
				if doc.Lang == "en" {
					text = strings.ToLower(text)
				}
				c := cand{text: text, content: content(t, text, lex, doc.Lang), pos: t.POS}
				// a one-character noun (烟 of 电子烟) never stands alone but
				// may join a phrase
				c.joins = c.content || doc.Lang != "en" && utf8.RuneCountInString(text) == 1 && (t.POS == "n" || t.POS == "ng" || t.POS == "zg") && !t.Stop
				if doc.Lang != "en" && ti > 0 && p.Tokens[ti-1].End == t.Start && p.Tokens[ti-1].POS == "m" && utf8.RuneCountInString(text) == 1 {
					c.content, c.joins = false, false // 13家 企业, 1日 至: a measure word, not a word of the phrase
				}
				seq = append(seq, c)
			}
			seqs = append(seqs, seq)
		}
	}
	for round := 0; round < 2; round++ {
		seqs = mergePhrases(seqs, doc.Lang)
	}
	var out [][]string
	for _, seq := range seqs {
		var terms []string
		for _, c := range seq {
			if c.content && !lex.Generic[c.text] && keepable(c.text, doc.Lang) {
				terms = append(terms, c.text)
			}
		}
		out = append(out, terms)
	}
	return out
}

type cand struct {
	text    string
	content bool // may stand as a keyword
	joins   bool // may join a phrase
	pos     string
	parts   int
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// content accepts nouns, noun-verbs, proper nouns, unknown words and
// adjective-nouns; not plain verbs, adverbs, numbers or function words.
func content(t segment.Token, text string, lex *lexicon.Set, lang string) bool {
	if t.Stop || lex.Stop[text] {
		return false
	}
	if lang == "en" {
		return utf8.RuneCountInString(text) > 2 && isWord(text)
	}
	p := t.POS
	switch {
	case strings.HasPrefix(p, "n"), p == "vn", p == "j", p == "l", p == "x", p == "an", p == "i", p == "eng", p == "nz", p == "b":
		return true
	}
	return false
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// keepable drops single characters and very long strings.
func keepable(s, lang string) bool {
	n := utf8.RuneCountInString(s)
	if lang == "en" {
		return n >= 3
	}
	return n >= 2 && n <= 16
}

// mergePhrases joins adjacent content candidates whose pair occurs at
// least twice in the document.
func mergePhrases(seqs [][]cand, lang string) [][]cand {
	// a phrase holds at most 12 Chinese characters, or about three English
	// words (artificial intelligence)
	sep, maxPhrase := "", 12
	if lang == "en" {
		sep, maxPhrase = " ", 32
	}
	pairs := map[[2]string]int{}
	for _, seq := range seqs {
		for i := 0; i+1 < len(seq); i++ {
			if mergeable(seq[i], seq[i+1]) {
				pairs[[2]string{seq[i].text, seq[i+1].text}]++
			}
		}
	}
	if len(pairs) == 0 {
		return seqs
	}
	out := make([][]cand, len(seqs))
	for si, seq := range seqs {
		var merged []cand // allocated only when this sequence merges
		for i := 0; i < len(seq); i++ {
			if i+1 < len(seq) && mergeable(seq[i], seq[i+1]) && pairs[[2]string{seq[i].text, seq[i+1].text}] >= 2 &&
				seq[i].parts+seq[i+1].parts < 3 && utf8.RuneCountInString(seq[i].text)+utf8.RuneCountInString(seq[i+1].text) <= maxPhrase {
				if merged == nil {
					merged = append(make([]cand, 0, len(seq)), seq[:i]...)
				}
				merged = append(merged, cand{text: seq[i].text + sep + seq[i+1].text, content: true, joins: true, pos: seq[i+1].pos, parts: max(seq[i].parts, 1) + max(seq[i+1].parts, 1)})
				i++
				continue
			}
			if merged != nil {
				merged = append(merged, seq[i])
			}
		}
		if merged == nil {
			merged = seq
		}
		out[si] = merged
	}
	return out
}

// mergeable reports two neighbours that may form a phrase: both may join,
// at least one is a content word, and they are not two names of bodies
// (商务部 + 发展改革委 are a list, not a term).
func mergeable(a, b cand) bool {
	return a.joins && b.joins && (a.content || b.content) && !(a.pos == "nt" && b.pos == "nt")
}
