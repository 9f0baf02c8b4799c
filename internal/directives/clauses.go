package directives

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// unit is one clause of a paragraph with the tokens inside it.
type unit struct {
	para  int
	sent  segment.Span
	stext string // the sentence's text, made once per sentence
	span  segment.Span
	text  string
	runes []rune
	toks  []segment.Token
	delim rune
}

func (u unit) firstTok() string {
	for _, t := range u.toks {
		if t.POS != "w" {
			return t.Text
		}
	}
	return ""
}

var (
	reStatistic  = regexp.MustCompile(`\d+(?:\.\d+)?\s*(?:%|％|个百分点|倍)`)
	reTargetWord = regexp.MustCompile(`左右|以上|以下|以内|力争|不低于|不超过|不少于|达到|确保|目标`)
	reTimeOnly   = regexp.MustCompile(`^(?:从|自|自从|截至|截止|到|至|在)?[\d〇一二三四五六七八九十]+(?:年|月|日|号)[\d〇一二三四五六七八九十年月日号至到—\-~起止前后底末内以]*$`)
	reArticle    = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?\s*`)
	reItem       = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*`)
	reLinkers    = regexp.MustCompile(`^(?:同时|此外|另外|另一方面|一方面|据此|其中|对此|为此|因此|目前|当前|近年来|今年以来|近日|日前|据悉|据了解|总体看|总的来看|首先|其次|最后|第[一二三四五六七八九十]|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)$`)
)

// isCondition reports a clause that only sets a condition, purpose, time
// or frame for the action clause it introduces.
func (c *cues) isCondition(u unit) bool {
	t := strings.TrimRight(u.text, " ")
	if len(t) <= 4*6 && utf8fast.RuneCount(t) <= 6 && reLinkers.MatchString(t) || timeOnly(t) {
		return true
	}
	if c.hasTail(t) && !sentenceFinal(u.delim) {
		return true // (a sentence's last clause acts: …，定罪量刑标准适用本解释第五条的规定。)
	}
	if strings.HasSuffix(t, "的") && !sentenceFinal(u.delim) {
		return true // 经营者集中达到下列标准之一的，
	}
	first := u.firstTok()
	if first == "" {
		return true
	}
	if _, ok := c.preps.Get(first); !ok {
		return false
	}
	if (first == "对" || first == "对于" || first == "针对") && !sentenceFinal(u.delim) && len(u.toks) > 2 {
		// 对…的困难企业、下岗失业人员，要…: the clause only names whom the
		// action after it concerns
		// 对…的失业人员给予补贴, 对…人员处…罚款, 对…管理负总责: a disposal
		// or a one-character verb before the last noun acts
		acts := false
		for _, tk := range u.toks[1:] {
			acts = acts || c.byKind["disposal"][tk.Text] || tk.Text == "进行" || tk.Text == "处"
		}
		if before := u.toks[len(u.toks)-2]; before.POS == "v" && before.End-before.Start == 1 {
			acts = true
		}
		if last := u.toks[len(u.toks)-1]; !acts && strings.HasPrefix(last.POS, "n") && last.POS != "nr" {
			return true
		}
	}
	if i := strings.LastIndex(t, "的"); i >= 0 {
		after := t[i+len("的"):]
		for w := range c.byKind["disposal"] {
			if strings.HasPrefix(after, w) {
				return false
			}
		}
		if nounThenVerb(u, utf8.RuneCountInString(t[:i+len("的")])) {
			return false // 对…的地区进行通报: the noun is the object, a verb acts on it
		}
		return utf8.RuneCountInString(after) <= 16
	}
	// 在…中, 在…时: a setting, not an action
	if first == "在" && strings.ContainsAny(lastRune(t), "中上下时内里") {
		return true
	}
	// a short preposition phrase (通过综合施策) introduces the action after it
	if !sentenceFinal(u.delim) && utf8.RuneCountInString(t) <= 7 {
		return true
	}
	// a preposition phrase that ends on its head noun (根据…情况, 按照…要求)
	for _, h := range c.lex.Cues["head"] {
		if strings.HasSuffix(t, h) {
			return true
		}
	}
	// a preposition phrase is an action when it ends on a verb and its
	// object (按照…要求强化/v 保障/v 措施/n), a condition when its last
	// noun follows a noun (根据…带动就业/vn 成效/n); the last clause of a
	// sentence always acts
	if sentenceFinal(u.delim) || len(u.toks) < 3 {
		return false
	}
	last, before := u.toks[len(u.toks)-1], u.toks[len(u.toks)-2]
	return strings.HasPrefix(last.POS, "n") && (before.POS == "vn" || !strings.HasPrefix(before.POS, "v"))
}

// pureCondition reports a clause that can only be a condition even when a
// marker stands inside it: 对于需要回收的, 在确保安全的前提下.
func (c *cues) pureCondition(u unit) bool {
	t := strings.TrimSpace(u.text)
	if sentenceFinal(u.delim) {
		return false
	}
	if strings.HasSuffix(t, "的") {
		return true
	}
	if c.hasTail(t) {
		return true
	}
	return false
}

// modalBeforePrep reports a condition clause whose marker stands right
// before a preposition (应当依照…的规定，…; 应当按照…要求，…): the modal
// governs the action the clause introduces, unlike a marker inside the
// condition (…规定应当取得同意的，…).
func (c *cues) modalBeforePrep(u unit, hits []hit) bool {
	if len(hits) == 0 || strings.HasSuffix(strings.TrimSpace(u.text), "的") {
		return false
	}
	h := hits[0]
	rest := u.runes[min(len(u.runes), h.at+utf8.RuneCountInString(h.text)):]
	for _, n := range []int{2, 1} {
		if len(rest) >= n {
			if _, ok := c.preps.Get(string(rest[:n])); ok {
				return true
			}
		}
	}
	return false
}

// exception reports a clause opening an exception (但…, 除…外).
func (c *cues) exception(u unit) bool {
	return c.kindsOf(u.firstTok())&wkException != 0
}

// disposal reports a clause that opens with a disposal (由…, 处…, 责令…),
// the penalty or assignment a law lays down.
func (c *cues) disposal(u unit) bool {
	first := u.firstTok()
	return c.byKind["disposal"][first] || first == "处" || first == "并处"
}

// isFact reports a statement of fact or assessment: a copula, an aspect
// marker of completed action, or a statistic, before the clause's first
// verb (a 是 inside the object, 坚持房子是用来住的, does not count).
func (c *cues) isFact(u unit) bool {
	verbSeen := false
	for _, tk := range u.toks {
		kinds := c.kindsOf(tk.Text) // fact and copula in one look-up: the clauses ask this of every action clause, twice
		isCopula := kinds&wkCopula != 0
		if (kinds&wkFact != 0 || !strings.HasPrefix(tk.POS, "n") && c.factPrefix(tk.Text)) && !attributive(u.runes, tk.End-u.span.Start) ||
			!verbSeen && isCopula {
			return true // (已建成的幼儿园应…: a 已 inside a relative clause states no fact)
		}
		if (strings.HasPrefix(tk.POS, "v") && tk.POS != "vn" || tk.POS == "l" || tk.POS == "i") && !isCopula {
			verbSeen = true
		}
	}
	return false
}

// opensOnCopula reports a clause whose first verb is a copula (“无废城市”是
// 以…为引领): even as a condition, it opens a definition, not an order.
func (c *cues) opensOnCopula(u unit) bool {
	prev := ""
	for _, tk := range u.toks {
		if c.kindsOf(tk.Text)&wkCopula != 0 {
			return c.kindsOf(prev)&wkFocus == 0 // 尤其是…: a focus, not a copula
		}
		prev = tk.Text
		if strings.HasPrefix(tk.POS, "v") && tk.POS != "vn" || tk.POS == "l" || tk.POS == "i" {
			return false
		}
	}
	return false
}

// timeOnly reports a clause that is a date or time alone (2021年3月, 至今年底)
// as reTimeOnly reads it; the regexp runs only on a clause that holds 年, 月
// or 日 and opens on a character its match opens on (the backtracker
// clears a bitmap as long as the clause before it tries the first one).
func timeOnly(t string) bool {
	return opensOn(t, timeOnlyStarts) && hasAny(t, "年月日") && reTimeOnly.MatchString(t)
}

// timeOnlyStarts are the characters a match of reTimeOnly opens on.
const timeOnlyStarts = "从自截到至在0123456789〇一二三四五六七八九十"

// opensOn reports a string whose first character is one of set.
func opensOn(s, set string) bool {
	r, _ := utf8fast.DecodeRune(s)
	return len(s) > 0 && strings.ContainsRune(set, r)
}

// statistic reports a figure with no target qualifier (设备购置投资增长15.7%):
// without a marker, a report of numbers, not a target.
func statistic(u unit) bool {
	// every match holds an ASCII digit (\d): most clauses have none, and
	// a byte loop finds that faster than the regexp
	return hasDigit(u.text) && reStatistic.MatchString(u.text) && !reTargetWord.MatchString(u.text)
}

// hasDigit reports an ASCII digit in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// hasAny is strings.ContainsAny for a set of a few characters: the
// standard one decodes every rune of s and searches the set for it when
// the set is not ASCII, where a search of s for each character uses the
// vectorised byte search (it runs on every clause and paragraph). chars
// is valid UTF-8 without U+FFFD (which strings.ContainsRune would also
// find in an invalid byte).
func hasAny(s, chars string) bool {
	// each character of chars as the bytes that spell it: ranging over
	// chars decoded every one of them through the runtime's decoder
	for i := 0; i < len(chars); {
		n := utf8fast.RuneSize(chars[i:])
		if strings.Contains(s, chars[i:i+n]) {
			return true
		}
		i += n
	}
	return false
}

// hasVerb reports whether a clause can hold an instruction: some word that
// is not part of a noun phrase (a verb, an adverb, an adjective used as a
// verb: 稳地价). Address lines (各省、自治区、直辖市人民政府) and noun phrases
// have none. POS tags of the dictionary are noisy (采取措施/nr), so the test
// is what is absent, not what is present.
func hasVerb(u unit) bool {
	if w, ok := onlyWord(u.toks); ok && (w.POS == "c" || w.POS == "d") {
		return false // 否则, 当然: a linker alone carries no act
	}
	for _, tk := range u.toks {
		p := tk.POS
		switch {
		case p == "w" || p == "m" || p == "q" || p == "r" || p == "f" || p == "s" || p == "t" || p == "j" || p == "b" || p == "eng" || p == "uj":
		case strings.HasPrefix(p, "n") && p != "nr":
		case p == "x" && utf8.RuneCountInString(tk.Text) == 1:
		default:
			return true
		}
	}
	return false
}

// onlyWord is the one token of a clause that is not punctuation, false
// when it has none or more than one (hasVerb asks for every clause: no
// slice is made).
func onlyWord(toks []segment.Token) (segment.Token, bool) {
	var w segment.Token
	n := 0
	for _, t := range toks {
		if t.POS != "w" {
			w, n = t, n+1
		}
	}
	return w, n == 1
}

// frame is the speech act in force: who speaks and how.
type frame struct {
	issuer string
	kind   string // directive, report, opinion; "" when none
}

// detectFrame recognises a clause that only frames: a short speaker and a
// frame verb (会议要求, 黄明强调, 通知指出, 业内人士认为).
func (c *cues) detectFrame(u unit) (speaker, verb, kind string, ok bool) {
	t := strings.TrimSpace(u.text)
	best := longestEnding(t, 4, func(f string) bool { _, ok := c.lex.Frames[f]; return ok })
	if best == "" {
		return "", "", "", false
	}
	speaker = strings.TrimSpace(strings.TrimSuffix(t, best))
	speaker = strings.TrimSuffix(speaker, "还")
	speaker = strings.TrimSuffix(speaker, "也")
	speaker = strings.TrimSuffix(speaker, "同时")
	speaker = strings.TrimSuffix(speaker, "进一步")
	n := utf8.RuneCountInString(speaker)
	if n == 0 || n > 40 || strings.HasSuffix(speaker, "本") || strings.HasSuffix(speaker, "该") || strings.HasSuffix(speaker, "此") || strings.HasSuffix(speaker, "上述") || reSelfReference.MatchString(speaker) {
		// 经营者违反本规定, 违反本法规定: the law itself is the object of a
		// clause, no speaker
		return "", "", "", false
	}
	if len(c.findMarkers([]rune(speaker), nil)) > 0 || !nominal(u, utf8.RuneCountInString(speaker)) || c.anyCue("carry-out", speaker) {
		return "", "", "", false // 落实全国教育大会部署: the 部署 is carried out, nobody speaks
	}
	kind = c.lex.Frames[best]
	for _, o := range c.opinion {
		if strings.Contains(speaker, o) {
			kind = "opinion"
		}
	}
	// an authority that states its course (两市政府负责同志表示，…) instructs
	// as a meeting does
	if kind == "report" && c.anyCue("authority-speaker", speaker) {
		kind = "directive"
	}
	return speaker, best, kind, true
}

// reSelfReference finds a law's reference to itself or to one of its
// parts (本法, 本条例, 前款, 本条).
var reSelfReference = regexp.MustCompile(`(?:本|前|该)(?:法|条例|规定|办法|细则|决定|款|条|项)`)

// sentenceFinal reports the punctuation that ends a sentence (or none).
func sentenceFinal(r rune) bool {
	return r == 0 || strings.ContainsRune("。！？；!?", r)
}

// nominal reports whether the first n runes of a clause hold no verb: a
// speaker is a noun phrase (会议, 国务院安委会副主任、应急管理部部长黄明), not an
// action (全面落实…决策部署).
func nominal(u unit, n int) bool {
	if n <= 6 {
		return true // 会议, 通知, 黄明: short speakers need no check
	}
	depth := 0
	for _, t := range u.toks {
		if t.Start-u.span.Start >= n {
			break
		}
		switch t.Text {
		case "《", "“":
			depth++
		case "》", "”":
			depth--
		}
		if depth > 0 {
			continue // a title inside the speaker (《征求意见稿》) may hold verbs
		}
		if t.POS == "v" || t.POS == "vd" || t.POS == "ad" || t.POS == "d" || t.POS == "l" || t.POS == "i" {
			return false
		}
	}
	return true
}

// issuerOf resolves a frame's speaker: a person's name without titles, the
// named meeting for 会议, the document's issuer for the document itself.
func (c *cues) issuerOf(speaker, meeting, docIssuer string) string {
	raw := strings.Trim(speaker, "《》“”\"「」 ")
	s := c.speakerProper(raw)
	switch {
	case raw != "" && (s == "" || strings.HasSuffix(s, "时")):
		return docIssuer // 并依照…的, …通报…时: a condition or a time, not who speaks
	case s != raw && docIssuer != "":
		return docIssuer // 本市按照国家…, 由国务院…: the actor the document instructs, not who speaks
	case s == "会议" || s == "会上" || strings.HasSuffix(s, "会议") && utf8.RuneCountInString(s) <= 4:
		if meeting != "" {
			return meeting
		}
		return s
	case strings.HasPrefix(s, "通知") || strings.HasPrefix(s, "意见") || strings.HasPrefix(s, "方案") ||
		strings.HasPrefix(s, "规定") || strings.HasPrefix(s, "办法") || strings.HasPrefix(s, "文件") || strings.HasPrefix(s, "规划"):
		if docIssuer != "" {
			return docIssuer
		}
		return s
	}
	if name := c.nameAfterTitle(s); name != "" {
		return name
	}
	for w := range c.byKind["prep"] {
		if strings.HasPrefix(s, w) {
			return docIssuer // 按照…部署, 依据…条例: a condition, not who speaks
		}
	}
	return s
}

// speakerProper is a frame's speaker without the connectives that open
// it (由…) and without the condition that follows it, with the words of
// commitment before that (X根据…的规定, X将按照…: X).
func (c *cues) speakerProper(s string) string {
	s = trimAll(s, c.byKind["speaker-lead"], strings.CutPrefix)
	cut := len(s)
	for w := range c.byKind["speaker-cut"] {
		if i := strings.Index(s, w); i >= 0 && i < cut {
			cut = i
		}
	}
	if cut == len(s) {
		return s
	}
	return trimAll(s[:cut], c.byKind["commit"], strings.CutSuffix) // 商务部等六部门将按照…: 商务部等六部门
}

// trimAll cuts words of a set from one end of s until none is left there,
// so that the result does not depend on the order a map gives the words
// in (并由…: both go, whichever is tried first).
func trimAll(s string, words map[string]bool, cut func(s, w string) (string, bool)) string {
	for trimmed := true; trimmed; {
		trimmed = false
		for w := range words {
			if rest, ok := cut(s, w); ok && w != "" {
				s, trimmed = rest, true
			}
		}
	}
	return s
}

// nameAfterTitle returns the personal name that ends a speaker written as
// titles + name (国务院安委会副主任、应急管理部部长黄明 → 黄明).
func (c *cues) nameAfterTitle(s string) string {
	runes := []rune(s)
	for k := 2; k <= 4 && k < len(runes); k++ {
		name := string(runes[len(runes)-k:])
		head := string(runes[:len(runes)-k])
		if !c.lex.Surnames[string([]rune(name)[:1])] && !(k >= 3 && c.lex.Surnames[string([]rune(name)[:2])]) {
			continue
		}
		if n, _ := longestSuffix(c.lex.Titles, head); n > 0 {
			return name
		}
	}
	if len(runes) >= 2 && len(runes) <= 3 && c.lex.Surnames[string(runes[:1])] {
		return s
	}
	return ""
}

// longestSuffix finds the longest key of x that ends s.
func longestSuffix(x *lexicon.Index, s string) (int, string) {
	runes := []rune(s)
	for k := min(len(runes), 12); k >= 1; k-- {
		tail := string(runes[len(runes)-k:])
		if _, ok := x.Get(tail); ok {
			return k, tail
		}
	}
	return 0, ""
}

// hasTail reports a clause ending in a condition's tail (为契机, 情况下).
func (c *cues) hasTail(t string) bool {
	return longestEnding(t, 5, func(e string) bool { return c.kindsOf(e)&wkTail != 0 }) != ""
}

// longestEnding returns the longest ending of t, up to n runes, that is in
// a set: a few look-ups instead of a pass over the whole set.
func longestEnding(t string, n int, in func(string) bool) string {
	best := ""
	i := len(t)
	for k := 1; k <= n && i > 0; k++ {
		_, size := utf8fast.DecodeLastRune(t[:i])
		i -= size
		if in(t[i:]) {
			best = t[i:]
		}
	}
	return best
}

// anyCue reports whether t contains a cue of a kind.
func (c *cues) anyCue(kind, t string) bool {
	for w := range c.byKind[kind] {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// inlineFrame finds a directive frame that opens an action clause without a
// comma after it (会议要求各地加强…, 通知还要求各地…): the speaker and the
// frame verb lead, the instruction follows in the same clause.
func (c *cues) inlineFrame(u unit) (speaker string, ok bool) {
	for i, tk := range u.toks {
		if i >= 8 {
			break
		}
		if c.kindsOf(tk.Text)&wkDirectiveFrame == 0 || i+1 >= len(u.toks) {
			continue
		}
		end := tk.End - u.span.Start
		head := u
		head.runes, head.toks = u.runes[:end], u.toks[:i+1]
		head.text = string(head.runes)
		head.span.End = tk.End
		if sp, _, kind, found := c.detectFrame(head); found && kind == "directive" {
			return sp, true
		}
		return "", false
	}
	return "", false
}

// firstCue is the cue of a kind that opens earliest in t (the longer one at
// the same place), or "".
func (c *cues) firstCue(kind, t string) string {
	best, at := "", -1
	for w := range c.byKind[kind] {
		i := strings.Index(t, w)
		if i >= 0 && (at < 0 || i < at || i == at && (len(w) > len(best) || len(w) == len(best) && w < best)) {
			best, at = w, i
		}
	}
	return best
}

// factPrefix reports a word that opens with a fact cue of two characters
// or more (日益完善, 正在推进, 已经完成).
func (c *cues) factPrefix(w string) bool {
	if len(w) <= c.factMin {
		return false // shorter than every cue and a char past it (most words)
	}
	for _, f := range c.factLong {
		if len(w) > len(f) && strings.HasPrefix(w, f) {
			return true
		}
	}
	return false
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// nounThenVerb reports, for the part of a clause after rune offset from,
// a noun followed later by a plain verb (地区/n 进行/v 通报): the clause acts.
// A verb right after 的 (参保/v 企业) qualifies the noun instead.
func nounThenVerb(u unit, from int) bool {
	seenNoun := false
	for _, t := range u.toks {
		if t.Start-u.span.Start < from {
			continue
		}
		switch {
		case strings.HasPrefix(t.POS, "n") && !seenNoun:
			seenNoun = true
		case seenNoun && (t.POS == "v" || t.POS == "vd"):
			return true
		}
	}
	return false
}
