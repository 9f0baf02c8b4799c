package directives

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

// hit is one force marker found in a clause.
type hit struct {
	text  string
	force string
	at    int // rune offset in the clause
}

// Rules are the compiled lexicon parts the extractor uses, built once by
// Compile and shared by every document (read only).
type Rules struct {
	lex         *lexicon.Set
	markers     *lexicon.Index // marker → index into markerList
	markerList  []lexicon.Marker
	markerStart runeSet // first characters of markers
	frames      *lexicon.Index
	byKind      map[string]map[string]bool
	wordKinds   map[string]wordKind // the kinds of wordKindNames a word is a cue of: one look-up for several
	wordMax     int                 // the longest of wordKinds in bytes: a longer word is none of them
	wordStart   runeSet             // the first characters of wordKinds: a word opening on another is none of them
	opinion     []string
	will        []string
	preps       *lexicon.Index
	english     *englishRules
	factLong    []string // fact cues of two characters or more, for prefix tests per token
	factMin     int      // the shortest of factLong in bytes
	model       *model   // the learned verdict on Chinese action clauses; nil: the rules decide
}

// cues is the short name the extractor's code uses for its rules.
type cues = Rules

// Compile builds the directive rules from the lexicons.
func Compile(lex *lexicon.Set) *Rules {
	c := &Rules{lex: lex, byKind: map[string]map[string]bool{}}
	var keys []string
	var vals []int32
	for k, m := range lex.Markers {
		keys = append(keys, k)
		vals = append(vals, int32(len(c.markerList)))
		c.markerList = append(c.markerList, m)
	}
	c.markers = lexicon.NewIndex(keys, vals)
	var starts []rune
	for _, k := range keys {
		r, _ := utf8.DecodeRuneInString(k)
		starts = append(starts, r)
	}
	c.markerStart = newRuneSet(starts)
	var fk []string
	for k := range lex.Frames {
		fk = append(fk, k)
	}
	c.frames = lexicon.NewIndex(fk, make([]int32, len(fk)))
	for kind, list := range lex.Cues {
		c.byKind[kind] = map[string]bool{}
		for _, w := range list {
			c.byKind[kind][w] = true
		}
	}
	c.wordKinds, c.wordMax, c.wordStart = compileWordKinds(c.byKind, lex.Frames)
	c.factMin = math.MaxInt
	for _, f := range lex.Cues["fact"] {
		if utf8.RuneCountInString(f) >= 2 {
			c.factLong = append(c.factLong, f)
			c.factMin = min(c.factMin, len(f))
		}
	}
	c.opinion = lex.Cues["opinion"]
	c.will = lex.Cues["will"]
	preps := lex.Cues["prep"]
	c.preps = lexicon.NewIndex(preps, make([]int32, len(preps)))
	c.english = compileEnglish(lex)
	c.model = builtinModel()
	return c
}

// findMarkers lists the force markers of a clause, skipping markers inside
// false friends (主要, 不得不, 应对), adjectival uses (更严格的), and lead
// markers (鼓励, 支持) that do not open the clause.
//
// starts, when given, marks where words start: a marker and a false friend
// count only from a word start (影响/应 is 应, not a part of 响应; the 要 of
// 企业主要负责人 is none).
func (c *cues) findMarkers(runes []rune, starts []bool) []hit {
	return c.findMarkersIn(runes, "", starts)
}

// findMarkersIn is findMarkers with the text the runes spell, when the
// caller has it ("": made from the runes when needed).
func (c *cues) findMarkersIn(runes []rune, text string, starts []bool) []hit {
	var hits []hit
	var byteAt []int // byte offset of each rune, built on the first candidate
	title := 0       // depth inside 《…》: a title's words (《…严格落实监管要求的通知》) order nothing
	for i := 0; i < len(runes); i++ {
		switch runes[i] {
		case '《':
			title++
		case '》':
			title = max(0, title-1)
		}
		if title > 0 || !c.markerStart.has(runes[i]) || starts != nil && !starts[i] {
			continue // most characters open no marker; nor does the middle of a word (企业主要负责人)
		}
		if byteAt == nil {
			if text == "" {
				text = string(runes)
			}
			byteAt = make([]int, len(runes)+1)
			b := 0
			for k, r := range runes {
				byteAt[k] = b
				b += utf8.RuneLen(r)
			}
			byteAt[len(runes)] = b
		}
		n, v := c.markers.Longest(text[byteAt[i]:])
		if n == 0 || c.insideFalseFriend(text, byteAt, i, starts) {
			continue
		}
		m := c.markerList[v]
		k := utf8.RuneCountInString(m.Text)
		next := rune(0)
		if i+k < len(runes) {
			next = runes[i+k]
		}
		ok := true
		switch {
		case next == '的' || next == '地' && m.Force != "must":
			ok = false // 更严格的措施: an attribute, not a marker
		case i+k >= len(runes) && m.Kind != "modal":
			ok = false // a clause-final 支持 is an object
		case m.Kind == "lead" && (!leadPosition(runes, i) || attributive(runes, i+k)):
			ok = false // 加大支持力度, 支持中小企业发展的法律体系: no instruction
		case i > 0 && runes[i-1] == '把':
			ok = false // 把禁止洋垃圾入境作为…: the ban is the object, 把 holds it
		case m.Kind == "permit" && m.Text == "可" && (next == 0 || strings.ContainsRune("以能是见靠行信观比", next)):
			ok = false
		}
		if ok && relativeClause(runes, i+k) && (len(hits) > 0 || len(runes) <= 9) {
			// 可以增加规定应当标示的内容, 需要载明的其他事项: a modal
			// inside an object or a noun phrase
			ok = false
		}
		if ok {
			hits = append(hits, hit{m.Text, m.Force, i})
			i += k - 1
		}
	}
	return hits
}

// insideFalseFriend reports whether the marker at rune i lies in a false
// friend (主要, 不得不, 应对) that starts at most five runes before it.
func (c *cues) insideFalseFriend(text string, byteAt []int, i int, starts []bool) bool {
	var buf [8]lexicon.Match
	for s := max(0, i-5); s <= i; s++ {
		if starts != nil && !starts[s] {
			continue
		}
		for _, m := range c.lex.FalseFrnds.AppendPrefixes(buf[:0], text[byteAt[s]:], 8) {
			if byteAt[s]+m.N > byteAt[i] {
				return true
			}
		}
	}
	return false
}

// leadPosition reports whether a lead marker (鼓励, 支持) at i opens the
// clause: at its start, after its subject (税务部门力争…, 国家鼓励…), or after
// a modal, an adverb of effort or another lead marker (要积极鼓励, 鼓励支持);
// inside an object (加大支持力度) it is none.
func leadPosition(runes []rune, i int) bool {
	if i == 0 {
		return true
	}
	before := string(runes[max(0, i-3):i])
	for _, w := range []string{"要", "应", "并", "积极", "大力", "继续", "进一步", "可", "将", "同时", "鼓励", "支持", "引导", "倡导", "国家", "政府", "下", "部门", "各地", "行业", "企业", "机构", "单位", "我们", "委", "部", "局", "司", "行"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// strongest picks the force of a clause from its markers: prohibit beats
// must beats should; encourage only when it is the only kind.
func strongest(hits []hit) (string, []string) {
	force := ""
	var markers []string
	for _, h := range hits {
		if h.text != "" {
			markers = append(markers, h.text)
		}
		if force == "" || force == "encourage" || (h.force != "encourage" && Rank(h.force) > Rank(force)) {
			force = h.force
		}
	}
	return force, markers
}

// question reports a question (如何支持民营, 是否可行): it asks, it does not
// instruct.
func (c *cues) question(u unit) bool {
	for _, t := range u.toks {
		if c.kindsOf(t.Text)&wkQuestion != 0 {
			return true
		}
	}
	return strings.HasSuffix(u.text, "？") || strings.HasSuffix(u.text, "?")
}

// relativeClause reports a 的 within a few characters after position i,
// with no punctuation between: what stands there qualifies a noun.
func relativeClause(runes []rune, i int) bool { return deWithin(runes, i, 6) }

// attributive reports a 的 within eight characters after i, with no
// punctuation between: 支持中小企业发展的法律体系 names a thing, it does not
// encourage.
func attributive(runes []rune, i int) bool { return deWithin(runes, i, 8) }

// deWithin reports a 的 within n characters after i before any punctuation.
func deWithin(runes []rune, i, n int) bool {
	for k := i; k < len(runes) && k < i+n; k++ {
		switch runes[k] {
		case '的':
			return true
		case '，', '、', '；', '。':
			return false
		}
	}
	return false
}
