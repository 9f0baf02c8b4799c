package entities

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Meta is what the extractor needs to know of the document.
type Meta struct {
	Date      string // RFC 3339: the anchor of partial dates
	Title     string
	DocNumber string // 发文字号 of the document itself
	Format    string
}

// TitleParagraph is the paragraph index of mentions in the document's title.
const TitleParagraph = -1

// Extract finds the entities of a document. Mentions in the title carry
// paragraph TitleParagraph (-1).
func Extract(doc *segment.Doc, lex *lexicon.Set, meta Meta) []Entity {
	x := &extractor{lex: lex, anchor: parseDate(meta.Date), meta: meta}
	if m := reYear.FindStringSubmatch(meta.Title); m != nil {
		x.titleYear, _ = strconv.Atoi(m[1])
	}
	paras := append([]segment.Paragraph{doc.Title}, doc.Paragraphs...)
	for i := range paras {
		p := &paras[i]
		if doc.Lang == "en" {
			x.english(p, i-1)
		} else {
			x.chinese(p, i-1)
		}
	}
	ms := parenAcronyms(paras, x.c.resolve())
	if doc.Lang == "en" {
		return merge(keepEnglishTerms(acronymsByInitials(ms)))
	}
	es := sameBodies(merge(planForms(x.laterNames(paras, ms))), lex)
	if len(doc.Paragraphs) > 1 {
		es = dropLoneAbbreviations(dropFormulaPlaces(es, paras))
	}
	return es
}

// dropFormulaPlaces removes a place that a document of several paragraphs
// names only inside the formula 中国特色 (中国特色社会主义, 有中国特色的):
// the labels count the formula's country as no place of the document. A
// lone sentence keeps it, as People's Daily tags it there.
func dropFormulaPlaces(es []Entity, paras []segment.Paragraph) []Entity {
	return slices.DeleteFunc(es, func(e Entity) bool {
		if e.Type != "location" || e.Text != "中国" || len(e.Mentions) == 0 {
			return false
		}
		for _, m := range e.Mentions {
			if m.Paragraph+1 < 0 || m.Paragraph+1 >= len(paras) {
				return false
			}
			rs := paras[m.Paragraph+1].Runes
			if m.End+2 > len(rs) || string(rs[m.End:m.End+2]) != "特色" {
				return false
			}
		}
		return true
	})
}

// dropLoneAbbreviations removes a place that a document of several
// paragraphs names only by a one-character abbreviation (来华, 驻京, 中外,
// 港澳台资): ANNOTATION.md counts named places, and in a whole document an
// abbreviation names one only as a form of a place written in full (中国 …
// 中美), which merges it into that place. A lone sentence or headline
// (中美签署协议) keeps it: there the abbreviation is all the text gives.
func dropLoneAbbreviations(es []Entity) []Entity {
	return slices.DeleteFunc(es, func(e Entity) bool {
		if e.Type != "location" || len(e.Mentions) == 0 {
			return false
		}
		for _, m := range e.Mentions {
			if utf8.RuneCountInString(m.Surface) != 1 {
				return false
			}
		}
		return true
	})
}

// rePlanShort is a five-year plan named by its number (七五计划草案).
var rePlanShort = regexp.MustCompile(`^((?:[二三四六七八九]|十[一二三四五六七八九]?))五((?:计划|规划)(?:草案|纲要)?)$`)

// planForms makes a five-year plan named by its number one law with the
// plan written out in the same document (“七五”计划 and 第七个五年计划).
func planForms(ms []mention) []mention {
	laws := map[string]bool{}
	for _, m := range ms {
		if m.typ == "law" {
			laws[m.key] = true
		}
	}
	for i, m := range ms {
		if m.typ != "law" {
			continue
		}
		if sm := rePlanShort.FindStringSubmatch(m.key); sm != nil {
			if long := "第" + sm[1] + "个五年" + sm[2]; laws[long] {
				ms[i].key, ms[i].norm = long, long
			}
		}
	}
	return ms
}

// parenAcronyms makes an acronym in brackets right after a name of the
// same type a form of that name, in the whole document (世界贸易组织（WTO）
// … WTO成员: one body, not the body and WTO). ms is sorted by paragraph and
// start, as resolve leaves it.
func parenAcronyms(paras []segment.Paragraph, ms []mention) []mention {
	type name struct{ key, norm string }
	defined := map[string]name{} // type and the acronym's own key → the name
	for i := 1; i < len(ms); i++ {
		m, prev := ms[i], ms[i-1]
		gap := m.start - prev.end
		if prev.para != m.para || prev.typ != m.typ || gap < 1 || gap > 2 {
			continue
		}
		rs := paras[m.para+1].Runes
		if m.end >= len(rs) || !strings.ContainsRune("(（", rs[m.start-1]) || !strings.ContainsRune(")）", rs[m.end]) {
			continue
		}
		// an acronym right after the name, or a short name after a space
		if gap == 1 && isAcronym(m.surface) || gap == 2 && rs[prev.end] == ' ' && shortName(prev.surface, m.surface) {
			defined[m.typ+"\x00"+m.key] = name{prev.key, prev.norm}
		}
	}
	for i := range ms {
		if n, ok := defined[ms[i].typ+"\x00"+ms[i].key]; ok {
			ms[i].key, ms[i].norm = n.key, n.norm
		}
	}
	return ms
}

// shortName reports a short name of a long one in English: two or more
// words, each a word of the long name (Federal Interagency Sustainability
// Steering Committee (Steering Committee), Advisory Board on Toxic
// Substances and Worker Health (Advisory Board)).
func shortName(long, short string) bool {
	ws := strings.Fields(short)
	if len(ws) < 2 || short == long {
		return false
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(long) {
		in[w] = true
	}
	for _, w := range ws {
		if !in[w] {
			return false
		}
	}
	return true
}

// isAcronym reports two to eight capital letters, digits, dots or hyphens.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-&") == ""
}

type extractor struct {
	lex       *lexicon.Set
	anchor    time.Time
	meta      Meta
	titleYear int // a year the title names: the default year of its dates
	c         collector
	// per-paragraph scratch, reused: byte → rune offsets, and the token
	// (index+1) starting or ending at each rune offset
	runeAt        []int32
	byteAt        []int32 // rune → byte offsets
	text          string  // the paragraph indexed
	tokAt, tokEnd []int32
	feats         Features // the name model's scratch
	surnames      *surnameRunes
	freeSuf       *suffixSet // of lex.FreeOrgSuffix
	orgSuf        *suffixSet // of lex.OrgSuffix
	// the Acts named so far, and the short names defined for them in
	// parentheses (Sherman Act → Sherman Antitrust Act)
	actNames []string
	actShort map[string]string
	prevEn   string // the English paragraph before this one
	// a title's name broken off after an initial at the end of the
	// paragraph before, and its title
	pendingName, pendingTitle string
	// the dated titles of the English paragraph (rune spans), whose words
	// no rule reads as names
	titleSpans [][2]int
}

// sub is runes [i, j) of the indexed paragraph, sliced without a copy.
func (x *extractor) sub(i, j int) string { return x.text[x.byteAt[i]:x.byteAt[j]] }

// index prepares the scratch tables of a paragraph.
func (x *extractor) index(p *segment.Paragraph) {
	text := p.Text
	x.text = text
	x.runeAt = grow(x.runeAt, len(text)+1)
	x.byteAt = grow(x.byteAt, len(p.Runes)+1)
	r := int32(0)
	runeAt, byteAt := x.runeAt[:len(text)+1], x.byteAt
	for b := 0; b < len(text); r++ {
		if int(r) < len(byteAt) {
			byteAt[r] = int32(b)
		}
		if b+3 <= len(text) { // most runes of a Chinese text: see hanBytes
			if c0, c1, c2 := text[b], text[b+1], text[b+2]; c0-0xe1 < 0x0f && c0 != 0xed && c1&0xc0 == 0x80 && c2&0xc0 == 0x80 {
				s := runeAt[b : b+3 : b+3]
				s[0], s[1], s[2] = r, r, r
				b += 3
				continue
			}
		}
		n := utf8fast.RuneSize(text[b:])
		v := r // inside a multi-byte rune: its start's
		if b > 0 && !utf8.RuneStart(text[b]) {
			v = x.runeAt[b-1] // a stray continuation byte: the rune before's
		}
		for i := b; i < b+n; i++ {
			x.runeAt[i] = v
		}
		b += n
	}
	x.runeAt[len(text)] = r
	x.byteAt[len(p.Runes)] = int32(len(text))
	n := len(p.Runes) + 1
	x.tokAt, x.tokEnd = grow(x.tokAt, n), grow(x.tokEnd, n)
	clear(x.tokAt)
	clear(x.tokEnd)
	for i := range p.Tokens {
		t := &p.Tokens[i] // not a copy of the whole token
		x.tokAt[t.Start] = int32(i + 1)
		x.tokEnd[t.End] = int32(i + 1)
	}
}

// rune converts a byte offset of the current paragraph to a rune offset.
func (x *extractor) rune(b int) int { return int(x.runeAt[b]) }

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func parseDate(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	return time.Time{}
}

var (
	reBookTitle = regexp.MustCompile(`《([^《》\n]{2,80})》`)
	reDocNumber = regexp.MustCompile(`[\p{Han}]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号`)
	reDecree    = regexp.MustCompile(`(?:中华人民共和国)?(?:国务院|[\p{Han}]{2,10}(?:部|委员会|总局|局))令第\d+号`)
	rePRCLaw    = regexp.MustCompile(`中华人民共和国[\p{Han}]{2,20}?(?:法|条例)`)
	reZhDate    = regexp.MustCompile(`(?:(\d{4})年|(今年|去年|明年|前年))?(\d{1,2})月(?:(\d{1,2})日)?`)
	reZhDay     = regexp.MustCompile(`(\d{1,2})日`)
	reISODate   = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reYear      = regexp.MustCompile(`(\d{4})年`)
	reMeeting   = regexp.MustCompile(`^(?:\p{Han}{2,4}委员会|党组)?第[一二三四五六七八九十百零〇0-9]+次(?:全体|常务|部务|院务|委务|局务|主任)?会议`)
	reSession   = regexp.MustCompile(`第[一二三四五六七八九十百零〇0-9]+届[\p{Han}]{2,16}?第[一二三四五六七八九十百零〇0-9]+次(?:全体|常务|主任)?会议`)
	reNational  = regexp.MustCompile(`(?:\d{4}年)?(?:全国|中央)[\p{Han}]{2,10}?(?:工作(?:电视电话)?|电视电话)会议`)
	// reCampaign reads a campaign that a body launches or holds a meeting
	// for, named after the verb (组织开展根治欠薪冬季专项行动, 召开强力攻坚
	// “保交楼”专项行动动员会): the verb anchors where the name starts.
	reCampaign = regexp.MustCompile(`(?:组织开展|集中开展|开展|召开了?|启动|举行)((?:\d{4}年)?[\p{Han}“”]{2,20}?(?:专项(?:整治)?行动|”行动)(?:动员部署(?:电视电话)?会议|动员(?:大)?会)?)`)
	// reHeldMeeting is a named meeting after the verb that holds it
	// (举办新冠疫苗临时接种点建设经验交流会, 筹备晋阳湖·第二届集成电路产业和软件业峰会)
	reHeldMeeting = regexp.MustCompile(`(?:` + strings.Join(heldVerbs, "|") + `)了?((?:\d{4}年)?[\p{Han}·]{4,24}?(?:成立大会|交流会|推进会|座谈会|现场会|研讨会|峰会|论坛|年会|博览会))(?:[，。；、在于]|$)`)
	// heldVerbs: every match of reHeldMeeting opens on one, since the
	// regexp is made of them (a paragraph with none skips the regexp,
	// which has no literal prefix to search by)
	heldVerbs = []string{"举办", "举行", "召开", "筹备", "出席", "参加"}
	// campaignTails: every match of reCampaign holds one
	campaignTails = []string{"专项", "”行动"}
	rePlan        = regexp.MustCompile(`第[一二三四五六七八九十]+个五年(?:计划|规划)(?:草案|纲要)?|“?(?:[二三四六七八九]|十[一二三四五六七八九]?)五”?(?:规划|计划)(?:草案|纲要)?`)
	reQuoted      = regexp.MustCompile(`“([^“”\n]{2,16})”`)
	rePlenum      = regexp.MustCompile(`(?:党的)?(?:十[一二三四五六七八九]?|二十[一二]?)届(?:[一二三四五六七八九]中(?:、[一二三四五六七八九]中)*全会|全国人大[一二三四五六七八九十]次会议)`)
	lawSuffixes   = []string{"法", "条例", "规定", "办法", "意见", "通知", "决定", "规划", "纲要", "方案", "细则", "规则", "解释", "计划", "措施", "指引", "指南", "准则", "标准", "目录", "清单", "公约", "协定", "章程", "通报", "决议", "意见稿", "法案", "行动计划", "实施意见", "指导意见", "批复", "函", "公告", "令", "通则", "安排", "协议", "报告", "草案", "建议", "通知书"}
	// doctrineEnds end the formulas that name a doctrine, a strategy or a
	// system (科学发展观, 新发展理念, 河长制, 西部大开发): names, quoted or not
	doctrineEnds = []string{"观", "理论", "主义", "思想", "理念", "战略", "制", "开发", "红线", "达峰", "中和"}
	// campaignEnds end the names of campaigns, days and contests, which are
	// events when quoted (“光盘行动”, “中国品牌日”, “万企帮万村”行动 aside)
	campaignEnds = []string{"行动", "日", "节", "宣传周", "活动周", "大赛", "峰会", "运动", "论坛", "博览会"}
	mediaSuffix  = []string{"报", "日报", "晚报", "周刊", "杂志", "新闻", "频道", "网", "电视台"}
)

// chinese finds the candidates of one Chinese paragraph.
func (x *extractor) chinese(p *segment.Paragraph, pi int) {
	text := p.Text
	x.index(p)
	add := func(typ, key, norm string, b0, b1 int, evidence string, prio int) {
		x.c.add(mention{typ: typ, key: key, surface: text[b0:b1], para: pi, start: x.rune(b0), end: x.rune(b1), norm: norm, evidence: evidence, prio: prio})
	}
	lexSpans := x.lexiconMentions(p, add)
	x.bookTitles(text, add)
	x.ruleLaws(text, add)
	x.ruleEvents(text, pi, lexSpans, add)
	if pi == TitleParagraph {
		x.titleIssuers(text)
		x.titleLaw(text)
	}
	x.datesZh(text, add)
	x.quotedTerms(p, add)
	x.slogans(p, add)
	persons := len(x.c.cands)
	x.persons(p, pi, lexSpans)
	x.plainNames(p, pi, lexSpans)
	// the smaller places anchor bodies as known ones do (左权县 + 人民政府)
	places := append(x.counties(p, pi, lexSpans), x.dictPlaces(p, pi, lexSpans)...)
	places = append(places, x.levelAnchors(p)...)
	x.orgSuffixes(p, pi, append(lexSpans, places...))
	x.companies(p, pi)
	x.groups(p, pi, append(lexSpans, places...))
	x.brokers(p, pi)
	x.modelNames(p, pi, lexSpans)
	if m := loadNameModel(); m != nil {
		x.extendTranslit(p, persons, m)
	}
}

// addFunc records a mention of a paragraph: its type, merge key,
// normalized form, byte span, the evidence and its priority.
type addFunc = func(typ, key, norm string, b0, b1 int, evidence string, prio int)

// lexiconMentions adds the lexicon surfaces of a paragraph, the longest at
// each position, and returns their spans.
func (x *extractor) lexiconMentions(p *segment.Paragraph, add addFunc) []lexSpan {
	text := p.Text
	return x.lexicon(text, func(typ, canon string, b0, b1 int, src string) {
		if typ == lexicon.Location && !strings.HasSuffix(canon, "新区") && x.splitPlace(text, b0, b1, add) {
			return
		}
		if strings.HasSuffix(text[:b0], "第") {
			return // 第二十条 is an article, not the 二十条 measures
		}
		if typ == lexicon.Term && !quotedAt(text, b0, b1) && wordList(text[b0:b1]) {
			return // 为农业、农村、农民服务: a list of words written plainly is prose, not the formula it spells out
		}
		if typ == lexicon.Term && !quotedAt(text, b0, b1) && utf8.RuneCountInString(text[b0:b1]) >= 8 &&
			!verbal(p, x.rune(b0), x.rune(b1)) {
			add(typ, canon, canon, b0, b1, src, 2) // 习近平新时代中国特色社会主义思想
			return
		}
		if typ == lexicon.Term && !quotedAt(text, b0, b1) && !formulaic(text[b0:b1]) && !hasSuffixAny(canon, doctrineEnds) && !hasSuffixAny(text[b0:b1], doctrineEnds) {
			return // 高质量发展 written plainly is prose, not a cited formula
		}
		if x.insideCommonWord(p, x.rune(b0), x.rune(b1)) || typ == lexicon.Law && x.lastRunsOn(p, x.rune(b1)) || x.straddles(p, x.rune(b0), x.rune(b1)) {
			return // 发展中国家 holds no 中国, 公司法人 no 公司法, 均衡 水平 no 衡水
		}
		// normalized is the lexicon's canonical name (工信部 → 工业和信息化部)
		add(typ, canon, canon, b0, b1, src, 2)
	})
}

// bookTitles reads 《…》 titles: laws and policy documents; newspapers are
// organizations. Each rule runs only where its anchor character occurs:
// Go's regexps over long runs of Han characters are the slowest part
// otherwise.
func (x *extractor) bookTitles(text string, add addFunc) {
	for _, m := range findAllSubmatch(reBookTitle, text, "《") {
		inner := text[m[2]:m[3]]
		if e, ok := x.lookup(inner, lexicon.Organization); ok {
			add("organization", e.Canonical, e.Canonical, m[2], m[3], "rule:book-title+lexicon", 3)
			continue
		}
		if hasSuffixAny(inner, mediaSuffix) && !(strings.HasPrefix(inner, "关于") || hasSuffixAny(inner, lawSuffixes)) {
			// 《关于…的通报》 is a document, 《人民日报》 a newspaper
			add("organization", inner, "", m[2], m[3], "rule:book-title media", 3)
			continue
		}
		if !hasSuffixAny(inner, lawSuffixes) || genericLaw(inner) {
			continue
		}
		key := lawKey(inner)
		if e, ok := x.lookup(inner, lexicon.Law); ok {
			key = lawKey(e.Canonical)
		}
		add("law", key, "", m[2], m[3], "rule:book-title", 3)
	}
}

// ruleLaws adds the laws that a pattern names: a document number after
// its title (or the document's own), a five-year plan, a PRC law.
func (x *extractor) ruleLaws(text string, add addFunc) {
	if digitBefore(text, "号") { // both patterns end in a number and 号
		x.docNumbers(text, add)
	}
	for _, m := range findAllSubmatch(rePlan, text, "五", "个五年", "五规划", "五计划", "五”规划", "五”计划") {
		key := strings.NewReplacer("“", "", "”", "").Replace(text[m[0]:m[1]])
		add("law", key, key, m[0], m[1], "rule:five-year-plan", 2) // 十一五规划, “十一五”规划, 第七个五年计划草案
	}
	for _, m := range findAllSubmatch(rePRCLaw, text, "中华人民共和国") {
		add("law", lawKey(text[m[0]:m[1]]), "", m[0], m[1], "rule:prc-law", 1)
	}
}

// docNumbers adds the laws named by a document number after their title
// (or the document's own number).
func (x *extractor) docNumbers(text string, add addFunc) {
	for _, re := range []*regexp.Regexp{reDocNumber, reDecree} {
		anchor := "号"
		if re == reDecree {
			anchor = "令第"
		}
		for _, m := range findAllSubmatch(re, text, anchor) {
			s := strings.TrimPrefix(text[m[0]:m[1]], "中华人民共和国")
			var key string
			if s == x.meta.DocNumber && x.meta.Title != "" {
				key = lawKey(x.meta.Title) // the document's own number names the document
			} else if t := bookTitleBefore(text, m[0]); t != "" {
				key = lawKey(t) // 《关于…的通知》（商财发〔2021〕39号）
			} else {
				continue // a number alone (国务院令第503号) names no law: a mention of one
			}
			add("law", key, "", m[0], m[1], "rule:document-number", 3)
		}
	}
}

// meetingNear reports a 第 where a match of reMeeting at the start of s
// would have it: after at most four Han characters (of up to four bytes)
// and 委员会, so within its first 28 bytes. Every match holds one there.
func meetingNear(s string) bool {
	return strings.Contains(s[:min(len(s), 4*4+len("委员会")+len("第"))], "第")
}

// ruleEvents adds the named meetings and campaigns a pattern finds: a
// body's numbered meeting, sessions, campaigns, national meetings, plenums.
func (x *extractor) ruleEvents(text string, pi int, lexSpans []lexSpan, add addFunc) {
	for _, sp := range lexSpans {
		if sp.typ != lexicon.Organization || !meetingNear(text[sp.b1:]) {
			continue // the regexp, anchored, still clears a bitmap as long as the rest of the paragraph
		}
		if m := reMeeting.FindString(text[sp.b1:]); m != "" {
			add("event", text[sp.b0:sp.b1+len(m)], "", sp.b0, sp.b1+len(m), "rule:numbered-meeting", 3)
			// a committee of the body sits (最高人民法院审判委员会第1725次会议):
			// it is a body too
			if body := sp.b1 + strings.Index(m, "第"); body > sp.b1 {
				x.c.add(mention{typ: "organization", key: text[sp.b0:body], surface: text[sp.b0:body], para: pi,
					start: x.rune(sp.b0), end: x.rune(body), evidence: "rule:numbered-meeting body", overlay: true})
			}
		}
	}
	x.sessions(text, pi, lexSpans, add)
	if containsAny(text, campaignTails) {
		for _, m := range findAllSubmatch(reCampaign, text, "行动", "开展", "召开", "启动", "举行") {
			add("event", text[m[2]:m[3]], "", m[2], m[3], "rule:campaign", 2) // 根治欠薪冬季专项行动
		}
	}
	if containsAny(text, heldVerbs) {
		for _, m := range findAllSubmatch(reHeldMeeting, text, "", "会", "论坛") {
			if name := text[m[2]:m[3]]; namedMeeting(name) {
				add("event", name, "", m[2], m[3], "rule:held-meeting", 2)
			}
		}
	}
	for _, m := range findAllSubmatch(reNational, text, "会议", "全国", "中央") {
		add("event", text[m[0]:m[1]], "", m[0], m[1], "rule:national-meeting", 2) // 2022年全国水利工作会议
	}
	for _, m := range findAllSubmatch(rePlenum, text, "届", "全会", "全国人大") {
		add("event", strings.TrimPrefix(text[m[0]:m[1]], "党的"), "", m[0], m[1], "rule:plenum", 3)
	}
}

// namedMeeting says that a run before a meeting's ending names one: not a
// kind of meeting (专题座谈会, 工作推进会) nor one a pronoun points at.
func namedMeeting(s string) bool {
	if utf8.RuneCountInString(s) < 7 || strings.ContainsAny(s, "这该此其各有关相关的") {
		return false
	}
	for _, p := range []string{"专题", "工作", "全体", "一次", "系列", "多场", "首次", "现场"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	return true
}

// sessions finds the numbered sessions of a numbered congress or committee
// (第十三届全国人民代表大会常务委员会第二十九次会议), with the place or body
// named right before it (北京市第十五届…, 最高人民检察院第九届检察委员会…).
func (x *extractor) sessions(text string, pi int, spans []lexSpan, add addFunc) {
	for _, m := range findAllSubmatch(reSession, text, "届", "会议") {
		b0 := m[0]
		for _, sp := range spans {
			if sp.b1 == b0 && (sp.typ == lexicon.Location || sp.typ == lexicon.Organization) {
				b0 = sp.b0
				break
			}
		}
		add("event", text[b0:m[1]], "", b0, m[1], "rule:numbered-session", 3)
		// the congress or committee that sits (北京市第十五届人民代表大会常务委员会)
		if body := strings.LastIndex(text[:m[1]], "第"); body > b0 {
			x.c.add(mention{typ: "organization", key: text[b0:body], surface: text[b0:body], para: pi,
				start: x.rune(b0), end: x.rune(body), evidence: "rule:numbered-session body", overlay: true})
		}
	}
}

// insideCommonWord reports a lexicon match that lies inside a longer
// common word of the segmentation (发展中国家/n holds 中国): the match is
// then a piece of another word, not a name. A proper noun around it (a
// place, a body, a name: 中国政府/nt) does not count.
func (x *extractor) insideCommonWord(p *segment.Paragraph, start, end int) bool {
	for i := start; i >= 0 && i >= start-4; i-- {
		k := x.tokAt[i]
		if k == 0 {
			continue
		}
		t := p.Tokens[k-1]
		if t.End < end || (t.Start == start && t.End == end) {
			return false
		}
		return !strings.HasPrefix(t.POS, "ns") && !strings.HasPrefix(t.POS, "nt") &&
			!strings.HasPrefix(t.POS, "nz") && !strings.HasPrefix(t.POS, "nr") && t.POS != "j"
	}
	return false
}

// straddles reports a match that begins inside one word of the
// segmentation and ends inside the next (均衡/a 水平/n holds 衡水, 农民/n
// 建设/vn holds 民建): the tail of one word and the head of another.
func (x *extractor) straddles(p *segment.Paragraph, start, end int) bool {
	if start <= 0 || end >= len(p.Runes) || x.tokAt[start] != 0 || x.tokEnd[end] != 0 {
		return false // the match begins or ends where a word does
	}
	for i := start + 1; i < end; i++ {
		if x.tokAt[i] != 0 {
			return true
		}
	}
	return false
}

// lastRunsOn says that the last character before end starts a word of the
// segmentation that runs on past end, or a law's 法 makes a word with the
// character after it (公司法人, 劳动法定): the match ends inside another word.
func (x *extractor) lastRunsOn(p *segment.Paragraph, end int) bool {
	if end < 1 || end >= len(p.Runes) {
		return false // a match at the paragraph's end runs into nothing
	}
	if k := x.tokAt[end-1]; k > 0 && p.Tokens[k-1].End > end {
		return true
	}
	// 法 + 人, 定, 院 … make another word (公司法/nz 人: 公司 法人)
	return p.Runes[end-1] == '法' && strings.ContainsRune("人定院官治制理学", p.Runes[end])
}

// lexSpan is a lexicon match in a paragraph (byte offsets).
type lexSpan struct {
	typ    string
	kind   string // organizations: kind; locations: level (province, city, …)
	b0, b1 int
}

// lexicon reports the longest lexicon surface at each position and returns
// the spans of organizations and places, which other rules build on.
func (x *extractor) lexicon(text string, emit func(typ, canon string, b0, b1 int, src string)) []lexSpan {
	var spans []lexSpan
	for b := 0; b < len(text); {
		n, v := x.lex.Surface.Longest(text[b:])
		if n == 0 || !boundaryOK(text, b, b+n) || insideWord(text, b+n) {
			b += utf8fast.RuneSize(text[b:])
			continue
		}
		emitted := false
		for _, ei := range x.lex.Groups[v] {
			e := x.lex.Entries[ei]
			if e.Type == lexicon.Addressee || e.Type == lexicon.Title {
				continue
			}
			emit(e.Type, e.Canonical, b, b+n, e.Source)
			spans = append(spans, lexSpan{e.Type, e.Kind, b, b + n})
			emitted = true
			break
		}
		if !emitted {
			n = utf8fast.RuneSize(text[b:])
		}
		b += n
	}
	return spans
}

// boundaryOK rejects a Latin match inside a longer Latin word (WHO in WHOM,
// U.S. in U.S.C.).
func boundaryOK(text string, b0, b1 int) bool {
	first, _ := utf8.DecodeRuneInString(text[b0:])
	last, _ := utf8.DecodeLastRuneInString(text[:b1])
	if isLatin(first) && b0 > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:b0])
		if isLatin(prev) || unicode.IsDigit(prev) {
			return false
		}
	}
	if (isLatin(last) || last == '.') && b1 < len(text) {
		next, _ := utf8.DecodeRuneInString(text[b1:])
		// U.S. runs on into the abbreviation U.S.C.
		if isLatin(next) || (isLatin(last) && unicode.IsDigit(next)) {
			return false
		}
	}
	return true
}

// insideWord rejects a body ending in 部 that the text continues into 部门
// (财政部门 is not 财政部, 教育部门 not 教育部): the match is then the head
// of a common noun, not a name.
func insideWord(text string, b1 int) bool {
	return strings.HasSuffix(text[:b1], "部") && strings.HasPrefix(text[b1:], "门")
}

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// lookup finds the lexicon entry of a type written exactly as s.
func (x *extractor) lookup(s, typ string) (lexicon.Entry, bool) {
	v, ok := x.lex.Surface.Get(s)
	if !ok {
		return lexicon.Entry{}, false
	}
	for _, ei := range x.lex.Groups[v] {
		if x.lex.Entries[ei].Type == typ {
			return x.lex.Entries[ei], true
		}
	}
	return lexicon.Entry{}, false
}

// lawKey identifies a law whatever its modifiers: 中华人民共和国安全生产法
// and 安全生产法 are one law.
func lawKey(s string) string {
	s = strings.TrimPrefix(s, "新修改的")
	s = strings.TrimPrefix(s, "新修订的")
	return strings.TrimPrefix(s, "中华人民共和国")
}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// recentDay reports a month and day that fall in the six weeks before the
// document's own date in its year: news reports what just happened
// (11月5日 in news of 2021-11-26), even when its title names a later year
// as a target (2022年春节前全部清零); a notice of 2018-12 that plans 2019's
// holidays (2月4日) keeps the title's year.
func (x *extractor) recentDay(month, day int) bool {
	if x.anchor.IsZero() || day == 0 || x.titleYear <= x.anchor.Year() {
		return false
	}
	d := time.Date(x.anchor.Year(), time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return !d.After(x.anchor) && x.anchor.Sub(d) < 45*24*time.Hour
}

// datesZh finds explicit dates and months, resolving the year from the
// text, a relative year word, or the document's date.
func (x *extractor) datesZh(text string, add addFunc) {
	x.calendarDatesZh(text, add)
	x.bareDaysZh(text, add)
	isoDates(text, add)
}

// relativeYears are the year words a date may open with, as offsets from
// the document's year.
var relativeYears = map[string]int{"今年": 0, "去年": -1, "明年": 1, "前年": -2}

// calendarDatesZh finds months and days with or without their year
// (2024年3月5日, 今年6月, 3月5日); a year written once carries on to the
// dates after it.
func (x *extractor) calendarDatesZh(text string, add addFunc) {
	lastYear := x.titleYear
	for _, m := range findDigitSubmatch(reZhDate, text, "月") {
		if m[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			if unicode.IsDigit(prev) || prev == '.' {
				continue
			}
		}
		month, _ := strconv.Atoi(text[m[6]:m[7]])
		day := 0
		if m[8] >= 0 {
			day, _ = strconv.Atoi(text[m[8]:m[9]])
		}
		if month < 1 || month > 12 || day > 31 {
			continue
		}
		if day == 0 && m[2] < 0 && m[4] < 0 {
			continue // a month with no year written (每年12月) is no calendar month
		}
		year := x.dateYear(text, m, month, day, lastYear)
		if m[2] >= 0 {
			lastYear = year
		}
		if year == 0 {
			continue
		}
		iso := fmt.Sprintf("%04d-%02d", year, month)
		if day > 0 {
			iso += fmt.Sprintf("-%02d", day)
		}
		add("date", iso, iso, m[0], m[1], "rule:date", 3)
	}
}

// dateYear is the year of a reZhDate match m: written, relative to the
// document's, the dateline's, the last year written, or the document's;
// 0 when nothing tells it.
func (x *extractor) dateYear(text string, m []int, month, day, lastYear int) int {
	switch {
	case m[2] >= 0:
		year, _ := strconv.Atoi(text[m[2]:m[3]])
		return year
	case m[4] >= 0 && !x.anchor.IsZero():
		return x.anchor.Year() + relativeYears[text[m[4]:m[5]]]
	case strings.HasPrefix(text[m[1]:], "电") && !x.anchor.IsZero():
		return x.anchor.Year() // a dateline (11月26日电) is the news's own date
	case lastYear != 0 && !(lastYear == x.titleYear && x.recentDay(month, day)):
		return lastYear
	case !x.anchor.IsZero():
		return x.anchor.Year()
	}
	return 0
}

// bareDaysZh: a day alone (杨润雄21日表示) is a day of the news's own
// month, or of the month before when it lies ahead of the dateline.
func (x *extractor) bareDaysZh(text string, add addFunc) {
	if x.anchor.IsZero() {
		return
	}
	for _, m := range findDigitSubmatch(reZhDay, text, "日") {
		if m[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			if unicode.IsDigit(prev) || strings.ContainsRune("月.-至到—～~", prev) {
				continue
			}
		}
		day, _ := strconv.Atoi(text[m[2]:m[3]])
		if day < 1 || day > 31 {
			continue
		}
		t := time.Date(x.anchor.Year(), x.anchor.Month(), day, 0, 0, 0, 0, time.UTC)
		if day > x.anchor.Day()+1 {
			t = time.Date(x.anchor.Year(), x.anchor.Month()-1, day, 0, 0, 0, 0, time.UTC)
		}
		if t.Day() != day {
			continue // no such day in that month
		}
		iso := t.Format("2006-01-02")
		add("date", iso, iso, m[0], m[1], "rule:day", 2)
	}
}

// isoDates finds dates written 2024-03-05.
func isoDates(text string, add addFunc) {
	for _, m := range findAllSubmatch(reISODate, text, "-") {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			iso := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
			add("date", iso, iso, m[0], m[1], "rule:iso-date", 3)
		}
	}
}

// quotedTerms takes short quoted phrases as policy formulas, unless they
// name something else (a place, a body, a meeting: those rules win).
func (x *extractor) quotedTerms(p *segment.Paragraph, add addFunc) {
	text := p.Text
	for _, m := range findAllSubmatch(reQuoted, text, "“") {
		inner := text[m[2]:m[3]]
		if strings.ContainsAny(inner, "，。；：？！,.;:?!的和与及") || !hasHan(inner) && !strings.ContainsAny(inner, "+＋") {
			continue
		}
		if _, ok := x.lookup(inner, lexicon.Event); ok || citedPhrase(inner) {
			continue
		}
		typ, key := "term", inner
		if x.allTerms(inner) {
			continue // “碳达峰、碳中和”: the lexicon's terms stand alone
		}
		if e, ok := x.lookup(inner, lexicon.Term); ok {
			key = e.Canonical
		} else if citedString(inner, text[:m[0]], text[m[1]:]) {
			continue // “渤海2号”, “热爱这份工作”, “呼格案”, 冠以“专业技术”: a figure, a phrase, a case, a string cited
		} else if formulaFrame(text[m[1]:]) {
			// “转按揭”“加按揭”业务, “揭榜挂帅”“赛马”等机制: the frame names a formula
		} else if utf8.RuneCountInString(inner) > 8 && !plusFormula(inner) || verbal(p, x.rune(m[2]), x.rune(m[3])) && !compactFormula(p, x.rune(m[2]), x.rune(m[3])) && !formulaic(inner) {
			continue // a quoted slogan or phrase, not a formula
		} else if x.ordinaryWord(p, x.rune(m[2]), x.rune(m[3])) && !formulaic(inner) {
			continue // “点赞”, “风向标”: an ordinary word in quotation marks
		}
		if hasSuffixAny(inner, campaignEnds) {
			typ = "event" // “光盘行动”, “中国品牌日”: a named campaign or day
		}
		add(typ, key, "", m[2], m[3], "rule:quoted", 1)
	}
}

// citedString reports a quoted string that is no formula by its form or
// its frame: a figure in Arabic digits without a + (“11连平”, “渤海2号”), a
// phrase with a demonstrative (“热爱这份工作”), the name of a case (“呼格案”,
// “四•九”女尸案), or a string a rule cites as such (冠以“专业技术”, 不得出现
// “药品招商”“药品招标”等内容).
func citedString(inner, before, after string) bool {
	if strings.ContainsAny(inner, "0123456789") && !strings.ContainsAny(inner, "+＋") ||
		strings.ContainsAny(inner, "这那该此其") || strings.HasSuffix(inner, "案") && !strings.HasPrefix(inner, "一") {
		return true // not 一园一案, a one-by-one formula
	}
	for strings.HasPrefix(after, "“") { // the rest of a run of quoted strings
		i := strings.Index(after, "”")
		if i < 0 {
			break
		}
		after = after[i+len("”"):]
	}
	for _, a := range []string{"案", "冤案", "女尸案", "字样", "等内容", "等字样"} {
		if strings.HasPrefix(after, a) {
			return true
		}
	}
	return strings.HasSuffix(before, "冠以")
}

// frameNouns are the nouns after a quoted string that make it a named
// policy, system or task (“转按揭”业务, “赛马”等机制, “卡脖子”问题, “低保”工作,
// “扫黄”、“打非”斗争). On the train split 97 of the 104 quoted strings in
// such a frame are labelled terms (the others are campaigns: 活动, 行动).
var frameNouns = []string{"机制", "制度", "模式", "政策", "工作", "方针", "原则", "战略", "改革", "试点", "工程", "业务", "斗争", "问题", "要求", "目标", "理念", "建设", "服务"}

// formulaFrame reports that the text after a quoted string, past the rest
// of a run of quoted strings and an optional 等, opens with a frame noun.
func formulaFrame(after string) bool {
	for {
		after = strings.TrimLeft(after, "、和及与")
		if !strings.HasPrefix(after, "“") {
			break
		}
		i := strings.Index(after, "”")
		if i < 0 || i > 40 {
			return false
		}
		after = after[i+len("”"):]
	}
	after = strings.TrimPrefix(after, "等")
	for _, w := range []string{"多种", "一批", "各类"} {
		after = strings.TrimPrefix(after, w)
	}
	for _, n := range frameNouns {
		if strings.HasPrefix(after, n) {
			return true
		}
	}
	return false
}

// plusFormula reports a formula of parts joined by + (文化素质+职业技能,
// 金融+财政+土地+信用), which may run longer than other quoted formulas.
func plusFormula(s string) bool {
	return strings.ContainsAny(s, "+＋") && utf8.RuneCountInString(s) <= 16
}

// wordList reports a 、-joined list of words of one or two characters
// (农业、农村、农民; 创新、协调、绿色、开放、共享), as opposed to a slogan of
// phrases (人民至上、生命至上).
func wordList(s string) bool {
	parts := strings.Split(s, "、")
	for _, p := range parts {
		if utf8.RuneCountInString(p) > 2 {
			return false
		}
	}
	return len(parts) > 1
}

// citedPhrase reports a quoted phrase that a text cites as words, not a
// formula: one that opens with a determiner (“其他严重情节”, “有关材料”,
// “上述费用”) or a generation (“00后”, “90后”).
func citedPhrase(s string) bool {
	for _, d := range []string{"其他", "其它", "有关", "相关", "上述", "该", "此", "这", "那"} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return len(s) == len("00后") && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && strings.HasSuffix(s, "后")
}

// ordinaryWord reports a span that is one word of the dictionary with the
// part of speech of an ordinary word (a common noun, verb, adjective,
// adverb, idiom), as opposed to an abbreviation or a coinage the segmenter
// does not know (放管服, 房住不炒).
func (x *extractor) ordinaryWord(p *segment.Paragraph, start, end int) bool {
	k := x.tokAt[start]
	if k == 0 {
		return false
	}
	t := p.Tokens[k-1]
	if t.End != end {
		return false
	}
	switch t.POS {
	case "n", "v", "vn", "a", "an", "ad", "d", "i", "l", "nz", "t", "s", "f", "b", "z":
		return true
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// formulaic reports a formula that is one even when not quoted: a numbered
// formula (两个维护, 六稳), a + formula (互联网+监管) or an abbreviation (放管服).
func formulaic(s string) bool {
	if strings.ContainsAny(s, "+＋0123456789") {
		return true
	}
	return strings.ContainsAny(s, "一两二三四五六七八九十百千") && strings.ContainsAny(s, "个大项条稳保去降补化")
}

// quotedAt reports a span inside quotation marks (“碳达峰、碳中和”).
func quotedAt(text string, b0, b1 int) bool {
	open := strings.LastIndex(text[:b0], "“")
	if open < 0 || strings.Contains(text[open:b0], "”") {
		return false
	}
	close := strings.Index(text[b1:], "”")
	return close >= 0 && !strings.Contains(text[b1:b1+close], "“")
}

// genericLaw rejects names that are only a kind of document (通知, 实施条例).
func genericLaw(s string) bool {
	n := utf8.RuneCountInString(s)
	if n <= 2 {
		return true
	}
	for _, p := range []string{"实施", "有关", "相关", "上述", "本"} {
		if strings.HasPrefix(s, p) && n <= 6 {
			return true
		}
	}
	return false
}

// bookTitleBefore returns the 《…》 title that a document number follows
// in parentheses, if any.
func bookTitleBefore(text string, b int) string {
	head := strings.TrimRight(text[:b], "（( ")
	if !strings.HasSuffix(head, "》") {
		return ""
	}
	i := strings.LastIndex(head, "《")
	if i < 0 {
		return ""
	}
	return head[i+len("《") : len(head)-len("》")]
}

// verbal reports a span holding a plain verb (购买商品, 法规征求意见): a
// formula is nominal (关键少数, 宽松软, 互联网+监管).
func verbal(p *segment.Paragraph, start, end int) bool {
	for _, t := range p.Tokens {
		if t.Start >= start && t.End <= end && t.POS == "v" {
			return true
		}
	}
	return false
}

// compactFormula reports a short quoted span with a verb that reads as a
// formula, not as a quoted phrase: four to six characters of whole words,
// none a function word, a negation or an adverb, that either hold a word
// the dictionary does not know (农超 + 对接, 靠 + 监吃监, 多予 + 少取 +
// 放活) or are a noun of two characters and a verb of two (家电 + 下乡,
// 职教 + 高考). A verb and its object (购买 + 商品, 申请 + 退税), a place
// and a verb (绍兴 + 发布) are phrases.
func compactFormula(p *segment.Paragraph, start, end int) bool {
	if n := end - start; n < 4 || n > 6 {
		return false
	}
	var words []segment.Token
	coined := false
	for _, t := range p.Tokens {
		if t.End <= start || t.Start >= end {
			continue
		}
		if t.Start < start || t.End > end || funcPOS(t.POS) || t.POS == "d" || t.POS == "ad" || strings.HasPrefix(t.Text, "不") {
			return false
		}
		coined = coined || t.POS == "x"
		words = append(words, t)
	}
	if coined {
		return len(words) > 1
	}
	return len(words) == 2 && (words[0].POS == "n" || words[0].POS == "j" || words[0].POS == "vn") &&
		words[1].POS == "v" && words[0].End-words[0].Start == 2 && words[1].End-words[1].Start == 2
}

// splitPlace emits a province-qualified place (四川省成都市) as its two
// places, and reports whether it did.
func (x *extractor) splitPlace(text string, b0, b1 int, add addFunc) bool {
	s := text[b0:b1]
	for k := len(s) - 1; k > 0; k-- {
		if !utf8.RuneStart(s[k]) {
			continue
		}
		e1, ok1 := x.lookup(s[:k], lexicon.Location)
		e2, ok2 := x.lookup(s[k:], lexicon.Location)
		if ok1 && ok2 {
			add("location", e1.Canonical, "", b0, b0+k, e1.Source, 2)
			add("location", e2.Canonical, "", b0+k, b1, e2.Source, 2)
			return true
		}
	}
	return false
}

// allTerms reports a 、-joined list whose every part is a lexicon term.
func (x *extractor) allTerms(s string) bool {
	parts := strings.Split(s, "、")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if _, ok := x.lookup(p, lexicon.Term); !ok {
			return false
		}
	}
	return true
}

// findAllSubmatch runs re only when the text holds its anchor and, when
// others are given, one of them: strings that every match of re holds, so
// that a paragraph without them skips the search (五 of 过去五年 ran the
// plans' pattern over most paragraphs of a work report).
func findAllSubmatch(re *regexp.Regexp, text, anchor string, others ...string) [][]int {
	if utf8fast.Index(text, anchor) < 0 || len(others) > 0 && !containsAny(text, others) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// findDigitSubmatch is findAllSubmatch of a pattern whose every match
// holds an ASCII digit right before unit (\d月): most paragraphs hold the
// unit only in words (岁月, 日益).
func findDigitSubmatch(re *regexp.Regexp, text, unit string) [][]int {
	if !digitBefore(text, unit) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// digitBefore reports whether s occurs in text right after an ASCII digit.
func digitBefore(text, s string) bool {
	for b := 0; ; {
		i := utf8fast.Index(text[b:], s)
		if i < 0 {
			return false
		}
		if b+i > 0 && text[b+i-1] >= '0' && text[b+i-1] <= '9' {
			return true
		}
		b += i + len(s)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if utf8fast.Index(s, sub) >= 0 { // strings.Contains, by the last byte
			return true
		}
	}
	return false
}

// titleIssuers adds the bodies that issue the document, named before 关于
// in its title (最高人民法院、最高人民检察院关于…的解释): they count beside the
// title itself, which a longer match would otherwise hide.
// titleLaw adds the law a document's title names when the title is
// that law's name (上海市生活垃圾管理条例, 北京市反食品浪费规定): a law's
// own text cites itself (本条例) by that name.
func (x *extractor) titleLaw(text string) {
	name := strings.TrimSpace(text)
	if i := strings.LastIndexAny(name, "（("); i > 0 && (strings.HasSuffix(name, "）") || strings.HasSuffix(name, ")")) {
		name = strings.TrimSpace(name[:i]) // 北京市反食品浪费规定(2021-05-27)
	}
	if !hasSuffixAny(name, lawTitleEnds) || genericLaw(name) || utf8.RuneCountInString(name) < 5 || !allHanString(name) {
		return
	}
	b0 := strings.Index(text, name)
	// an overlay: the places and bodies the name holds (上海市) stay
	x.c.add(mention{typ: "law", key: lawKey(name), surface: name, para: TitleParagraph,
		start: x.rune(b0), end: x.rune(b0 + len(name)), evidence: "rule:own-title", prio: 2, overlay: true})
}

// lawTitleEnds end the titles that are a law's or a regulation's name.
var lawTitleEnds = []string{"法", "条例", "规定", "办法", "细则", "规则"}

func allHanString(s string) bool {
	for _, r := range s {
		if !utf8fast.IsHan(r) && !strings.ContainsRune("（）()、", r) {
			return false
		}
	}
	return true
}

func (x *extractor) titleIssuers(text string) {
	i := strings.Index(text, "关于")
	if i <= 0 {
		return
	}
	b := 0
	for _, part := range strings.FieldsFunc(text[:i], func(r rune) bool { return r == '、' || r == ' ' }) {
		at := b + strings.Index(text[b:], part)
		b = at + len(part)
		if e, ok := x.lookup(part, lexicon.Organization); ok {
			x.c.add(mention{typ: "organization", key: e.Canonical, surface: part, para: TitleParagraph,
				start: x.rune(at), end: x.rune(b), evidence: "rule:title-issuer", prio: 1, overlay: true})
		}
	}
}
