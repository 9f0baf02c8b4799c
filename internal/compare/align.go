package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/directives"
)

// side is one directive prepared for alignment: its core (text without
// markers and punctuation), and its IDF-weighted content words.
type side struct {
	d      *analyze.Directive
	doc    string    // id of the document it comes from
	core   string    // compared rune by rune (lcsBuf), never kept as []rune
	terms  []string  // distinct content words, sorted: sums run in one order
	weight []float64 // IDF of each term
	norm   float64
	frame  string // action and object, normalized: what a force change must keep
}

// prepare builds the side of a directive from its content words (nil:
// segment its text). It only reads c.o, so that the documents of a period
// are prepared in parallel.
func (c *Comparer) prepare(d *analyze.Directive, doc string, iw *idfMemo, words []string) *side {
	core := stripMarkers(d.Text, d.Markers)
	s := &side{d: d, doc: doc, core: core, frame: frameOf(core, d)}
	if words == nil {
		words = c.o.Terms(iw.lang, core)
	}
	w := map[string]float64{}
	for _, t := range words {
		if iw.lang == "zh" {
			if t = classOf(t); t == light {
				continue
			}
		}
		addPieces(w, iw, t)
	}
	for t := range w {
		s.terms = append(s.terms, t)
	}
	sort.Strings(s.terms)
	s.weight = make([]float64, len(s.terms))
	for i, t := range s.terms {
		s.weight[i] = w[t]
		s.norm += s.weight[i] * s.weight[i]
	}
	s.norm = math.Sqrt(s.norm)
	return s
}

// frameOf is what a force change must keep: the action, its object and
// the words before the action (支持企业开拓 names another actor than 开拓).
func frameOf(core string, d *analyze.Directive) string {
	act := normText(d.Action)
	if act == "" {
		return core // no action found: only the same words keep the frame
	}
	before := core
	if i := strings.Index(core, act); i >= 0 {
		before = core[:i]
	}
	return before + "|" + act + "|" + normText(d.Object)
}

// addPieces puts a Chinese word in as its two-character pieces: the
// segmenter cuts 城市更新行动 whole in one clause and 城市 更新改造 行动 in
// another, and the pieces still meet. A piece that is a word weighs as
// that word (at most as the whole); one that only straddles two words (域协
// of 区域协调) weighs as the whole. Other words go in whole.
func addPieces(w map[string]float64, iw *idfMemo, t string) {
	idf := iw.idf(t)
	r := []rune(t)
	if len(r) < 3 || r[0] < 0x2e80 {
		w[t] = max(w[t], idf)
		return
	}
	for i := 0; i+2 <= len(r); i++ {
		k := string(r[i : i+2])
		w[k] = max(w[k], min(idf, iw.idf(k)))
	}
}

// idfMemo remembers the IDF of the words of one document (a work report
// repeats its words hundreds of times). One per goroutine.
type idfMemo struct {
	o    *Options
	lang string
	m    map[string]float64
}

func newIDFMemo(o *Options, lang string) *idfMemo {
	return &idfMemo{o: o, lang: lang, m: map[string]float64{}}
}

func (iw *idfMemo) idf(t string) float64 {
	if iw.o.IDF == nil {
		return 1
	}
	v, ok := iw.m[t]
	if !ok {
		v = iw.o.IDF(iw.lang, t)
		iw.m[t] = v
	}
	return v
}

// stripMarkers removes the force markers and punctuation so that 要加强
// and 必须加强 have the same core.
func stripMarkers(text string, markers []string) string {
	for _, m := range markers {
		text = strings.Replace(text, m, "", 1)
	}
	var b strings.Builder
	for _, r := range text {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func normText(s string) string { return stripMarkers(s, nil) }

// index is an inverted index from a term to the directives of B that use
// it, with the term's weight in each: candidates are found through it,
// never by trying all pairs.
type index struct {
	post map[string][]posting
}

type posting struct {
	j int
	w float64
}

func newIndex(sb []*side) index {
	ix := index{post: map[string][]posting{}}
	for j, y := range sb {
		for k, t := range y.terms {
			ix.post[t] = append(ix.post[t], posting{j, y.weight[k]})
		}
	}
	return ix
}

// cand is a possible pair with its score.
type cand struct {
	i, j  int
	score float64
}

// candidates scores x against the directives of B that share a content
// word with it; dot and touched are buffers reused across calls.
func (c *Comparer) candidates(i int, x *side, sb []*side, ix index, dot []float64, touched []int) ([]cand, []int) {
	touched = touched[:0]
	for k, t := range x.terms {
		for _, p := range ix.post[t] {
			if dot[p.j] == 0 {
				touched = append(touched, p.j)
			}
			dot[p.j] += x.weight[k] * p.w
		}
	}
	var out []cand
	for _, j := range touched {
		cos := dot[j] / (x.norm * sb[j].norm)
		dot[j] = 0
		if cos < c.o.MinCosine {
			continue
		}
		s := c.w.score(cos, c.lcs.ratio(x.core, sb[j].core))
		if s > c.o.MinScore-c.w.bonus {
			out = append(out, cand{i, j, s})
		}
	}
	return out, touched
}

// score weighs a pair: mostly shared content (weighted words), some
// shared wording.
func (w weights) score(cos, lcs float64) float64 { return w.cos*cos + w.lcs*lcs }

// lcsBuf holds the two rows of the longest-common-subsequence table and
// the runes of the pair, reused across pairs so that aligning allocates
// nothing per pair.
type lcsBuf struct {
	prev, cur []int
	ra, rb    []rune
}

// ratio is the longest common subsequence of two strings, in runes, over
// the longer length (each cut at 400 runes: a clause is rarely longer).
func (l *lcsBuf) ratio(a, b string) float64 {
	l.ra, l.rb = appendRunes(l.ra[:0], a, 400), appendRunes(l.rb[:0], b, 400)
	ra, rb := l.ra, l.rb
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	if cap(l.prev) < len(rb)+1 {
		l.prev, l.cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	prev, cur := l.prev[:len(rb)+1], l.cur[:len(rb)+1]
	clear(prev)
	for i := 1; i <= len(ra); i++ {
		cur[0] = 0
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(cur[j-1], prev[j])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(rb)]) / float64(max(len(ra), len(rb)))
}

// appendRunes appends at most n runes of s to buf.
func appendRunes(buf []rune, s string, n int) []rune {
	for _, r := range s {
		if len(buf) == n {
			break
		}
		buf = append(buf, r)
	}
	return buf
}

// align pairs directives one to one: identical cores first, in order, then
// the best-scoring candidates above MinScore (ties by position; a pair far
// from its place in the document scores less). A second round adds up to
// weights.bonus to every candidate that keeps the order of the first
// round's pairs around it and aligns again: a document revised from one
// year to the next keeps its order, so a pair between aligned neighbours
// wins over a look-alike elsewhere in the text, and a loose rewording
// between two kept neighbours is the same directive. Then a directive left
// alone may join a near neighbour's counterpart (merged), and last the
// directives left alone in a short gap between aligned neighbours pair
// with those of the other side's gap (fillGaps).
func (c *Comparer) align(sa, sb []*side) (pairOf []int, scores []float64) {
	cands := c.allCandidates(sa, sb) // by position: scoreOf searches them
	ranked := c.w.placed(sa, sb, cands)
	bone := c.firstRound(sa, sb, ranked)
	for k, x := range ranked {
		ranked[k].score += c.w.bonus * c.w.inOrder(sa, sb, bone, x.i, x.j)
	}
	sortCands(ranked)
	pairOf, scores = c.greedy(sa, sb, ranked)
	merged(sa, ranked, pairOf, c.o.MinScore+c.w.mergeMargin, max(1, c.w.mergeSpan))
	if c.w.fillMin > 0 {
		c.fillGaps(sa, sb, pairOf, scores)
	}
	for i, j := range pairOf {
		if s := scoreOf(cands, i, j); j >= 0 && s > 0 {
			scores[i] = s // without the bonus
		}
	}
	return pairOf, scores
}

// firstRound aligns the candidates best first and keeps the backbone of
// the pairs. Best first, as the second round: taken by position, the
// round paired each directive with its first candidate above MinScore.
func (c *Comparer) firstRound(sa, sb []*side, cands []cand) []int {
	byScore := slices.Clone(cands)
	sortCands(byScore)
	first, _ := c.greedy(sa, sb, byScore)
	return backbone(first)
}

// greedy pairs identical cores first, in order, then takes candidates
// above MinScore best first, one to one.
func (c *Comparer) greedy(sa, sb []*side, cands []cand) (pairOf []int, scores []float64) {
	pairOf = make([]int, len(sa))
	scores = make([]float64, len(sa))
	taken := make([]bool, len(sb))
	exact := map[string][]int{}
	for j, y := range sb {
		exact[y.core] = append(exact[y.core], j)
	}
	for i, x := range sa {
		pairOf[i] = -1
		if js := exact[x.core]; len(js) > 0 && x.core != "" {
			pairOf[i], taken[js[0]], scores[i] = js[0], true, 1
			exact[x.core] = js[1:]
		}
	}
	for _, k := range cands {
		if k.score > c.o.MinScore && pairOf[k.i] < 0 && !taken[k.j] {
			pairOf[k.i], taken[k.j], scores[k.i] = k.j, true, k.score
		}
	}
	return pairOf, scores
}

// scoreOf is the score of candidate (i, j) without the order bonus
// (candidates are few per directive; this runs once per pair).
func scoreOf(cands []cand, i, j int) float64 {
	k := sort.Search(len(cands), func(n int) bool { return cands[n].i >= i })
	for ; k < len(cands) && cands[k].i == i; k++ {
		if cands[k].j == j {
			return cands[k].score
		}
	}
	return 0
}

// allCandidates lists the scored candidates of every directive of A, by
// directive of A (then B): exact cores are candidates too, so that the
// second round may prefer an ordered neighbour.
func (c *Comparer) allCandidates(sa, sb []*side) []cand {
	ix := newIndex(sb)
	dot := make([]float64, len(sb))
	var touched []int
	var cands []cand
	for i, x := range sa {
		if x.norm == 0 {
			continue
		}
		var cs []cand
		cs, touched = c.candidates(i, x, sb, ix, dot, touched)
		cands = append(cands, cs...)
	}
	sort.Slice(cands, func(p, q int) bool {
		if cands[p].i != cands[q].i {
			return cands[p].i < cands[q].i
		}
		return cands[p].j < cands[q].j
	})
	return cands
}

// sortCands orders candidates best first (ties by position).
func sortCands(cands []cand) {
	sort.Slice(cands, func(p, q int) bool {
		if cands[p].score != cands[q].score {
			return cands[p].score > cands[q].score
		}
		if cands[p].i != cands[q].i {
			return cands[p].i < cands[q].i
		}
		return cands[p].j < cands[q].j
	})
}

// backbone keeps the pairs of the longest chain in which both sides
// increase (the longest increasing subsequence of pairOf): pairs that
// keep the documents' order, without the few that jump (a look-alike
// sentence elsewhere in the text). Others are -1.
func backbone(pairOf []int) []int {
	var tails, prev []int // tails[k]: index i ending the best chain of length k+1
	prev = make([]int, len(pairOf))
	for i, j := range pairOf {
		prev[i] = -1
		if j < 0 {
			continue
		}
		k := sort.Search(len(tails), func(n int) bool { return pairOf[tails[n]] >= j })
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([]int, len(pairOf))
	for i := range out {
		out[i] = -1
	}
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			out[i] = pairOf[i]
		}
	}
	return out
}

// inOrder tells how well pairing i with j keeps the order of the
// backbone around it: the nearest backbone pairs before and after i (in
// its document, at most span away) lo → jl and hi → jh. A revision
// inserts and deletes, so i keeps its distance to one of them: 1 when j
// is as far from jl as i from lo, or from jh as i from hi, falling to 0 at
// gap directives off; outside (jl, jh) at least as far as the
// nearest end.
func (w weights) inOrder(sa, sb []*side, bone []int, i, j int) float64 {
	lo, hi := neighbours(bone, i)
	if lo < 0 || hi < 0 || i-lo > w.span || hi-i > w.span {
		return 0
	}
	jl, jh := bone[lo], bone[hi]
	if sa[lo].doc != sa[i].doc || sa[hi].doc != sa[i].doc || sb[jl].doc != sb[j].doc || sb[jh].doc != sb[j].doc {
		return 0
	}
	off := min(abs(j-(jl+i-lo)), abs(j-(jh-(hi-i))))
	if j <= jl || j >= jh {
		off = max(off, min(abs(j-jl), abs(j-jh))+1)
	}
	return max(0, 1-float64(off)/w.gap)
}

// neighbours returns the nearest paired directives of A before and after
// i (-1: none).
func neighbours(pairOf []int, i int) (lo, hi int) {
	lo, hi = -1, -1
	for p := i - 1; p >= 0 && lo < 0; p-- {
		if pairOf[p] >= 0 {
			lo = p
		}
	}
	for p := i + 1; p < len(pairOf) && hi < 0; p++ {
		if pairOf[p] >= 0 {
			hi = p
		}
	}
	return lo, hi
}

// changes gives every directive of A and B its status.
func changes(sa, sb []*side, pairOf []int, scores []float64) []DirectiveChange {
	var out []DirectiveChange
	paired := make([]bool, len(sb))
	for i, j := range pairOf {
		if j < 0 {
			out = append(out, DirectiveChange{Status: Dropped, A: sa[i].d, ADocument: sa[i].doc})
			continue
		}
		paired[j] = true
		out = append(out, pairChange(sa[i], sb[j], scores[i]))
	}
	for j, y := range sb {
		if !paired[j] {
			out = append(out, DirectiveChange{Status: New, B: y.d, BDocument: y.doc})
		}
	}
	return out
}

// pairChange is the status of an aligned pair. A force change counts only
// when the action and its object are the same: 支持企业开拓多元化市场 →
// 开拓多元化市场 drops a marker with its verb, it does not strengthen.
func pairChange(x, y *side, score float64) DirectiveChange {
	a, b := x.d, y.d
	ch := DirectiveChange{A: a, B: b, ADocument: x.doc, BDocument: y.doc, Score: math.Round(score*1000) / 1000,
		DeadlineChanged:   a.Deadline != b.Deadline,
		AddresseesChanged: strings.Join(a.Addressees, "、") != strings.Join(b.Addressees, "、")}
	ra, rb := directives.Rank(a.Force), directives.Rank(b.Force)
	sameFrame := x.frame == y.frame
	switch {
	case rb > ra && sameFrame:
		ch.Status = Strengthened
	case rb < ra && sameFrame:
		ch.Status = Weakened
	case normText(a.Text) == normText(b.Text):
		ch.Status = Kept
	default:
		ch.Status = Reworded
	}
	if ra != rb {
		ch.ForceChange = a.Force + " → " + b.Force
	}
	return ch
}

// weights are the alignment's settings, tuned on the tune pairs of
// testdata/pairs.tsv (a value, so that a test tries others).
type weights struct {
	cos, lcs float64 // of the score's two similarities
	// bonus is what keeping the order of the aligned neighbours adds to a
	// pair's score at most, gap how many directives off the expected place
	// it falls to nothing, and span how far the neighbours may be.
	bonus, gap float64
	span       int
	// A directive left alone joins the counterpart of a paired directive
	// at most mergeSpan away when it scores above MinScore + mergeMargin:
	// a merge is weaker evidence than a pair of its own.
	mergeSpan   int
	mergeMargin float64
	// A pair that moved more than shift of its document's length loses
	// shiftPen (placed).
	shift, shiftPen float64
	// Lone directives between aligned neighbours, at most fillGap on each
	// side, pair in order above fillMin (fillGaps).
	fillMin float64
	fillGap int
}

func defaultWeights() weights {
	return weights{cos: 0.7, lcs: 0.3, bonus: 0.15, gap: 12, span: 20, mergeSpan: 5, mergeMargin: 0.05,
		shift: 0.2, shiftPen: 0.1, fillMin: 0.2, fillGap: 3}
}

// merged pairs a directive left alone with the counterpart of a paired
// directive at most span away in the same document when the two were
// merged into one: 完善生态产品价值实现机制 and 健全生态保护补偿制度 become
// 健全生态保护补偿和生态产品价值实现机制, and 扎实推进乡村全面振兴 and, five
// directives on, 推动乡村全面振兴不断取得实质性进展 become 深入推进乡村全面振兴.
func merged(sa []*side, ranked []cand, pairOf []int, minScore float64, span int) {
	holder := map[int]int{}
	for i, j := range pairOf {
		if j >= 0 {
			holder[j] = i
		}
	}
	for _, k := range ranked {
		h, ok := holder[k.j]
		if k.score <= minScore || pairOf[k.i] >= 0 || !ok || abs(h-k.i) > span || sa[h].doc != sa[k.i].doc {
			continue
		}
		pairOf[k.i] = k.j
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
