package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// plainNames finds persons written without a title: a word the segmenter
// knows as a name (周恩来/nr, 克林顿/nrt), or an unknown word that starts
// with a surname (薛明, 白乐桑) and stands where names stand: after a title
// or a word such as 记者, before a cue such as 说 or 表示, or in a list
// beside another name (王霞光、李长云).
func (x *extractor) plainNames(p *segment.Paragraph, pi int, spans []lexSpan) {
	// first the names with a cue of their own, then those listed beside them
	strong := make([]bool, len(p.Tokens))
	for k, t := range p.Tokens {
		strong[k] = x.unknownName(t) && !x.notName(p, k) && x.nameContext(p, k, strong)
	}
	for k, t := range p.Tokens {
		if !x.unknownName(t) || x.notName(p, k) {
			continue
		}
		name := x.trimName(p, t)
		end := t.Start + utf8.RuneCountInString(name)
		titles := x.nameTitles(p, t.Start, end, spans)
		if !strong[k] && titles == nil && !x.nameContext(p, k, strong) {
			continue
		}
		x.c.add(mention{typ: "person", key: name, surface: name, para: pi, start: t.Start, end: end,
			titles: titles, evidence: "rule:plain-name", prio: 1})
	}
	x.translitNames(p, pi)
}

// extendTranslit lengthens the persons found in paragraph p since
// candidate from whose names are transliterations (every character one
// of the model's transliteration characters) over the whole words of such
// characters right before and after them: 松德/x + 斯特伦, 卡巴 + 杰.
func (x *extractor) extendTranslit(p *segment.Paragraph, from int, m *nameModel) {
	isTranslit := m.marksOf(translitKey)
	translit := func(rs []rune) bool {
		for _, r := range rs {
			if !isTranslit(r) && !isNameDot(r) {
				return false
			}
		}
		return len(rs) > 0
	}
	for i := from; i < len(x.c.cands); i++ {
		c := &x.c.cands[i]
		if c.typ != "person" || c.end > len(p.Runes) || c.end-c.start < 2 || !translit(p.Runes[c.start:c.end]) {
			continue
		}
		start, end := c.start, c.end
		for k := int(x.tokAt[end]) - 1; k >= 0 && end-start < 8; k = int(x.tokAt[end]) - 1 {
			t := p.Tokens[k]
			if t.End-t.Start > 3 || !translit(p.Runes[t.Start:t.End]) {
				break
			}
			end = t.End
		}
		for k := int(x.tokEnd[start]) - 1; k >= 0 && end-start < 8; k = int(x.tokEnd[start]) - 1 {
			t := p.Tokens[k]
			if t.End-t.Start > 3 || !translit(p.Runes[t.Start:t.End]) {
				break
			}
			start = t.Start
		}
		if start != c.start || end != c.end {
			name := string(p.Runes[start:end])
			c.start, c.end, c.surface, c.key = start, end, name, name
		}
	}
}

// unknownName reports a word that is a name when its context says so: a
// word the dictionary tags as a name or a transliteration (克林顿/nr,
// 阿维兰热/nrt), or one it lacks (cut by the HMM) that starts with a
// surname (薛明/x).
func (x *extractor) unknownName(t segment.Token) bool {
	n := t.End - t.Start
	tagged := t.POS == "nr" || t.POS == "nrt" || t.POS == "nrfg"
	if n < 2 || n > 4 || !tagged && t.POS != "x" || !allHanText(t.Text) {
		return false // the tag first: it rules out most words at once
	}
	if tagged {
		return true
	}
	sl := x.surnameLen(t.Text)
	return t.POS == "x" && sl > 0 && n-sl <= 2
}

// notName rejects a candidate whose given name is an honorific or cue
// (张女士, 王先生: the person is named elsewhere), that ends like a place
// (左权县), or that follows a surname written alone (刘 + 向东 is one name).
func (x *extractor) notName(p *segment.Paragraph, k int) bool {
	if x.notNameWord(p.Tokens[k]) {
		return true
	}
	t := p.Tokens[k]
	if k > 0 {
		prev := p.Tokens[k-1]
		return prev.End == t.Start && prev.End-prev.Start == 1 && x.lex.Surnames[prev.Text]
	}
	return false
}

// notNameWord rejects a word whose given name is an honorific, a cue or a
// title (张女士, 王先生), or that ends like a place (左权县).
func (x *extractor) notNameWord(t segment.Token) bool {
	rs := []rune(t.Text)
	given := string(rs[x.surnameLen(t.Text):])
	if x.lex.NameCues[given] || strings.ContainsRune("县市省区镇乡村旗州", rs[len(rs)-1]) {
		return true
	}
	_, ok := x.lex.Titles.Get(given)
	return ok
}

// surnameLen is the rune length of the surname a word starts with (2 for
// 欧阳), or 0.
// The word's first characters are looked up as its bytes, not as a string
// made of its runes: the same string for valid UTF-8, and a surname never
// holds the bytes of an invalid one.
func (x *extractor) surnameLen(w string) int {
	r, one := utf8fast.DecodeRune(w)
	two := utf8fast.RuneSize(w[one:])
	// the table answers where it can, the map where it cannot
	single, longer, ok := x.surnameTable().at(r)
	if len(w) > one+two && (!ok || longer) && x.lex.Surnames[w[:one+two]] { // three runes or more
		return 2
	}
	if len(w) > one && (ok && single || !ok && x.lex.Surnames[w[:one]]) { // two or more
		return 1
	}
	return 0
}

// allHanText is allHan of a string's runes, without making them.
func allHanText(s string) bool {
	for _, r := range s {
		if !utf8fast.IsHan(r) {
			return false
		}
	}
	return true
}

// nameContext reports the cues around token k that show a name: a title
// before or after it, a verb of speech or an honorific after it (说, 表示,
// 同志, 先生: a cue word that is a verb or a noun of two characters), or a
// name joined to it by 、, 和 or ／.
func (x *extractor) nameContext(p *segment.Paragraph, k int, strong []bool) bool {
	t := p.Tokens[k]
	if x.titleEndingAt(p.Runes, t.Start) > 0 || x.titleStartingAt(p.Runes, t.End) != "" {
		return true
	}
	if k+1 < len(p.Tokens) {
		nx := p.Tokens[k+1]
		if x.lex.NameCues[nx.Text] && (nx.POS == "v" || nx.POS == "n") && (nx.End-nx.Start >= 2 || nx.Text == "说") {
			return true
		}
	}
	for _, j := range []int{k - 2, k + 2} {
		if j < 0 || j >= len(p.Tokens) || !strong[j] {
			continue
		}
		mid := p.Tokens[(j+k)/2].Text
		if mid == "、" || mid == "和" || mid == "与" || mid == "／" || mid == "/" {
			return true
		}
	}
	return false
}

func isPunct(r rune) bool {
	return !utf8fast.IsHan(r) && !('a' <= r && r <= 'z') && !('A' <= r && r <= 'Z')
}

// trimName drops a last character that is a cue word of its own when the
// name is longer than a surname and one character: 乔石从 is 乔石 + 从,
// 罗干等 is 罗干 + 等.
func (x *extractor) trimName(p *segment.Paragraph, t segment.Token) string {
	r := p.Runes[t.Start:t.End]
	sl := x.surnameLen(t.Text)
	if len(r)-sl == 2 && x.lex.NameCues[string(r[len(r)-1])] {
		return string(r[:len(r)-1])
	}
	return t.Text
}

// translitNames finds transliterated names joined by a middle dot
// (卡洛斯·阿马特, 芭芭拉·弗兰克林): the words on each side of each dot.
func (x *extractor) translitNames(p *segment.Paragraph, pi int) {
	runes := p.Runes
	for i := 1; i+1 < len(runes); i++ {
		if !isNameDot(runes[i]) || !utf8fast.IsHan(runes[i-1]) || !utf8fast.IsHan(runes[i+1]) {
			continue
		}
		start := x.translitStart(p, i)
		end := i
		for end < len(runes) && (isNameDot(runes[end]) && end+1 < len(runes) && utf8fast.IsHan(runes[end+1])) {
			end = x.translitPart(p, end+1)
		}
		if start < 0 || end <= i+1 || x.bodyWordAt(p, end) {
			continue // 乔治·梅森 + 大学 names a body
		}
		name := string(runes[start:end])
		x.c.add(mention{typ: "person", key: name, surface: name, para: pi, start: start, end: end,
			evidence: "rule:transliterated-name", prio: 3})
		i = end
	}
}

// bodyWordAt reports a word at i that ends the name of a body (大学,
// 公司): the name before it is the body's, not a person.
func (x *extractor) bodyWordAt(p *segment.Paragraph, i int) bool {
	if i >= len(p.Runes) || x.tokAt[i] == 0 {
		return false
	}
	w := p.Tokens[x.tokAt[i]-1].Text
	for _, f := range x.lex.OrgSuffix {
		if utf8.RuneCountInString(f) > 1 && strings.HasSuffix(w, f) {
			return true
		}
	}
	return false
}

// translitPart is where a part of a dotted name that starts at i ends: the
// Han words from i on (阿 + 马特) up to a cue word (在, 指出) or six
// characters.
func (x *extractor) translitPart(p *segment.Paragraph, i int) int {
	end := i
	for end < len(p.Runes) && end-i < 6 {
		k := x.tokAt[end]
		if k == 0 {
			break
		}
		t := p.Tokens[k-1]
		if !allHan(p.Runes[t.Start:t.End]) || (end > i && (x.lex.NameCues[t.Text] || functionWord(t.POS) || t.POS == "n" && t.End-t.Start >= 2)) {
			break // 科菲·安南 + 希望, 阿·德米特里延科 + 均, 乔治·梅森 + 大学
		}
		end = t.End
	}
	return end
}

// translitStart is where the first part of a dotted name begins: the
// word before the dot, without a title that ends inside it.
func (x *extractor) translitStart(p *segment.Paragraph, dot int) int {
	k := x.tokEnd[dot]
	if k == 0 {
		return -1
	}
	t := p.Tokens[k-1]
	if !allHan(p.Runes[t.Start:t.End]) || t.End-t.Start > 6 || notNamePart(t) || t.POS == "n" || functionWord(t.POS) {
		return -1 // 四•九 is a date, 首都·太行山 a pairing of places
	}
	if next := x.tokAt[dot+1]; next > 0 && notNamePart(p.Tokens[next-1]) {
		return -1 // 晋阳湖·第二届…
	}
	if x.titleEndingAt(p.Runes, t.Start) == 0 {
		for s := t.Start + 1; s < t.End; s++ {
			if x.titleEndingAt(p.Runes, s) > 0 {
				return s // 司法部长卡洛斯 cut as one word
			}
		}
	}
	return t.Start
}

// notNamePart reports a word that is no part of a transliterated name: a
// numeral, an ordinal or a time.
func notNamePart(t segment.Token) bool {
	return t.POS == "m" || t.POS == "t" || strings.HasPrefix(t.Text, "第")
}

func isNameDot(r rune) bool { return r == '·' || r == '・' || r == '•' || r == '‧' }

// shortRefs adds one-character references to a known person (江主席, 胡老
// after 江泽民, 胡耀邦): the surname alone before a title, when one known
// name of the document has that surname.
func (x *extractor) shortRefs(p *segment.Paragraph, pi int, bySurname map[rune]string, occupied [][2]int) []mention {
	var out []mention
	for at := 0; at+1 < len(p.Runes); at++ {
		name, ok := bySurname[p.Runes[at]]
		if !ok || name == "" || overlaps(occupied, at, at+1) {
			continue
		}
		if at > 0 && utf8fast.IsHan(p.Runes[at-1]) && x.titleEndingAt(p.Runes, at) == 0 && !strings.ContainsRune("、和与同", p.Runes[at-1]) {
			continue // inside a word
		}
		if x.titleStartingAt(p.Runes, at+1) == "" {
			continue
		}
		out = append(out, mention{typ: "person", key: name, surface: string(p.Runes[at]), para: pi, start: at, end: at + 1,
			evidence: "rule:surname-reference"})
	}
	return out
}

// nameTitles returns the titles written right before a name (with the
// bodies that qualify them) or right after it, also after a dash or a comma
// (王军 — 总局局长), where an abbreviated body is completed from the body
// named before it in the paragraph (国家税务总局 + 局长).
func (x *extractor) nameTitles(p *segment.Paragraph, start, end int, spans []lexSpan) []string {
	if x.titleEndingAt(p.Runes, start) > 0 {
		return x.titleChain(p.Runes, start, x.spanEnds(spans), x.tokenEnding(p))
	}
	if t := x.titleStartingAt(p.Runes, end); strings.Contains(t, "兼") {
		return []string{t} // 王毅国务委员兼外长
	}
	s := end
	for s < len(p.Runes) && strings.ContainsRune(" \u3000—－-–，,：:", p.Runes[s]) {
		s++
	}
	for e := min(len(p.Runes), s+12); e > s; e-- {
		k := x.titleEndingAt(p.Runes, e)
		if k == 0 || !allHan(p.Runes[s:e]) || (s > end && x.tokAt[s] == 0) {
			continue
		}
		if s == end && e-k != s {
			continue // right after a name only a title itself (王军局长), no body
		}
		if s > end && e-k == s && e-s == 1 {
			break // a one-character title after a comma is another word
		}
		if s > end && x.nameAfter(p.Runes, e) {
			break // 卡腾，刑警队副队长任俊林: the title of the next name
		}
		return []string{x.completeBody(string(p.Runes[s:e]), spans)}
	}
	return nil
}

// completeBody expands a title that starts with an abbreviated body (总局局长)
// with the body named before in the paragraph that ends with that
// abbreviation (国家税务总局 → 国家税务总局局长).
func (x *extractor) completeBody(title string, spans []lexSpan) string {
	rs := []rune(title)
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		if sp.typ != "organization" {
			continue
		}
		full := x.text[sp.b0:sp.b1]
		for k := len(rs) - 1; k >= 2; k-- {
			if head := string(rs[:k]); full != head && strings.HasSuffix(full, head) {
				return full + string(rs[k:])
			}
		}
	}
	return title
}

// spanEnds maps the rune end of each body or place to its start.
func (x *extractor) spanEnds(spans []lexSpan) map[int]int {
	byEnd := map[int]int{}
	for _, s := range spans {
		if s.typ == "organization" || s.typ == "location" {
			st, en := x.rune(s.b0), x.rune(s.b1)
			if old, ok := byEnd[en]; !ok || st < old {
				byEnd[en] = st
			}
		}
	}
	return byEnd
}

// tokenStarting returns the token that starts at a rune offset.
func (x *extractor) tokenStarting(p *segment.Paragraph) func(int) (segment.Token, bool) {
	return func(i int) (segment.Token, bool) {
		if k := x.tokAt[i]; k > 0 {
			return p.Tokens[k-1], true
		}
		return segment.Token{}, false
	}
}

// tokenEnding returns the token that ends at a rune offset.
func (x *extractor) tokenEnding(p *segment.Paragraph) func(int) (segment.Token, bool) {
	return func(i int) (segment.Token, bool) {
		if k := x.tokEnd[i]; k > 0 {
			return p.Tokens[k-1], true
		}
		return segment.Token{}, false
	}
}

// nameAfter reports a surname and a Han character at i: a title right
// before them is that person's.
func (x *extractor) nameAfter(rs []rune, i int) bool {
	return i+1 < len(rs) && x.lex.Surnames[string(rs[i])] && utf8fast.IsHan(rs[i+1])
}
