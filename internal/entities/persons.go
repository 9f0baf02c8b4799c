package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// persons finds officials: a title followed by a name confirmed by a
// surname and by what follows it (国务院安委会副主任、应急管理部部长黄明强调),
// and a name followed by a title (习近平总书记, 李强总理).
func (x *extractor) persons(p *segment.Paragraph, pi int, spans []lexSpan) {
	// entity spans in runes, by end position, for extending titles leftwards
	x.titledNames(p, pi, x.spanEnds(spans))
	x.namesBeforeTitles(p, pi)
}

// titledNames adds the names written after a title, and the names a 、
// (or a byline's space) joins to them.
func (x *extractor) titledNames(p *segment.Paragraph, pi int, byEnd map[int]int) {
	runes := p.Runes
	tokAt, tokEnd := x.tokenStarting(p), x.tokenEnding(p)
	for n := 1; n < len(runes); n++ {
		if !x.surnameStarts(runes, n) {
			if t, ok := tokAt(n); !ok || !strings.HasPrefix(t.POS, "nr") {
				continue // a name starts with a surname (or is a name the segmenter knows)
			}
		}
		te := gapBefore(runes, n) // 记者 孙奇茹, 通讯员 | 蒋忠慧: a byline's gap
		k := x.titleEndingAt(runes, te)
		if k == 0 {
			continue
		}
		name := x.nameAt(runes, n, tokAt)
		if name == "" || te == n && x.insideCommonToken(p, n) {
			continue // 管理事项已: a name starts no common word's second half (事项)
		}
		titles := x.titleChain(runes, te, byEnd, tokEnd)
		n = x.listedNames(p, pi, n, te, name, titles, tokAt)
	}
}

// listedNames adds the name at n with its titles, and the names a 、
// joins to it, which share them (直接责任人黎兵、李二民); te is where the
// title ends. It returns the start of the last name added.
func (x *extractor) listedNames(p *segment.Paragraph, pi, n, te int, name string, titles []string, tokAt func(int) (segment.Token, bool)) int {
	runes := p.Runes
	for e := n + utf8.RuneCountInString(name); ; {
		x.c.add(mention{typ: "person", key: name, surface: name, para: pi, start: n, end: e,
			titles: titles, evidence: "rule:title+name", prio: 4})
		if e+1 >= len(runes) || runes[e] != '、' && !(te < n && runes[e] == ' ') {
			return n // a byline joins its names by spaces (总台记者 周伟琪 金东)
		}
		next := e + 1
		if name = x.nameAt(runes, next, tokAt); name == "" {
			return next
		}
		n, e = next, next+utf8.RuneCountInString(name)
		if te < n-1 && runes[n-1] == ' ' && e < len(runes) && !strings.ContainsRune(" ）)", runes[e]) {
			return n // a byline's name stands alone between spaces
		}
	}
}

// namesBeforeTitles adds the segmenter's person tokens right before a
// title (李强总理).
func (x *extractor) namesBeforeTitles(p *segment.Paragraph, pi int) {
	tokEnd := x.tokenEnding(p)
	for ts := 2; ts < len(p.Runes); ts++ {
		tok, ok := tokEnd(ts)
		if !ok || !strings.HasPrefix(tok.POS, "nr") || tok.End-tok.Start < 2 || tok.End-tok.Start > 4 {
			continue
		}
		if !x.lex.Surnames[x.sub(tok.Start, tok.Start+1)] && !(tok.End-tok.Start >= 3 && x.lex.Surnames[x.sub(tok.Start, tok.Start+2)]) {
			continue
		}
		title := x.titleStartingAt(p.Runes, ts)
		if title == "" {
			continue
		}
		x.c.add(mention{typ: "person", key: tok.Text, surface: tok.Text, para: pi, start: tok.Start, end: tok.End,
			titles: []string{title}, evidence: "rule:name+title", prio: 4})
	}
}

// insideCommonToken reports that rune n lies inside, not at the start of,
// a common word of the segmentation (事项/n; not 长孙/ns of 县长孙光堂).
func (x *extractor) insideCommonToken(p *segment.Paragraph, n int) bool {
	if x.tokAt[n] != 0 {
		return false
	}
	for i := n - 1; i >= 0 && i >= n-4; i-- {
		if k := x.tokAt[i]; k > 0 {
			t := p.Tokens[k-1]
			return t.End > n && commonPOS(t.POS)
		}
	}
	return false
}

// titleEndingAt returns the rune length of the longest title that ends at n.
func (x *extractor) titleEndingAt(runes []rune, n int) int {
	if n == 0 || !x.lex.TitleEnds[runes[n-1]] {
		return 0
	}
	for k := min(n, 12); k >= 1; k-- {
		if _, ok := x.lex.Titles.Get(x.sub(n-k, n)); ok {
			return k
		}
	}
	return 0
}

// titleStartingAt returns the longest title that starts at i.
func (x *extractor) titleStartingAt(runes []rune, i int) string {
	s := x.sub(i, min(len(runes), i+12))
	n, _ := x.lex.Titles.Longest(s)
	if n == 0 {
		return ""
	}
	// 国务委员兼外长: the titles joined by 兼 are one line
	if j := i + utf8.RuneCountInString(s[:n]); j+1 < len(runes) && runes[j] == '兼' {
		if more := x.titleStartingAt(runes, j+1); more != "" {
			return s[:n] + "兼" + more
		}
	}
	return s[:n]
}

// nameAt reads a personal name starting at n: the segmenter's person token
// when it has one, else a surname and one or two characters, whichever is
// followed by a boundary.
func (x *extractor) nameAt(runes []rune, n int, tokAt func(int) (segment.Token, bool)) string {
	if t, ok := tokAt(n); ok && strings.HasPrefix(t.POS, "nr") && t.End-t.Start >= 2 && t.End-t.Start <= 4 && x.boundary(runes, t.End) &&
		!(t.End-t.Start == 3 && x.lex.NameCues[string(runes[t.End-1])]) {
		return t.Text
	}
	if t, ok := tokAt(n); ok && functionWord(t.POS) {
		return "" // 负责人应当…, 和直接…: a word, not a surname, follows
	}
	for _, sl := range []int{2, 1} {
		if n+sl > len(runes) || !x.lex.Surnames[x.sub(n, n+sl)] {
			continue
		}
		for _, gl := range []int{2, 1} {
			e := n + sl + gl
			if e > len(runes) || !allHan(runes[n:e]) {
				continue
			}
			if gl == 2 && (x.lex.NameCues[string(runes[e-1])] || e < len(runes) && x.lex.NameCues[string(runes[e-1:e+1])]) {
				continue // 罗干等, 张翔对, 罗露认为: a name never takes the word after it
			}
			if t, ok := tokAt(n); ok && commonPOS(t.POS) && t.End == e {
				continue // 市长 + 信箱/n, 经理 + 国库/n: the dictionary's common word, no name
			}
			if x.boundary(runes, e) {
				name := string(runes[n:e])
				if _, isTitle := x.lex.Titles.Get(name); isTitle {
					continue
				}
				return name
			}
		}
	}
	return ""
}

// functionWord reports a part of speech no name is tagged with: a
// conjunction, preposition, particle, adverb, pronoun or verb.
func functionWord(pos string) bool {
	switch pos {
	case "c", "p", "u", "uj", "ul", "uz", "d", "r", "v", "vd", "ad":
		return true
	}
	return false
}

// boundary reports whether a name may end at e: the end of the text,
// punctuation, or a word that follows names (强调, 表示, 在).
func (x *extractor) boundary(runes []rune, e int) bool {
	if e >= len(runes) {
		return true
	}
	r := runes[e]
	if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) {
		return true // punctuation, or a date right after the name (杨润雄21日表示)
	}
	for k := 1; k <= 4 && e+k <= len(runes); k++ {
		if x.lex.NameCues[string(runes[e:e+k])] {
			return true
		}
	}
	return false
}

// titleChain collects the titles before a name at n: the title, extended
// left over the bodies, places and nouns that qualify it (应急管理部 + 部长,
// 国家发展改革委环资司 + 副司长), and the titles joined to it by 、.
func (x *extractor) titleChain(runes []rune, n int, byEnd map[int]int, tokEnd func(int) (segment.Token, bool)) []string {
	var titles []string
	end := n
	for {
		k := x.titleEndingAt(runes, end)
		if k == 0 {
			break
		}
		start := x.titleHead(runes, end-k, end, byEnd)
		// 副董事长兼总经理 is one line of titles: the body before covers both
		for start > 1 && runes[start-1] == '兼' {
			j := x.titleEndingAt(runes, start-1)
			if j == 0 {
				break
			}
			start = start - 1 - j
		}
		for start > 0 && end-start < 24 {
			if st, ok := byEnd[start]; ok && st < start {
				start = st
				continue
			}
			t, ok := tokEnd(start)
			if !ok || t.POS == "x" && t.End-t.Start == 1 {
				break
			}
			if !nounLike(t.POS) && !x.bodyWordBefore(t, byEnd, tokEnd) && !ordinalTerm(t) {
				break
			}
			start = t.Start
		}
		titles = append([]string{string(runes[start:end])}, titles...)
		if start == 0 || runes[start-1] != '、' {
			break
		}
		end = start - 1
	}
	return titles
}

// ordinalTerm reports the ordinal of an office's holders inside a title
// (中国核潜艇 + 第一任 + 总设计师, 第十届 + 全国人大常委会委员长).
func ordinalTerm(t segment.Token) bool {
	r := []rune(t.Text)
	return len(r) >= 3 && len(r) <= 5 && r[0] == '第' && (r[len(r)-1] == '任' || r[len(r)-1] == '届')
}

// gapBefore returns where a title would end before the name at rune n
// across a byline's spaces and bars (记者 孙奇茹, 通讯员 | 蒋忠慧): n itself
// when no such gap is there.
func gapBefore(runes []rune, n int) int {
	i := n
	for i > 0 && n-i < 4 && strings.ContainsRune(" \u3000|｜", runes[i-1]) {
		i--
	}
	return i
}

// bodyWordBefore reports a word the segmenter tagged otherwise that ends
// a body's name inside a title (郑州中心 + 支行/v + 行长, 经济学 + 系/v +
// 副教授, 煤管 + 站/v): a body's ending of its own, with a noun or a known
// body or place right before it.
func (x *extractor) bodyWordBefore(t segment.Token, byEnd map[int]int, tokEnd func(int) (segment.Token, bool)) bool {
	if !slices.Contains(x.lex.OrgSuffix, t.Text) && t.Text != "系" && t.Text != "站" {
		return false
	}
	if _, ok := byEnd[t.Start]; ok {
		return true
	}
	u, ok := tokEnd(t.Start)
	return ok && (nounLike(u.POS) || u.POS == "x" && u.End-u.Start > 1)
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !utf8fast.IsHan(r) {
			return false
		}
	}
	return true
}

// laterNames adds the mentions of known persons' names written without a
// title (倪虹指出 after 住房和城乡建设部副部长倪虹), where nothing else holds the span.
func (x *extractor) laterNames(paras []segment.Paragraph, kept []mention) []mention {
	names := map[string]bool{}
	for _, m := range kept {
		if m.typ == "person" {
			names[m.key] = true
		}
	}
	if len(names) == 0 {
		return kept
	}
	occupied := map[int][][2]int{}
	for _, m := range kept {
		occupied[m.para] = append(occupied[m.para], [2]int{m.start, m.end})
	}
	out := kept
	bySurname := surnames(names)
	// The names' runes, compared with the paragraph's in place: a string
	// made of every window of runes cost more than the rest of the search.
	nameRunes := make(map[string][]rune, len(names))
	for name := range names {
		nameRunes[name] = []rune(name)
	}
	places := newRunePlaces(nameRunes)
	for i, p := range paras {
		pi := i - 1
		x.index(&paras[i])
		refs := x.shortRefs(&paras[i], pi, bySurname, occupied[pi])
		for _, m := range refs {
			occupied[pi] = append(occupied[pi], [2]int{m.start, m.end})
		}
		out = append(out, refs...)
		places.find(p.Runes)
		for name, nr := range nameRunes {
			if at, ok := places.of(nr); ok {
				for _, a := range at {
					if int(a)+len(nr) <= len(p.Runes) {
						out = x.knownNameAt(out, &p, pi, name, nr, int(a), occupied)
					}
				}
				continue
			}
			for at := 0; at+len(nr) <= len(p.Runes); at++ {
				out = x.knownNameAt(out, &p, pi, name, nr, at, occupied)
			}
		}
	}
	sortMentions(out)
	return out
}

// knownNameAt adds the known name at rune at of paragraph p, when its
// runes nr are there, no mention holds the place and the name ends there.
func (x *extractor) knownNameAt(out []mention, p *segment.Paragraph, pi int, name string, nr []rune, at int, occupied map[int][][2]int) []mention {
	if !slices.Equal(p.Runes[at:at+len(nr)], nr) || overlaps(occupied[pi], at, at+len(nr)) {
		return out
	}
	if !x.boundary(p.Runes, at+len(nr)) {
		return out
	}
	occupied[pi] = append(occupied[pi], [2]int{at, at + len(nr)})
	return append(out, mention{typ: "person", key: name, surface: name, para: pi, start: at, end: at + len(nr), evidence: "rule:known-name"})
}

// runePlaces lists where in a paragraph the first characters of the known
// names occur, in one pass: each name is then tried only there, in the
// order of the paragraph, instead of at every character.
type runePlaces struct {
	bits [1 << 16 / 64]uint64 // the first characters of the Plane
	slot map[rune]int
	at   [][]int32 // by slot: the rune offsets, ascending
}

func newRunePlaces(names map[string][]rune) *runePlaces {
	rp := &runePlaces{slot: map[rune]int{}}
	for _, nr := range names {
		if len(nr) == 0 || uint32(nr[0]) > 0xFFFF {
			continue // of: no places, every rune is tried
		}
		if _, ok := rp.slot[nr[0]]; !ok {
			rp.slot[nr[0]] = len(rp.at)
			rp.at = append(rp.at, nil)
			rp.bits[nr[0]>>6] |= 1 << (nr[0] & 63)
		}
	}
	return rp
}

// find lists the places of the first characters in runes.
func (rp *runePlaces) find(runes []rune) {
	for i := range rp.at {
		rp.at[i] = rp.at[i][:0]
	}
	for k, r := range runes {
		if uint32(r) <= 0xFFFF && rp.bits[r>>6]&(1<<(r&63)) != 0 {
			s := rp.slot[r]
			rp.at[s] = append(rp.at[s], int32(k))
		}
	}
}

// of returns the places of the first character of nr, or false when nr
// has none that find could list.
func (rp *runePlaces) of(nr []rune) ([]int32, bool) {
	if len(nr) == 0 {
		return nil, false
	}
	s, ok := rp.slot[nr[0]]
	if !ok {
		return nil, false
	}
	return rp.at[s], true
}

// surnames maps the first character of each known name to the name, or to
// "" when two names share it (then 王主任 could be either). The keys are
// runes: shortRefs looks up every character of every paragraph.
func surnames(names map[string]bool) map[rune]string {
	out := map[rune]string{}
	for n := range names {
		r := []rune(n)
		if len(r) < 2 || len(r) > 3 {
			continue
		}
		s := r[0]
		if old, ok := out[s]; ok && old != n {
			out[s] = ""
			continue
		}
		out[s] = n
	}
	return out
}

func overlaps(spans [][2]int, s, e int) bool {
	for _, sp := range spans {
		if s < sp[1] && sp[0] < e {
			return true
		}
	}
	return false
}

// orgSuffixes finds bodies no lexicon lists: a place or known body followed
// by nouns ending in an organization suffix (深圳 + 银保监局, 北京市 + 住建委).
func (x *extractor) orgSuffixes(p *segment.Paragraph, pi int, spans []lexSpan) {
	for _, s := range spans {
		if s.typ != "organization" && s.typ != "location" {
			continue
		}
		start := x.rune(s.b0)
		best, own := x.suffixedEnd(p, s, spans)
		if best > 0 && own {
			start = x.rune(s.b1)
		}
		x.addSuffixed(p, pi, s, start, best)
	}
}

// suffixedEnd walks the nouns after span s and returns where the longest
// name ending in an organization suffix ends (-1: none), and whether the
// body stands on its own without the place (a county's company).
func (x *extractor) suffixedEnd(p *segment.Paragraph, s lexSpan, spans []lexSpan) (best int, own bool) {
	spanStart := func(r int, typ string) bool { // a body or place after 和 makes two bodies
		for _, s := range spans {
			if x.rune(s.b0) == r && (typ == "" || s.typ == typ) {
				return true
			}
		}
		return false
	}
	start, end := x.rune(s.b0), x.rune(s.b1)
	best = -1
	k := int(x.tokAt[end]) - 1
	if k < 0 {
		k = x.restOfWord(p, end) // 古巴队/n, 中国美术馆/nt: the place starts a longer word
	}
	for ; k >= 0 && k < len(p.Tokens); k++ {
		t := p.Tokens[k]
		if t.Start < end {
			t.Text, t.Start = string(p.Runes[end:t.End]), end
		}
		if (t.Text == "和" || t.Text == "与") && t.Start == end && end > x.rune(s.b1) && k+1 < len(p.Tokens) &&
			fieldWord(p.Tokens[k-1]) && fieldWord(p.Tokens[k+1]) && !spanStart(p.Tokens[k+1].Start, "") &&
			!x.endsWithSuffix(p.Tokens[k-1].Text) && !x.endsWithSuffix(p.Tokens[k+1].Text) {
			end = t.End // 东莞市 + 工业和信息化局, …产业政策与法规司: 和 inside one name
			continue
		}
		if t.Start != end || t.End-start > 16 || !nounLike(t.POS) && !x.suffixWord(t.Text) || strings.ContainsAny(t.Text[:min(len(t.Text), 3)], "两各等多") || joiners[t.Text] {
			break // 西安两市政府 is two governments, 机构会同国务院 two bodies
		}
		if t.Start > x.rune(s.b1) && spanStart(t.Start, "organization") {
			break // 国务院办公厅 + 通报 + 国务院: a known body further on is another body
		}
		end = t.End
		if t.POS == "vn" {
			continue // 部署, 监管: may sit inside a name, never end one
		}
		if x.titleEndingAt(p.Runes, end) >= 2 {
			break // 中共中央 + 政治局常委: a title, not a body, ends here
		}
		ends, ownBody := x.suffixEnds(s, t, string(p.Runes[start:end]))
		own = own || ownBody
		if ends {
			best = end
		}
	}
	return best, own
}

// suffixEnds tells whether cand, whose last word is t, ends in an
// organization suffix that makes it a body's name after span s, and
// whether that body stands without its county.
func (x *extractor) suffixEnds(s lexSpan, t segment.Token, cand string) (ends, own bool) {
	for _, suf := range x.lex.OrgSuffix {
		if !strings.HasSuffix(cand, suf) {
			continue
		}
		if s.kind == "province" && slices.Contains(x.lex.FreeOrgSuffix, suf) {
			return false, false // a company's name leaves out its province (安徽 + 芦岭煤矿): companies() finds it
		}
		own = s.kind == "county" && slices.Contains(x.lex.FreeOrgSuffix, suf) // and its county (左权县 + 河南村煤矿)
		// a one-character suffix must be a word of its own or end an
		// abbreviation (住建委), not a common word (部署, 处理)
		return utf8.RuneCountInString(suf) > 1 || t.End-t.Start == 1 || t.POS == "nt" || t.POS == "j" || t.POS == "x", own
	}
	return false, false
}

// addSuffixed adds the body from start to best, unless it is a kind of
// body (部门) or any city's government.
func (x *extractor) addSuffixed(p *segment.Paragraph, pi int, s lexSpan, start, best int) {
	if best <= 0 || best-start < 3 {
		return
	}
	if best < len(p.Runes) && p.Runes[best] == '门' {
		return // 市生态环境部 + 门: 部门 is a kind of body, not a name
	}
	if s.kind == "level" && strings.HasSuffix(string(p.Runes[start:best]), "人民政府") {
		return // 市人民政府, 县人民政府: any city's government, a collective addressee
	}
	x.c.add(mention{typ: "organization", key: string(p.Runes[start:best]), surface: string(p.Runes[start:best]),
		para: pi, start: start, end: best, evidence: "rule:org-suffix", prio: 1})
}

// restOfWord returns the index of the proper or common noun that runs on
// past rune offset r, where a place or body ends inside it, or -1. A
// generic rest (中国政府, 美国公司) leaves the place alone: news names the
// country there, not a body of that name.
func (x *extractor) restOfWord(p *segment.Paragraph, r int) int {
	for i := r - 1; i >= 0 && i >= r-4; i-- {
		k := int(x.tokAt[i]) - 1
		if k < 0 {
			continue
		}
		if t := p.Tokens[k]; t.End > r && nounLike(t.POS) && t.POS != "vn" && !genericRest(string(p.Runes[r:t.End])) {
			return k
		}
		return -1
	}
	return -1
}

func genericRest(s string) bool { return genericBody[s] || s == "公司" || s == "人民" }

// nounLike accepts the parts of speech found inside names of bodies.
func nounLike(pos string) bool {
	switch {
	case pos == "vn" || pos == "j" || pos == "b" || pos == "x" || pos == "zg":
		return true
	case strings.HasPrefix(pos, "n"):
		return true
	}
	return false
}

// endsWithSuffix reports a word that ends like the name of a body.
func (x *extractor) endsWithSuffix(w string) bool {
	if !x.orgSuffixSet().may(w) {
		return false
	}
	for _, f := range x.lex.OrgSuffix {
		if strings.HasSuffix(w, f) && utf8.RuneCountInString(f) > 1 {
			return true
		}
	}
	return false
}

// province reports the name of a province (山西, 安徽省).
func (x *extractor) province(w string) bool {
	e, ok := x.lookup(w, lexicon.Location)
	return ok && e.Kind == "province"
}

// generic holds the quantifiers that make a phrase a kind, not a name.
var generic = map[string]bool{"部分": true, "所有": true, "全部": true, "其他": true, "一些": true, "各类": true, "有关": true, "相关": true, "该": true, "各": true}

// fieldWord reports a short noun that names a field inside a body's name
// (工业 和 信息化, 政策 与 法规), not a body, a person or a group (部门, 政府).
func fieldWord(t segment.Token) bool {
	n := t.End - t.Start
	return n >= 2 && n <= 4 && (t.POS == "n" || t.POS == "vn" || t.POS == "nz") && !genericBody[t.Text]
}

var genericBody = map[string]bool{"部门": true, "单位": true, "机构": true, "政府": true, "企业": true, "地方": true, "组织": true, "个人": true}

// joiners link two bodies; a name never runs through them.
var joiners = map[string]bool{"会同": true, "和": true, "与": true, "及": true, "同": true, "并": true, "或": true, "或者": true, "以及": true}

// companies finds bodies whose ending is distinctive (…有限责任公司, …煤矿)
// from the nouns before it, without a known place or body to start from.
func (x *extractor) companies(p *segment.Paragraph, pi int) {
	free := x.freeSuffixSet()
	for k, t := range p.Tokens {
		if !free.may(t.Text) {
			continue // no suffix ends the word
		}
		suf := ""
		for _, f := range x.lex.FreeOrgSuffix {
			if strings.HasSuffix(t.Text, f) {
				suf = f
				break
			}
		}
		if suf == "" {
			continue
		}
		start := t.Start
		if t.End-t.Start <= utf8.RuneCountInString(suf) { // the suffix alone: take the nouns before it
			for j := k - 1; j >= 0; j-- {
				u := p.Tokens[j]
				// stop at a place (山西左权县 + 河南村煤矿), another body
				// (…公司 + 芦岭煤矿), a verb the segmenter tagged otherwise (登记 为/zg
				// 股份有限公司) or anything not a noun
				if u.End != start || t.End-u.Start > 16 || !nounLike(u.POS) || joiners[u.Text] || oneCharVerbs[u.Text] || u.POS == "vn" || x.province(u.Text) || x.endsWithSuffix(u.Text) {
					break
				}
				start = u.Start
			}
		}
		nouns := start
		if strings.Contains(suf, "公司") {
			start = x.companyStart(p, k, start)
		}
		if t.End-start-utf8.RuneCountInString(suf) < 2 || generic[string(p.Runes[start:min(start+2, t.End)])] {
			continue // 有限公司 alone, 部分煤矿, 所有煤矿 name no one
		}
		if start == nouns && kindOfBody(p, k, start) {
			continue // 公立医院, 互联网医院, 科技有限公司: a kind of body, not a name
		}
		name := string(p.Runes[start:t.End])
		x.c.add(mention{typ: "organization", key: name, surface: name, para: pi, start: start, end: t.End, evidence: "rule:company-suffix", prio: 1})
	}
}

// kindOfBody reports a name of a body built only of common words of the
// dictionary (公立 + 医院, 应用型 + 大学, 证券 + 交易所, 股份 + 有限公司):
// it names a kind of body. A name holds a proper noun, a place, an
// abbreviation or a word the dictionary does not know (杏儿沟 + 煤矿); a
// trade name cut into common words (共享 + 装备 + 股份有限公司) is let
// through by companyStart.
func kindOfBody(p *segment.Paragraph, k, start int) bool {
	for j := k; j >= 0 && p.Tokens[j].End > start; j-- {
		if !commonPOS(p.Tokens[j].POS) {
			return false
		}
	}
	return true
}

// commonPOS reports the part of speech of an ordinary word: a common noun,
// verb, adjective, distinguishing word, place or direction word.
func commonPOS(pos string) bool {
	switch pos {
	case "n", "v", "vn", "a", "an", "b", "d", "f", "s", "l", "i":
		return true
	}
	return false
}

// placeEnds are the endings of a county, city, town, township, village or
// foreign state.
const placeEnds = "县市镇乡村州"

// dictPlaces finds the county-level places no lexicon lists from the
// segmentation dictionary's place tag (仙居县/ns, 临海市/ns, 小河口镇/ns): a
// word of three to five characters that ends like a place; and a proper
// noun the dictionary cut from such an ending (塔科马/nz + 市, 龙泉/nz + 乡).
func (x *extractor) dictPlaces(p *segment.Paragraph, pi int, spans []lexSpan) []lexSpan {
	var found []lexSpan
	for k, t := range p.Tokens {
		if t.POS != "ns" {
			t = x.cutPlace(p, k)
		}
		if t.POS != "ns" {
			continue
		}
		n := t.End - t.Start
		if n < 3 || n > 6 || !strings.ContainsRune(placeEnds, p.Runes[t.End-1]) ||
			strings.HasSuffix(t.Text, "城市") || strings.HasSuffix(t.Text, "省市") || strings.HasSuffix(t.Text, "自治县") || strings.HasSuffix(t.Text, "自治州") {
			continue // 大城市, 各省市, 自治县: kinds of places, not places
		}
		inside := false
		for _, s := range spans {
			if x.rune(s.b0) < t.End && t.Start < x.rune(s.b1) {
				inside = true
				break
			}
		}
		if !inside {
			x.c.add(mention{typ: "location", key: t.Text, surface: t.Text, para: pi, start: t.Start, end: t.End, evidence: "rule:dictionary-place", prio: 1})
			found = append(found, lexSpan{typ: "location", kind: "county", b0: int(x.byteAt[t.Start]), b1: int(x.byteAt[t.End])})
		}
	}
	return found
}

// levelAnchors returns, as places for orgSuffixes to start from, the
// level words that stand for the document's own province, city or county
// before a body (省 + 工信厅, 自治区 + 卫生健康委, 市 + 公共信用信息服务中心):
// 省, 市, 县 or 自治区 after a boundary (not inside a place's name, not
// after 各 or 全) and not starting a common word (市场, 省份, 县城).
func (x *extractor) levelAnchors(p *segment.Paragraph) []lexSpan {
	var out []lexSpan
	rs := p.Runes
	for i := 0; i < len(rs); i++ {
		n := 0
		switch {
		case i+3 <= len(rs) && rs[i] == '自' && rs[i+1] == '治' && rs[i+2] == '区':
			n = 3 // compared rune by rune: a string made at every rune cost more than the rest of the scan
		case rs[i] == '省' || rs[i] == '市' || rs[i] == '县':
			n = 1
		}
		if n == 0 || i+n >= len(rs) || (i > 0 && utf8fast.IsHan(rs[i-1]) && !strings.ContainsRune(levelBefore, rs[i-1])) {
			continue
		}
		if strings.ContainsRune("省市县区场民份城长级内外里", rs[i+n]) || x.tokAt[i] > 0 && p.Tokens[x.tokAt[i]-1].End-i > n+1 {
			continue // 省市, 市场, 县城; a longer word starts here (市民政局 aside)
		}
		out = append(out, lexSpan{typ: "location", kind: "level", b0: int(x.byteAt[i]), b1: int(x.byteAt[i+n])})
	}
	return out
}

// levelBefore are the characters after which a level word starts a body:
// joiners, prepositions and verbs that take a body.
const levelBefore = "和与及同或由经向对在据将从并报请"

// cutPlace returns, as one place word, a proper noun of two to four
// characters and the one-character place ending the dictionary cut from
// it (塔科马/nz 市), with the proper nouns right before it (莱克/nrt 伍德/nr
// 县); otherwise the token k itself.
func (x *extractor) cutPlace(p *segment.Paragraph, k int) segment.Token {
	t := p.Tokens[k]
	if k+1 >= len(p.Tokens) || !properNoun(t.POS) || t.End-t.Start < 2 || t.End-t.Start > 4 || !allHan(p.Runes[t.Start:t.End]) {
		return t
	}
	if u := p.Tokens[k+1]; u.Start != t.End || u.End-u.Start != 1 || !strings.ContainsRune(placeEnds, p.Runes[u.Start]) {
		return t
	}
	start := t.Start
	for j := k - 1; j >= 0 && properNoun(p.Tokens[j].POS) && p.Tokens[j].End == start && t.End-p.Tokens[j].Start <= 5; j-- {
		start = p.Tokens[j].Start
	}
	return segment.Token{Text: string(p.Runes[start : t.End+1]), Start: start, End: t.End + 1, POS: "ns"}
}

// properNoun reports the tags of names in the segmentation dictionary.
func properNoun(pos string) bool {
	switch pos {
	case "nr", "nrt", "nrfg", "nz", "ns":
		return true
	}
	return false
}

// counties finds the smaller places written right after a known one: the
// place itself with the ending of a town or county (辽阳 + 镇), or one to
// three characters and such an ending (山西省 + 左权县).
func (x *extractor) counties(p *segment.Paragraph, pi int, spans []lexSpan) []lexSpan {
	var found []lexSpan
	isEnd := func(r rune) bool { return strings.ContainsRune("县区镇乡旗", r) }
	for _, s := range spans {
		if s.typ != "location" {
			continue
		}
		start, end := x.rune(s.b0), x.rune(s.b1)
		if end < len(p.Runes) && isEnd(p.Runes[end]) && !isEnd(p.Runes[end-1]) && x.tokEnd[end+1] > 0 {
			name := string(p.Runes[start : end+1])
			x.c.add(mention{typ: "location", key: name, surface: name, para: pi, start: start, end: end + 1, evidence: "rule:county", prio: 3})
			found = append(found, lexSpan{typ: "location", kind: "county", b0: int(x.byteAt[start]), b1: int(x.byteAt[end+1])})
			continue
		}
		for n := 2; n <= 4 && end+n <= len(p.Runes); n++ {
			if !isEnd(p.Runes[end+n-1]) || isEnd(p.Runes[end]) || !allHan(p.Runes[end:end+n]) {
				continue
			}
			if !x.countyWords(p, end, end+n) {
				break // 新疆 + 等地区, 西藏 + 实现乡(镇), 内蒙古 + 全区: no county's name
			}
			name := string(p.Runes[end : end+n])
			x.c.add(mention{typ: "location", key: name, surface: name, para: pi, start: end, end: end + n, evidence: "rule:county", prio: 1})
			found = append(found, lexSpan{typ: "location", kind: "county", b0: int(x.byteAt[end]), b1: int(x.byteAt[end+n])})
			break
		}
	}
	return found
}

// suffixWord reports a word that is itself an ending of bodies' names of
// two or more characters (支行, 分局), whatever its part of speech: 人民银行
// 深圳中心 + 支行/v.
func (x *extractor) suffixWord(w string) bool {
	return utf8.RuneCountInString(w) > 1 && slices.Contains(x.lex.OrgSuffix, w)
}

// countyWords reports whether the runes from start to end are whole words
// that may name a county after a place: they start and end with words, the
// first no function word or verb (等 + 地区), and they are no one common
// noun (全区, 辖区).
func (x *extractor) countyWords(p *segment.Paragraph, start, end int) bool {
	k, last := int(x.tokAt[start])-1, int(x.tokEnd[end])-1
	if k < 0 || last < 0 {
		return false
	}
	return !functionWord(p.Tokens[k].POS) && !(k == last && p.Tokens[k].POS == "n")
}

// titleHead moves the start of a title found at [start, end) back to the
// body it shares characters with (国家税务总局 + 局长 read as 总局局长 ends
// inside the body) or to the start of the word it ends (协会会长).
func (x *extractor) titleHead(runes []rune, start, end int, byEnd map[int]int) int {
	for e, st := range byEnd {
		if st < start && e > start && e < end {
			start = st
		}
	}
	if k := x.tokEnd[end]; k > 0 && x.tokAt[start] == 0 {
		for i := start - 1; i >= 0 && end-i <= 8; i-- {
			if x.tokAt[i] > 0 {
				return i
			}
		}
	}
	return start
}
