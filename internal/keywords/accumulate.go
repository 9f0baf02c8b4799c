package keywords

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Accumulator gathers what keyword ranking needs from a document read in
// windows (runs of paragraphs segmented one after the other), so that a
// window's tokens and candidates can be released once it is added. It keeps
// only what spans the document: per term statistics, the co-occurrence
// counts of TextRank and, for English, the surface forms of words; all of
// them grow with the vocabulary, not with the length of the text.
//
// One Add of a whole document followed by Scored gives exactly what Score
// gives. Over several windows, phrases are merged from pairs a window uses
// together at least twice, and English plurals fold within a window.
type Accumulator struct {
	lex   *lexicon.Set
	lang  string
	st    map[string]*termStat
	all   []string         // terms in order of first occurrence
	total int              // kept candidates so far
	sents int              // sentences so far
	edges map[uint64]int32 // (lower, higher) term ids (their index in all) → co-occurrences, both ways
	// scratch of one window: the ids of its kept candidates, a sentence's
	// run ended by -1 (see addStats), reused from window to window
	ids []int32
	// termStats are allocated a chunk at a time (one allocation per
	// term was the keywords' most frequent one)
	slab  []termStat
	forms surfaceCounts // English only
	// the Chinese text read so far, to find half-phrases in (see halves);
	// nil once it passes keptText
	text []string
	size int
	// the document's title, where central actors are named (see Central)
	title string
	// the lexicon's organization endings by their last character, built
	// on the first use (see nameEnding)
	suffixes map[rune][]string
	// the analysts' keywords of the train documents (keyphrasesBeyond)
	kp Keyphrases
}

// NewAccumulator starts the keyword statistics of one document.
func NewAccumulator(lex *lexicon.Set, lang string) *Accumulator {
	return &Accumulator{lex: lex, lang: lang, st: map[string]*termStat{},
		edges: map[uint64]int32{}, forms: surfaceCounts{counts: map[string]map[string]int{}, lower: map[string]int{}}, kp: builtinKP}
}

// Add reads one window of the document: its title (set on the first
// window only) and paragraphs.
func (a *Accumulator) Add(doc *segment.Doc) {
	seqs := candidateSeqs(doc, a.lex)
	if a.total == 0 {
		a.sizeFor(seqs)
	}
	if a.title == "" {
		a.title = doc.Title.Text
	}
	if a.lang != "en" {
		a.keepText(doc)
	}
	a.ids = a.addStats(seqs, a.ids[:0])
	a.addEdges(a.ids, 5)
	if a.lang == "en" {
		a.forms.add(doc)
	}
}

// sizeFor makes the maps of an accumulator that has counted nothing yet
// the size a text like the first window's needs: in the work reports a
// term per five candidates and an edge per candidate, where growing them
// from empty cost a tenth of the keywords' time.
func (a *Accumulator) sizeFor(seqs [][]cand) {
	n := 0
	for _, seq := range seqs {
		n += len(seq)
	}
	if len(a.st) == 0 && len(a.edges) == 0 {
		a.st, a.edges = make(map[string]*termStat, n/5), make(map[uint64]int32, n)
	}
}

// addStats is stats over one window, continuing the counts of the
// windows before. It appends to ids the id of each kept candidate (its
// term's index in all), each sentence's run ended by -1, for addEdges:
// the term is looked up once for both.
func (a *Accumulator) addStats(seqs [][]cand, ids []int32) []int32 {
	for _, seq := range seqs {
		a.sents++
		for i, c := range seq {
			if !c.kept {
				continue
			}
			s := a.st[c.text]
			if s == nil {
				s = a.newStat()
				*s = termStat{id: int32(len(a.all)), first: a.total, pos: c.pos, parts: max(c.parts, 1), lastOne: c.lastOne, lc: c.lc, rc: c.rc}
				a.st[c.text] = s
				a.all = append(a.all, c.text)
			}
			ids = append(ids, s.id)
			if s.lastSent != a.sents {
				s.sents++
				s.lastSent = a.sents
			}
			s.last = a.total
			s.count++
			if c.lc != 0 && c.lc == s.lc {
				s.sameL++
			}
			if c.rc != 0 && c.rc == s.rc {
				s.sameR++
			}
			if c.lc != 0 || c.number {
				s.afterWord++ // 城西|派出所, 第十五届|人民代表大会常务委员会
			}
			s.title = s.title || c.title
			if c.left || c.right {
				s.glued++
			}
			if c.number {
				s.number++
			}
			if c.qL && c.qR {
				s.quoted++
			}
			if c.head {
				s.head++
			}
			if c.topic {
				s.topic++
			}
			if i+1 < len(seq) && seq[i+1].joins && seq[i+1].content {
				s.follow++
			}
			a.total++
		}
		ids = append(ids, -1)
	}
	return ids
}

// newStat returns a zeroed termStat from the accumulator's current chunk.
func (a *Accumulator) newStat() *termStat {
	if len(a.slab) == cap(a.slab) {
		a.slab = make([]termStat, 0, 256)
	}
	a.slab = a.slab[:len(a.slab)+1]
	return &a.slab[len(a.slab)-1]
}

// addEdges counts the co-occurrences of candidates within a window of
// positions, per sentence: ids holds the term ids of each sentence's
// kept candidates, each run ended by -1.
func (a *Accumulator) addEdges(ids []int32, window int) {
	for len(ids) > 0 {
		end := 0
		for ids[end] >= 0 {
			end++
		}
		seq := ids[:end]
		for i, x := range seq {
			for j := i + 1; j < len(seq) && j < i+window; j++ {
				if y := seq[j]; x != y {
					a.edges[uint64(min(x, y))<<32|uint64(max(x, y))]++
				}
			}
		}
		ids = ids[end+1:]
	}
}

// Scored returns the shortlisted candidates with their features, as Score
// does for a whole document.
func (a *Accumulator) Scored() []Scored {
	if a.total == 0 {
		return nil
	}
	table := idfOf(a.lex, a.lang)
	counts := make(map[string]int, len(a.st))
	tfidf := make(map[string]float64, len(a.st))
	all := make([]string, 0, len(a.st))
	for _, t := range a.all {
		s := a.st[t]
		if a.lang != "en" && (fragment(s) || a.nameEnding(t, s)) {
			continue
		}
		counts[t] = s.count
		tfidf[t] = float64(s.count) / float64(a.total) * IDF(table, t)
		all = append(all, t)
	}
	rank := a.textRank(20) // PageRank on a document's graph settles within 20 rounds
	ntf, nrank := normalize(tfidf), normalizeIDs(rank)
	combined := make(map[string]float64, len(tfidf)) // combineNormalized, rank by id
	for t := range tfidf {
		combined[t] = 0.5*ntf[t] + 0.5*nrank[a.st[t].id]
	}
	best := a.dropHalves(Top(combined, counts, shortlist+shortlist/4), table)
	if len(best) > shortlist {
		best = best[:shortlist]
	}
	best = append(best, a.topicBeyond(best, combined, counts, table)...)
	kp := a.dropHalves(keyphrasesBeyond(a.kp, best, combined, counts), table)
	best = append(best, kp...)
	terms := make([]string, len(best))
	for i, k := range best {
		terms[i] = k.Term
	}
	nest := nestings(terms, a.st, all, a.lang)
	out := make([]Scored, len(best))
	for i, t := range terms {
		out[i] = Scored{Term: t, Count: counts[t], Unit: isUnit(a.st[t].pos) && !formulaOnly(a.lex, t),
			Features: features(t, a.st[t], a.total, a.sents, docView{ntf[t], nrank[a.st[t].id], nest[t]}, table, a.lang)}
		if i >= len(best)-len(kp) {
			// shortlisted as a keyphrase only: the ranker learns how far to trust it
			out[i].Features = append(out[i].Features, Feature{"keyphrase", 1})
		}
	}
	return out
}

// keptText bounds the text an accumulator keeps to look for half-phrases
// in: a document read in windows beyond it (a spilled one of megabytes)
// is not checked, so that its memory stays that of a window.
const keptText = 1 << 20

// keepText keeps a window's text (its strings, not copies), folded to
// simplified Chinese as the terms are.
func (a *Accumulator) keepText(doc *segment.Doc) {
	if a.size > keptText {
		return
	}
	paras := append([]segment.Paragraph{doc.Title}, doc.Paragraphs...)
	for _, p := range paras {
		t := p.Text
		if doc.Traditional {
			t = fold.String(t)
		}
		a.text = append(a.text, t)
		a.size += len(t)
	}
	if a.size > keptText {
		a.text = nil
	}
}

// dropHalves leaves out of a ranked list the terms the text writes five
// times or more, each time against the same character on one side (县市区
// of 县市区人民政府, 网约 of 网约车): halves of longer terms the segmenter
// split, which the candidates' own neighbours miss when the other half is
// inside a token. It is IsHalf of Neighbours for each term, in one pass
// over the text for all of them. It also leaves out a term the text
// writes mostly inside one longer word (see pieceOfWord).
func (a *Accumulator) dropHalves(ranked []Keyword, table *lexicon.IDFTable) []Keyword {
	if a.text == nil || len(ranked) == 0 {
		return ranked
	}
	terms := make([]string, len(ranked))
	for i, k := range ranked {
		terms[i] = k.Term
	}
	occ := occurrences(a.text, terms)
	out := ranked[:0]
	for i, k := range ranked {
		o := occ[i]
		if o.count >= 5 && (o.left > 0 || o.right > 0) || a.pieceOfWord(k.Term, a.st[k.Term], table) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// rare is the share of the IDF table's maximum above which a word counts
// as rare: 约车 (8.95 of 9.94) comes from the general table, seldom or
// never written alone in policy text; 事故 (6.2) is a word of its own.
const rare = 0.85

// pieceOfWord tells a two-character term, not a name, that the text
// writes three times in four or more against the same character on one
// side, and that is no word of policy text: one the policy IDF has never
// seen, written as a word of its own at most twice or a quarter of the
// time (量涨 of 预订量|涨: 预订|量涨 twice of twice), or a rare one written
// four times as often inside a longer word as on its own (约车: a word in
// 首汽约车 and 交通约车, eleven times of thirteen the end of 网约车). A
// word of policy text inside many longer ones (事故 of 安全事故) stays, and
// so does a word the text writes as one often enough (书据, six times).
func (a *Accumulator) pieceOfWord(term string, s *termStat, table *lexicon.IDFTable) bool {
	if s == nil || isUnit(s.pos) || utf8fast.RuneCount(term) != 2 {
		return false
	}
	idf, known := table.Get(term)
	if known && idf < rare*table.Max() {
		return false
	}
	n, l, r := Neighbours(a.text, term)
	if n < 2 || 4*max(l, r) < 3*n {
		return false
	}
	if known {
		return n >= 4*s.count
	}
	return s.count <= 2 || n >= 4*s.count
}

// numberedForm writes a numbered order as the orders do (Executive Order
// 12866, M-08-01), whatever case the text's words take elsewhere.
func numberedForm(term string) string {
	low := strings.ToLower(term)
	if rest, ok := strings.CutPrefix(low, "executive order "); ok && orderNumber.MatchString(rest) {
		return "Executive Order " + rest
	}
	if memoNumber.MatchString(strings.ToUpper(term)) {
		return strings.ToUpper(term)
	}
	return term
}

// fragment tells a Chinese term that is a piece of a longer one: always
// written against a lone character (立峰 of 何立峰, 风险较), always after a
// number (a unit or a date: 20日晚, 3月份, 万标箱), or, three times or more,
// always next to the same character of another word (综合|保税区,
// 反食品|浪费, 中小微|企业).
func fragment(s *termStat) bool {
	return s.glued == s.count || s.number == s.count || s.count >= 3 && (s.sameL == s.count || s.sameR == s.count)
}

// nameEnding tells the ending of a body's name standing for the name
// (派出所 of 城西派出所, 集团公司, 监委 of 甘肃省监委): a term ending in
// an organization suffix of the lexicon that the text only writes right
// after another word, never on its own.
func (a *Accumulator) nameEnding(t string, s *termStat) bool {
	return s.afterWord >= s.count && a.endsInSuffix(t)
}

// endsInSuffix tells a word ending in an organization suffix of the
// lexicon.
func (a *Accumulator) endsInSuffix(t string) bool {
	if t == "" {
		return false
	}
	if a.suffixes == nil {
		a.suffixes = map[rune][]string{} // by last character: a term checks the few that may end it
		for _, x := range a.lex.OrgSuffix {
			r, _ := utf8.DecodeLastRuneInString(x)
			a.suffixes[r] = append(a.suffixes[r], x)
		}
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	for _, x := range a.suffixes[r] {
		if strings.HasSuffix(t, x) {
			return true
		}
	}
	return false
}

// textRank runs PageRank over the counted co-occurrences and returns the
// scores by term id. Each term sums its in-edges in order of their source,
// so scores are stable.
func (a *Accumulator) textRank(iters int) []float64 {
	n := len(a.all)
	// the in-edges of term x are edges[at[x]:at[x+1]], one array for all
	// (a slice per term was most of the ranking's allocations)
	// the map is read once, into pairs (reading it was as costly as
	// the rest of the graph's building), counting each term's edges
	type pair struct{ x, y, c int32 }
	pairs := make([]pair, 0, len(a.edges))
	at := make([]int32, n+1)
	for k, c := range a.edges {
		x, y := int32(k>>32), int32(uint32(k))
		pairs = append(pairs, pair{x, y, c})
		at[x+1]++
		at[y+1]++
	}
	for x := 1; x <= n; x++ {
		at[x] += at[x-1]
	}
	outW := make([]float64, n)
	// the graph is symmetric: x's in-edges come from x's neighbours. They
	// are gathered in two passes of a counting sort instead of sorted:
	// first in the map's order (neighbour and count), then that pass read
	// term by term in increasing order, so each term's list comes out
	// ordered by source
	type link struct{ to, c int32 }
	first := make([]link, at[n])
	fill := slices.Clone(at[:n])
	for _, p := range pairs {
		first[fill[p.y]], fill[p.y] = link{p.x, p.c}, fill[p.y]+1
		first[fill[p.x]], fill[p.x] = link{p.y, p.c}, fill[p.x]+1
		outW[p.x] += float64(p.c)
		outW[p.y] += float64(p.c)
	}
	edges := make([]rankEdge, at[n])
	copy(fill, at[:n])
	for y := range int32(n) {
		for _, l := range first[at[y]:at[y+1]] {
			x := l.to
			edges[fill[x]], fill[x] = rankEdge{y, float64(l.c)}, fill[x]+1
		}
	}
	// each edge's share of its source's weight, divided once instead of
	// in every round: the same operations on the same numbers, so the
	// same scores to the last bit
	for i := range edges {
		edges[i].w /= outW[edges[i].from]
	}
	score := make([]float64, n)
	for i := range score {
		score[i] = 1
	}
	next := make([]float64, n)
	for it := 0; it < iters; it++ {
		for x := range next {
			s := 0.0
			for _, e := range edges[at[x]:at[x+1]] {
				s += e.w * score[e.from]
			}
			next[x] = 0.15 + 0.85*s
		}
		score, next = next, score
	}
	return score
}

// rankEdge is an in-edge of TextRank's graph: its source and weight.
type rankEdge struct {
	from int32
	w    float64
}

// normalizeIDs is normalize of scores by term id.
func normalizeIDs(v []float64) []float64 {
	hi := 0.0
	for _, x := range v {
		hi = math.Max(hi, x)
	}
	out := make([]float64, len(v))
	if hi > 0 {
		for i, x := range v {
			out[i] = x / hi
		}
	}
	return out
}

// Keywords returns the n best keywords of the document read so far, as
// Extract does.
func (a *Accumulator) Keywords(n int) []Keyword { return a.keywords(n, nil) }

// keywords is Keywords without the terms skip names.
func (a *Accumulator) keywords(n int, skip func(string) bool) []Keyword {
	if n <= 0 {
		return nil
	}
	cands := a.Scored()
	if skip != nil {
		cands = slices.DeleteFunc(cands, func(c Scored) bool { return skip(c.Term) })
	}
	if len(cands) == 0 {
		return nil
	}
	top := rankScored(cands, n, a.lang)
	if a.lang == "en" {
		forms := a.forms.best()
		for i := range top {
			words := strings.Fields(top[i].Term)
			for k, w := range words {
				if f, ok := forms[w]; ok {
					words[k] = f
				}
			}
			top[i].Term = numberedForm(strings.Join(words, " "))
		}
	}
	return top
}

// topicExtra is how many candidates below the shortlist a paragraph's
// topic sentence may bring in (see topicBeyond).
const topicExtra = 10

// topicBeyond is up to topicExtra long terms (four characters or more; two
// words or more in English) that a paragraph's topic sentence holds
// (topicSentence) but that rank below the shortlist, best first by the
// same score. A work report states the year's formulas once or twice
// each, as the topic of a paragraph (继续实施积极的财政政策。), among a
// thousand candidates, so TF-IDF and TextRank leave them out of the 60
// (cross-validated on train, five folds: 2,098 → 2,102 gold keywords of
// 2,628; work reports 184 → 190 of 290).
func (a *Accumulator) topicBeyond(best []Keyword, combined map[string]float64, counts map[string]int, table *lexicon.IDFTable) []Keyword {
	in := make(map[string]bool, len(best))
	for _, b := range best {
		in[b.Term] = true
	}
	rest := map[string]float64{}
	for t, v := range combined {
		if !in[t] && a.st[t].topic > 0 && longTerm(t, a.lang) {
			rest[t] = v
		}
	}
	if len(rest) == 0 {
		return nil
	}
	out := a.dropHalves(Top(rest, counts, topicExtra+topicExtra/4), table)
	return out[:min(len(out), topicExtra)]
}

// longTerm tells a phrase: four characters or more, or in English two
// words or more.
func longTerm(t, lang string) bool {
	if lang == "en" {
		return strings.Contains(t, " ")
	}
	return utf8fast.RuneCount(t) >= 4
}
