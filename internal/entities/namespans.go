package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// Span is a stretch of a paragraph in rune offsets, and the index of the
// word it starts with.
type Span struct{ Start, End, Token int }

// NameSpans lists the spans that may be a personal name the segmenter cut
// apart or glued to the next word (张洁清算 is 张洁清 + 算, 罗点点 three
// single characters): a surname at the start of a word and one or two Han
// characters after it, unless the span is a word that NameCandidate takes
// (周恩来/t is a span, 邓小平/nr a candidate token).
func NameSpans(p *segment.Paragraph, surnames map[string]bool) []Span {
	return nameSpans(p, func(rs []rune) bool { return surnames[string(rs)] })
}

// nameSpans is NameSpans with the surnames asked of isSurname.
func nameSpans(p *segment.Paragraph, isSurname func([]rune) bool) []Span {
	var out []Span
	for k, t := range p.Tokens {
		for _, sl := range []int{1, 2} {
			if t.Start+sl > len(p.Runes) || !isSurname(p.Runes[t.Start:t.Start+sl]) {
				continue
			}
			for gl := 1; gl <= 2; gl++ {
				e := t.Start + sl + gl
				if e > len(p.Runes) || !allHan(p.Runes[t.Start:e]) || e == t.End && NameCandidate(p, k) {
					continue
				}
				out = append(out, Span{t.Start, e, k})
			}
		}
	}
	return out
}

// NameSpanFeatures adds the features of a span that may be a personal
// name: the surname and given characters, how common the given part is,
// how the span lies against the words, and the characters around it.
func NameSpanFeatures(f *Features, p *segment.Paragraph, s Span, lex *lexicon.Set) {
	rs := p.Runes[s.Start:s.End]
	sl := 1
	if len(rs) >= 3 && lex.Surnames[string(rs[:2])] {
		sl = 2
	}
	f.addOf(sSBias, 0)
	f.addNum(sSLen, len(rs))
	f.addRunes(fSSur, rs[:sl]...)
	f.addNum(sSGl, len(rs)-sl)
	f.addOf(sSGIDF, idfLevel(lex, string(rs[sl:])))
	for _, r := range rs[sl:] {
		f.addRunes(fSG, r)
	}
	t := p.Tokens[s.Token]
	f.addStrNum(sSTok, t.POS, min(t.End-t.Start, 4))
	endTok := false
	for k := s.Token; k < len(p.Tokens) && p.Tokens[k].Start < s.End; k++ {
		endTok = endTok || p.Tokens[k].End == s.End
	}
	f.addOf(sSEndTok, boolIndex(endTok))
	f.addPrev(fSPc, p.Runes, s.Start)
	switch {
	case s.End+1 < len(p.Runes):
		f.addRunes(fSNc, p.Runes[s.End])
		f.addRunes(fSNc2, p.Runes[s.End:s.End+2]...)
	case s.End < len(p.Runes):
		f.addRunes(fSNc, p.Runes[s.End])
		f.addEdge(fSNc2, true)
	default:
		f.addEdge(fSNc, true)
		f.addEdge(fSNc2, true)
	}
}

// modelSpans adds the personal names the model finds across word
// boundaries: at each start, the best of its spans when it is a name.
func (x *extractor) modelSpans(p *segment.Paragraph, pi int, m *nameModel, lexSpans []lexSpan) {
	sameStart := func(a, b Span) bool { return a.Start == b.Start }
	featurize := func(f *Features, sp Span) { NameSpanFeatures(f, p, sp, x.lex) }
	x.eachBest(x.modelNameSpans(p), sameStart, "PER", m.settings[marginKey+"SPAN"], featurize, func(best Span) {
		name := string(p.Runes[best.Start:best.End])
		x.c.add(mention{typ: "person", key: name, surface: name, para: pi, start: best.Start, end: best.End,
			titles: x.nameTitles(p, best.Start, best.End, lexSpans), evidence: "model:name-span"})
	})
}

// eachBest groups neighbouring spans that same puts together (one start,
// or one end) and calls fn with the span of each group that the model
// gives class cls by the widest margin, when that margin reaches least.
func (x *extractor) eachBest(spans []Span, same func(a, b Span) bool, cls string, least float64, featurize func(*Features, Span), fn func(Span)) {
	f := &x.feats
	for i := 0; i < len(spans); {
		j, best, bestM := i, Span{}, -1.0
		for ; j < len(spans) && same(spans[j], spans[i]); j++ {
			f.Reset()
			featurize(f, spans[j])
			if c, margin := f.best(); c == cls && margin > bestM {
				best, bestM = spans[j], margin
			}
		}
		i = j
		if bestM >= 0 && bestM >= least {
			fn(best)
		}
	}
}

// AbbrFeatures adds the features of a character that may abbreviate a
// place (中美, 访华, 以巴): the character, the word it lies in and where,
// and its neighbours, whether abbreviations too.
func AbbrFeatures(f *Features, p *segment.Paragraph, i, tok int, abbr func(rune) bool) {
	t := p.Tokens[tok]
	at := atMid
	switch {
	case t.End-t.Start == 1:
		at = atAlone
	case t.Start == i:
		at = atStart
	case t.End == i+1:
		at = atEnd
	}
	c := p.Runes[i]
	pc, nc := '^', '$'
	if i > 0 {
		pc = p.Runes[i-1]
	}
	if i+1 < len(p.Runes) {
		nc = p.Runes[i+1]
	}
	f.addOf(sABias, 0)
	f.addRunes(fAC, c)
	f.addOf(sAAt, at)
	f.addStrNum(sATok, t.POS, min(t.End-t.Start, 4))
	f.addRunes(fAPc, pc)
	f.addRunes(fANc, nc)
	f.addRunes(fACnc, c, nc)
	f.addRunes(fAPcc, pc, c)
	f.addOf(sAPa, boolIndex(i > 0 && abbr(pc)))
	f.addOf(sANa, boolIndex(i+1 < len(p.Runes) && abbr(nc)))
	f.addStr(sAW, t.Text)
}

// modelAbbrs adds the one-character places the model finds (中美 gives 中
// and 美, 中方 gives 中), named by the country whose name starts with the
// character when the lexicon has one (中 → 中国).
func (x *extractor) modelAbbrs(p *segment.Paragraph, pi int, m *nameModel) {
	abbr := m.marksOf(abbrKey)
	f := &x.feats
	for k, t := range p.Tokens {
		for i := t.Start; i < t.End; i++ {
			if !abbr(p.Runes[i]) {
				continue
			}
			f.Reset()
			AbbrFeatures(f, p, i, k, abbr)
			cls, margin := f.best()
			if cls != "LOC" || margin < m.settings[marginKey+"ABBR"] {
				continue
			}
			c := string(p.Runes[i])
			place, ok := x.placeOf(c, margin, m)
			if !ok {
				continue
			}
			x.c.add(mention{typ: "location", key: place, norm: place, surface: c, para: pi, start: i, end: i + 1,
				evidence: "model:abbreviation"})
		}
	}
}

// placeOf names the place a one-character abbreviation stands for: the
// country it abbreviates (中 → 中国), else the character itself when the
// model is sure enough (港, 京 stand for places too, but are more often
// something else).
func (x *extractor) placeOf(c string, margin float64, m *nameModel) (string, bool) {
	if place := x.abbrPlace(c); place != "" {
		return place, true
	}
	return c, margin >= m.settings[marginKey+"ABBRX"]
}

// abbrPlace names the country an abbreviation stands for: the first
// country of the lexicon whose name starts with it (中 → 中国, 美 → 美国).
func (x *extractor) abbrPlace(c string) string {
	for _, e := range x.lex.Entries {
		if e.Type == lexicon.Location && e.Kind == "country" && strings.HasPrefix(e.Canonical, c) {
			return e.Canonical
		}
	}
	return ""
}

// OrgSpans lists the runs of two to six words that end with a word ending
// in one of the given characters: bodies the segmenter cut into words
// (四川全兴队, 中国环境管理体系认证指导委员会).
func OrgSpans(p *segment.Paragraph, ends func(rune) bool, lex *lexicon.Set) []Span {
	var out []Span
	for k, t := range p.Tokens {
		if !ends(p.Runes[t.End-1]) || !allHan(p.Runes[t.Start:t.End]) || !bodyEnd(t, lex) {
			continue // 国务院 + 部署: a common word never ends a body's name
		}
		for j := k - 1; j >= 0 && j >= k-orgSpanWords+1; j-- {
			u := p.Tokens[j]
			if u.End != p.Tokens[j+1].Start || !allHan(p.Runes[u.Start:u.End]) || t.End-u.Start > orgSpanRunes {
				break
			}
			if _, title := lex.Titles.Get(u.Text); (title && j < k-1) || functionWord(u.POS) || u.POS == "vn" {
				break // 深化 + 公立医院, 副部长 + 倪虹 + 带队: a body's name holds no verb, title or person
			}
			out = append(out, Span{u.Start, t.End, j})
		}
	}
	return out
}

// bodyEnd reports a word that may end a body's name: a proper noun or
// abbreviation, one character (队), a word ending in a suffix of two or
// more characters (委员会, 有限公司), or a rare word (海牛队); not a verb or a
// common word that happens to end in such a character (部署).
func bodyEnd(t segment.Token, lex *lexicon.Set) bool {
	switch {
	case t.POS == "nt" || t.POS == "j" || t.POS == "nz" || t.POS == "x" || t.POS == "ns" || t.POS == "nr":
		return true
	case functionWord(t.POS) || t.POS == "vn":
		return false
	case t.End-t.Start == 1:
		return true
	}
	for _, f := range lex.OrgSuffix {
		if strings.HasSuffix(t.Text, f) && utf8.RuneCountInString(f) > 1 {
			return true
		}
	}
	b := idfLevel(lex, t.Text)
	return b != 1 && b != 2 // lt4, lt6
}

// OrgSpanFeatures adds the features of a run of words that may name a
// body: its last characters, its words' parts of speech, its first word,
// and the characters around it.
func OrgSpanFeatures(f *Features, p *segment.Paragraph, s Span, lex *lexicon.Set) {
	rs := p.Runes[s.Start:s.End]
	n := len(rs)
	first := p.Tokens[s.Token]
	f.buf = append(f.buf[:0], strFeatNames[sOSeq]...)
	ntok := 0
	for k := s.Token; k < len(p.Tokens) && p.Tokens[k].End <= s.End; k++ {
		f.buf = append(append(f.buf, p.Tokens[k].POS...), '+')
		ntok++
	}
	f.take()
	_, known := lex.Surface.Get(first.Text)
	f.addOf(sOBias, 0)
	f.addNum(sOLen, min(n, 10))
	f.addNum(sONTok, ntok)
	f.addRunes(fOEnd, rs[n-1])
	f.addRunes(fOEnd2, rs[n-2:]...)
	f.addStr(sOP0, first.POS)
	f.addStr(sOW0, first.Text)
	f.addOf(sOKnown0, boolIndex(known))
	f.addOf(sOIDF0, idfLevel(lex, first.Text))
	f.addPrev(fOPc, p.Runes, s.Start)
	f.addNext(fONc, p.Runes, s.End)
}

// modelOrgs adds the bodies the model finds in runs of words: at each end,
// the best of the runs when it is a body.
func (x *extractor) modelOrgs(p *segment.Paragraph, pi int, m *nameModel) {
	spans := OrgSpans(p, m.marksOf(orgEndKey), x.lex)
	sameEnd := func(a, b Span) bool { return a.End == b.End }
	featurize := func(f *Features, sp Span) { OrgSpanFeatures(f, p, sp, x.lex) }
	x.eachBest(spans, sameEnd, "ORG", m.settings[marginKey+"ORGSPAN"], featurize, func(best Span) {
		name := string(p.Runes[best.Start:best.End])
		if _, known := x.lex.Surface.Get(name); known || x.titleEndingAt(p.Runes, best.End) >= 2 {
			return // a lexicon entry the rules took or rejected, or a title (政治局常委)
		}
		x.c.add(mention{typ: "organization", key: name, surface: name, para: pi, start: best.Start, end: best.End,
			evidence: "model:organization-span"})
	})
}

// orgSpanWords and orgSpanRunes bound a run of words that may name a body.
const (
	orgSpanWords = 6
	orgSpanRunes = 20
)
