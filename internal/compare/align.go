package compare

import (
	"math"
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
func (c *Comparer) candidates(i int, x *side, sb []*side, ix index, taken []bool, dot []float64, touched []int) ([]cand, []int) {
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
		if taken[j] || cos < c.o.MinCosine {
			continue
		}
		// mostly shared content (weighted words), some shared wording
		s := score(cos, c.lcs.ratio(x.core, sb[j].core))
		if s > c.o.MinScore-anchorSlack {
			out = append(out, cand{i, j, s})
		}
	}
	return out, touched
}

// score weighs a pair: mostly shared content (weighted words), some
// shared wording.
func score(cos, lcs float64) float64 { return 0.7*cos + 0.3*lcs }

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
// the best-scoring candidates above MinScore (ties by position), then
// weaker candidates that sit between two aligned neighbours.
func (c *Comparer) align(sa, sb []*side) (pairOf []int, scores []float64) {
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
	cands := c.allCandidates(sa, sb, pairOf, taken)
	var weak []cand
	for _, k := range cands {
		switch {
		case k.score <= c.o.MinScore:
			weak = append(weak, k)
		case pairOf[k.i] < 0 && !taken[k.j]:
			pairOf[k.i], taken[k.j], scores[k.i] = k.j, true, k.score
		}
	}
	c.anchored(weak, pairOf, scores, taken)
	return pairOf, scores
}

// allCandidates lists the scored candidates of every directive of A not
// yet paired, best first (ties by position).
func (c *Comparer) allCandidates(sa, sb []*side, pairOf []int, taken []bool) []cand {
	ix := newIndex(sb)
	dot := make([]float64, len(sb))
	var touched []int
	var cands []cand
	for i, x := range sa {
		if pairOf[i] >= 0 || x.norm == 0 {
			continue
		}
		var cs []cand
		cs, touched = c.candidates(i, x, sb, ix, taken, dot, touched)
		cands = append(cands, cs...)
	}
	sort.Slice(cands, func(p, q int) bool {
		if cands[p].score != cands[q].score {
			return cands[p].score > cands[q].score
		}
		if cands[p].i != cands[q].i {
			return cands[p].i < cands[q].i
		}
		return cands[p].j < cands[q].j
	})
	return cands
}

// anchored takes a weak candidate (within anchorSlack under MinScore) when
// it keeps the order of its aligned neighbours: the nearest aligned
// directives before and after it in A, at most anchorGap away, are paired
// with directives of B around it. A document revised from one year to the
// next keeps its order, so a loose rewording between two kept neighbours
// is the same directive (促进房地产市场平稳健康发展 → 推动房地产市场止跌回稳).
func (c *Comparer) anchored(weak []cand, pairOf []int, scores []float64, taken []bool) {
	for _, k := range weak {
		if pairOf[k.i] >= 0 || taken[k.j] {
			continue
		}
		lo, hi := neighbours(pairOf, k.i)
		if lo < 0 || hi < 0 || k.i-lo > anchorGap || hi-k.i > anchorGap {
			continue
		}
		if jl, jh := pairOf[lo], pairOf[hi]; jl < k.j && k.j < jh && jh-jl <= 2*anchorGap {
			pairOf[k.i], taken[k.j], scores[k.i] = k.j, true, k.score
		}
	}
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

// anchorSlack and anchorGap bound the anchored pass: how far under
// MinScore a pair between aligned neighbours may score, and how far those
// neighbours may be (tuned on the tuning half of testdata/pairs.tsv).
const (
	anchorSlack = 0.15
	anchorGap   = 12
)
