package keywords

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Candidates returns, per sentence, the keyword candidates in order: content
// words, and phrases merged from adjacent content words that the document
// uses together more than once (安全 + 生产 → 安全生产, then → 安全生产执法).
func Candidates(doc *segment.Doc, lex *lexicon.Set) [][]string {
	return keptTerms(candidateSeqs(doc, lex))
}

// cand is one token or merged phrase of a sentence, with what the ranker
// reads about this occurrence.
type cand struct {
	text    string
	content bool // may stand as a keyword
	joins   bool // may join a phrase
	tail    bool // only as its last part (a noun-verb heads a phrase: 安全+生产, not 启动+人身保险)
	kept    bool // a keyword candidate after merging and filtering
	pos     string
	parts   int
	title   bool // in the document's title
	left    bool // written against a lone character on the left (何+立峰, 网+约车)
	right   bool // or on the right (风险+较, 主 of 主任)
	// the Han characters written right before and after it, when they
	// belong to a content word (0 otherwise): a term always next to the
	// same one is half of a longer term (综合|保税区, 反食品|浪费)
	lc, rc  rune
	lastOne bool // its last part is one character (电子+烟)
	number  bool // written right after a number (20日晚, 3月份)
	// written right after an opening quote (“专精特新”, 《数据安全法》) and
	// right before a closing one: a term the text itself sets apart
	qL, qR bool
	head   bool // in a heading or the lead clause of 一是…, （一）…
	topic  bool // in a paragraph's short first sentence (继续实施积极的财政政策。)
}

// candidateSeqs segments each sentence into candidates, merges phrases and
// marks the candidates kept.
func candidateSeqs(doc *segment.Doc, lex *lexicon.Set) [][]cand {
	var lemmas map[string]string
	if doc.Lang == "en" {
		lemmas = englishLemmas(doc)
	}
	var seqs [][]cand
	own := ownNumbers(doc)
	paras := append([]segment.Paragraph{doc.Title}, doc.Paragraphs...)
	// every sentence's candidates are a run of one array: a token gives at
	// most one candidate, so it never grows (an array per sentence was
	// the keywords' largest allocation)
	ntok := 0
	for pi := range paras {
		ntok += len(paras[pi].Tokens)
	}
	all := make([]cand, 0, ntok)
	for pi := range paras {
		seqs, all = appendSentences(seqs, all, &paras[pi], pi == 0, doc, lex, lemmas, own)
	}
	for round := 0; round < mergeRounds(doc.Lang); round++ {
		seqs = mergePhrases(seqs, doc.Lang)
	}
	for _, seq := range seqs {
		for i := range seq {
			c := &seq[i]
			// the length test before the map probe: the same AND, cheaper first
			c.kept = c.content && keepable(c.text, doc.Lang) && !lex.Generic[c.text] && !addressee(lex, c.text)
		}
	}
	return seqs
}

// mergeRounds is how many times neighbours merge whenever they meet twice:
// Chinese dictionary words are compounds already (安全生产, 宏观调控), and a
// second such round glued them into strings no analyst writes
// (人民检察院经审查, as the train split showed); English words need two
// rounds for three-word terms (Federal financial assistance).
func mergeRounds(lang string) int {
	if lang == "en" {
		return 2
	}
	return 1
}

// addressee tells a lexicon row of addressees (各地区、各有关部门和单位):
// whom a document speaks to, not what it is about. A named kind of party
// stays a candidate (公安机关, 用人单位: analysts' keywords; on the train
// split +13 keywords, +0.007 by cross-validation).
func addressee(lex *lexicon.Set, text string) bool {
	if namedParty(text) {
		return false
	}
	g, ok := lex.Surface.Get(text)
	if !ok || int(g) >= len(lex.Groups) {
		return false
	}
	for _, i := range lex.Groups[g] {
		if lex.Entries[i].Type != lexicon.Addressee {
			return false
		}
	}
	return true
}

// formulaOnly tells a term every lexicon row of which is a policy formula
// (稳健的货币政策): unlike a name, it does not stand beside a shown term
// inside it (货币政策), which names the same analysts' keyword.
func formulaOnly(lex *lexicon.Set, text string) bool {
	g, ok := lex.Surface.Get(text)
	if !ok || int(g) >= len(lex.Groups) {
		return false
	}
	for _, i := range lex.Groups[g] {
		if lex.Entries[i].Type != lexicon.Term {
			return false
		}
	}
	return true
}

// namedParty tells an addressee that names a kind of party a policy is
// about (公安机关, 用人单位, 国有企业, 纳税人): three or four characters, not
// a generic body (有关部门, 相关单位, 主管部门, 各地区, 全社会).
func namedParty(text string) bool {
	n := utf8fast.RuneCount(text)
	return n >= 3 && n <= 4 && text != "全社会" && !strings.HasSuffix(text, "部门") &&
		!strings.HasPrefix(text, "各") && !strings.HasPrefix(text, "有关") && !strings.HasPrefix(text, "相关")
}

// appendSentences adds one paragraph's sentences; a break (an empty cand)
// stands for punctuation and space, which phrases never cross. Each
// sentence's candidates are appended to all, and the sentence is that run
// of all, its capacity capped at its length.
func appendSentences(seqs [][]cand, all []cand, p *segment.Paragraph, title bool, doc *segment.Doc, lex *lexicon.Set, lemmas map[string]string, own map[string]bool) ([][]cand, []cand) {
	ti := 0 // tokens and sentences are both in order: one pass
	byline := lex.Cues["byline"]
	heading := !title && isHeading(p)
	for si, s := range p.Sentences {
		topic := !title && si == 0 && topicSentence(p, s)
		for ti < len(p.Tokens) && p.Tokens[ti].Start < s.Start {
			ti++
		}
		leadEnd := leadClauseEnd(p, s)
		start := len(all)
		seq := all
		for ; ti < len(p.Tokens) && p.Tokens[ti].End <= s.End; ti++ {
			t := p.Tokens[ti]
			if t.POS == "w" || unicode.IsSpace(firstRune(t.Text)) {
				seq = append(seq, cand{})
				continue
			}
			if doc.Lang == "en" {
				if c, n := numberedOrder(p.Tokens, ti, title); n > 0 {
					c.content = !own[c.text]
					seq = append(seq, c)
					ti += n - 1
					continue
				}
			}
			c := tokenCand(p.Tokens, ti, title, doc, lex, lemmas, byline)
			c.head = heading || t.End <= leadEnd
			c.topic = topic
			c.qL, c.qR = quoteAt(p.Tokens, ti, -1, openQuotes), quoteAt(p.Tokens, ti, 1, closeQuotes)
			seq = append(seq, c)
		}
		all = seq
		seqs = append(seqs, all[start:len(all):len(all)])
	}
	return seqs, all
}

const (
	openQuotes  = "“‘「『《\"'"
	closeQuotes = "”’」』》\"'"
)

// quoteAt tells whether the token written right against a token on one
// side is one of the quotes.
func quoteAt(toks []segment.Token, ti, dir int, quotes string) bool {
	nb, ok := against(toks, ti, dir)
	if !ok {
		return false
	}
	r, _ := utf8fast.DecodeLastRune(nb.Text)
	if dir > 0 {
		r = firstRune(nb.Text)
	}
	return hasQuote(quotes, r)
}

// hasQuote is strings.ContainsRune(quotes, r) for the quote sets, which
// hold no Han character: most neighbours are Han characters, answered
// without searching the set (a search per side of every token).
func hasQuote(quotes string, r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && strings.IndexByte(quotes, byte(r)) >= 0
	}
	if r >= 0x4e00 && r <= 0x9fff {
		return false
	}
	return strings.ContainsRune(quotes, r)
}

// isHeading tells a paragraph that reads as a heading: short and not
// ending a sentence (三、加快发展保障性租赁住房).
func isHeading(p *segment.Paragraph) bool {
	n := len(p.Runes)
	if n == 0 || n > 30 {
		return false
	}
	return !strings.ContainsRune("。；;.!！？?，,：:", p.Runes[n-1])
}

// topicLen is the longest topic sentence, in characters: 20 gave 2,098
// train keywords of 2,628 by cross-validation, 14 and 30 2,091 and 2,093
// (none: 2,090).
const topicLen = 20

// topicSentence tells a paragraph's first sentence that states what the
// paragraph is about: short, with more sentences after it (a work report's
// 继续实施稳健的货币政策。 before the paragraph that says how).
func topicSentence(p *segment.Paragraph, s segment.Sentence) bool {
	return len(p.Sentences) >= 2 && s.End-s.Start <= topicLen
}

// leadClauseEnd is the end of a sentence's first clause when the sentence
// opens an enumerated point (一是…, （二）…, 3. …): what the point is about;
// 0 otherwise.
func leadClauseEnd(p *segment.Paragraph, s segment.Sentence) int {
	if !enumerated(p.Runes[s.Start:s.End]) || len(s.Clauses) == 0 {
		return 0
	}
	return s.Clauses[0].End
}

// enumerated tells text that opens with an enumerator: 一是, 二、, （三）,
// (4), 5. or 5、.
func enumerated(r []rune) bool {
	if len(r) < 3 {
		return false
	}
	num := func(x rune) bool {
		return strings.ContainsRune("一二三四五六七八九十", x) || x >= '0' && x <= '9'
	}
	switch {
	case num(r[0]) && (r[1] == '是' || r[1] == '、' || r[1] == '.' || r[1] == '．'):
		return true
	case (r[0] == '（' || r[0] == '(') && num(r[1]):
		return true
	}
	return false
}

// numberedOrder is the candidate of an order or memorandum cited by its
// number, which analysts name as a whole (Executive Order 12866, M-08-01)
// and whose number alone is no word: the candidate and how many tokens it
// takes, or 0.
func numberedOrder(toks []segment.Token, ti int, title bool) (cand, int) {
	t := toks[ti].Text
	if len(t) == 7 && t[0] == 'M' && memoNumber.MatchString(t) { // the length first: a regexp per word is slow
		return cand{text: strings.ToLower(t), content: true, pos: "eng", parts: 1, title: title}, 1
	}
	if ti+2 < len(toks) && strings.EqualFold(t, "executive") && strings.EqualFold(toks[ti+1].Text, "order") && orderNumber.MatchString(toks[ti+2].Text) {
		return cand{text: "executive order " + toks[ti+2].Text, content: true, pos: "eng", parts: 3, title: title}, 3
	}
	return cand{}, 0
}

// ownNumbers is the first numbered order of an English document's title:
// the document itself (Executive Order 13166 in the order's own title),
// no keyword of it. An order the title cites after it is one
// (Executive Order 13516: Amending Executive Order 13462).
func ownNumbers(doc *segment.Doc) map[string]bool {
	if doc.Lang != "en" {
		return nil
	}
	for ti := range doc.Title.Tokens {
		if c, n := numberedOrder(doc.Title.Tokens, ti, true); n > 0 {
			return map[string]bool{c.text: true}
		}
	}
	return nil
}

var (
	memoNumber  = regexp.MustCompile(`^M-\d{2}-\d{2}$`) // an OMB memorandum
	orderNumber = regexp.MustCompile(`^\d{4,5}$`)
)

// tokenCand is the candidate of one token.
func tokenCand(toks []segment.Token, ti int, title bool, doc *segment.Doc, lex *lexicon.Set, lemmas map[string]string, byline []string) cand {
	t := toks[ti]
	text, lang := t.Text, doc.Lang
	if doc.Traditional {
		// one term for 發展 and 发展, so that a traditional document's
		// keywords group with simplified ones and find the policy IDF
		text = fold.String(text)
	}
	if lang == "en" {
		text = strings.ToLower(text)
		if l, ok := lemmas[text]; ok {
			text = l
		}
	}
	n := utf8fast.RuneCount(text)
	c := cand{text: text, content: content(t, text, lex, lang, byline), pos: t.POS, title: title, lastOne: n == 1}
	if lang == "en" {
		c.joins = c.content
		return c
	}
	// a one-character noun (烟 of 电子烟) never stands alone but may join a
	// phrase
	// a verb stands alone (移送, 减税) but never joins a phrase
	c.joins = c.content && t.POS != "v" || n == 1 && (t.POS == "n" || t.POS == "ng" || t.POS == "zg") && !t.Stop
	c.tail = t.POS == "vn"
	c.number = ti > 0 && toks[ti-1].End == t.Start && toks[ti-1].POS == "m"
	if c.number && n == 1 {
		c.content, c.joins = false, false // 13家 企业, 1日 至: a measure word, not a word of the phrase
	}
	c.left, c.right = glued(toks, ti, -1), glued(toks, ti, 1)
	c.lc, c.rc = neighbour(toks, ti, -1), neighbour(toks, ti, 1)
	return c
}

// against is the token on one side of token ti (dir -1 or 1) when it is
// written right against it, with no space or gap between. It points into
// toks: a copy of a token for each of the questions a candidate asks of
// its neighbours was most of their cost.
func against(toks []segment.Token, ti, dir int) (*segment.Token, bool) {
	j := ti + dir
	if j < 0 || j >= len(toks) {
		return nil, false
	}
	nb := &toks[j]
	if dir < 0 && nb.End != toks[ti].Start || dir > 0 && toks[ti].End != nb.Start {
		return nil, false
	}
	return nb, true
}

// glued tells whether the neighbour on one side is a lone Han
// character written against the token, not punctuation or a stop word: a
// sign that the token is a piece of a longer word the segmenter split.
func glued(toks []segment.Token, ti, dir int) bool {
	nb, ok := against(toks, ti, dir)
	if !ok {
		return false
	}
	r, size := utf8fast.DecodeRune(nb.Text)
	return size == len(nb.Text) && size > 0 && isHanRune(r) && !nb.Stop && nb.POS != "u" && nb.POS != "p" && nb.POS != "c"
}

// neighbour is the Han character written against a token on one side,
// when the token it belongs to is a word of substance (not punctuation, a
// stop word, a particle, preposition or conjunction); 0 otherwise.
func neighbour(toks []segment.Token, ti, dir int) rune {
	j := ti + dir
	if j < 0 || j >= len(toks) {
		return 0
	}
	nb := &toks[j]
	if dir < 0 && nb.End != toks[ti].Start || dir > 0 && toks[ti].End != nb.Start || nb.Stop || nb.POS == "u" || nb.POS == "p" || nb.POS == "c" {
		return 0
	}
	r := firstRune(nb.Text)
	if dir < 0 {
		r, _ = utf8fast.DecodeLastRune(nb.Text)
	}
	if !isHanRune(r) {
		return 0
	}
	return r
}

func isHanRune(r rune) bool { return utf8fast.IsHan(r) }

func firstRune(s string) rune {
	r, _ := utf8fast.DecodeRune(s)
	return r
}

// content accepts nouns, noun-verbs, proper nouns, unknown words and
// idioms; not plain verbs, adverbs, numbers, function words or
// distinguishing words standing alone (基本, 主要). byline is the
// lexicon's byline roles (lex.Cues["byline"], looked up once per
// document). The tests are ANDed, so the cheap one on the tag goes
// before the look-ups.
func content(t segment.Token, text string, lex *lexicon.Set, lang string, byline []string) bool {
	if t.Stop {
		return false
	}
	if lang == "en" {
		return !lex.Stop[text] && utf8fast.RuneCount(text) > 2 && isWord(text)
	}
	if !contentTag(t.POS, text) || lex.Stop[text] {
		return false
	}
	for _, role := range byline {
		if strings.HasSuffix(text, role) {
			return false // 首席记者, 特约通讯员: a byline's role (clauses.zh.tsv), like 记者 itself
		}
	}
	return true
}

// contentTag tells the tags of Chinese content words.
func contentTag(p, text string) bool {
	switch {
	case strings.HasPrefix(p, "n"), p == "vn", p == "j", p == "l", p == "x", p == "an", p == "i", p == "eng", p == "nz", p == "b", p == "v" && utf8fast.RuneCount(text) >= 2, p == "t" && holiday(text):
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
	n := utf8fast.RuneCount(s)
	if lang == "en" {
		return n >= 3
	}
	return n >= 2 && n <= 16
}

// englishLemmas maps each plural word of a document to its singular when
// the document writes the singular too (regulations → regulation,
// agencies → agency): one term for both, without guessing at words the
// document never shows in the singular.
func englishLemmas(doc *segment.Doc) map[string]string {
	words := map[string]bool{}
	paras := append([]segment.Paragraph{doc.Title}, doc.Paragraphs...)
	for pi := range paras {
		for _, t := range paras[pi].Tokens {
			words[strings.ToLower(t.Text)] = true
		}
	}
	out := map[string]string{}
	for w := range words {
		for _, s := range singulars(w) {
			if words[s] {
				out[w] = s
				break
			}
		}
	}
	return out
}

// singulars lists the singular forms an English plural may have.
func singulars(w string) []string {
	switch {
	case len(w) < 4 || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return nil
	case strings.HasSuffix(w, "ies"):
		return []string{w[:len(w)-3] + "y"}
	case strings.HasSuffix(w, "es"):
		return []string{w[:len(w)-2], w[:len(w)-1]}
	case strings.HasSuffix(w, "s"):
		return []string{w[:len(w)-1]}
	}
	return nil
}

// mergePhrases joins adjacent content candidates whose pair occurs at
// least twice in the document. It merges in place: the sequences given
// are overwritten.
func mergePhrases(seqs [][]cand, lang string) [][]cand {
	// a phrase holds at most 12 Chinese characters, or about three English
	// words (artificial intelligence)
	sep, maxPhrase := "", 12
	if lang == "en" {
		sep, maxPhrase = " ", 32
	}
	n := 0
	for _, seq := range seqs {
		n += len(seq)
	}
	pairs := make(map[[2]string]int, n/8) // about as many as the pairs of the work reports
	for _, seq := range seqs {
		for i := range seq {
			if i+1 < len(seq) && mergeable(seq[i], seq[i+1]) {
				pairs[[2]string{seq[i].text, seq[i+1].text}]++
			}
		}
	}
	if len(pairs) == 0 {
		return seqs
	}
	// each sequence is merged in place: a merge reads two candidates and
	// writes one, so the candidate written (w) never passes the one read
	for si, seq := range seqs {
		w := 0
		for i := 0; i < len(seq); i, w = i+1, w+1 {
			if i+1 < len(seq) && mergeable(seq[i], seq[i+1]) && pairs[[2]string{seq[i].text, seq[i+1].text}] >= 2 &&
				seq[i].parts+seq[i+1].parts < 3 && utf8fast.RuneCount(seq[i].text)+utf8fast.RuneCount(seq[i+1].text) <= maxPhrase {
				seq[w] = join(seq[i], seq[i+1], sep)
				i++
				continue
			}
			seq[w] = seq[i]
		}
		seqs[si] = seq[:w]
	}
	return seqs
}

// join merges two neighbours into one phrase; it keeps the outer glue of
// both (a phrase split from a longer word is still a fragment).
func join(a, b cand, sep string) cand {
	return cand{text: a.text + sep + b.text, content: true, joins: true, pos: b.pos, parts: max(a.parts, 1) + max(b.parts, 1),
		title: a.title, number: a.number, lastOne: b.lastOne, left: a.left, right: b.right, lc: a.lc, rc: b.rc,
		qL: a.qL, qR: b.qR, head: a.head || b.head, topic: a.topic || b.topic}
}

// mergeable reports two neighbours that may form a phrase: both may join,
// at least one is a content word, and they are not two names of bodies
// (商务部 + 发展改革委 are a list, not a term).
func mergeable(a, b cand) bool {
	return a.joins && b.joins && !a.tail && (a.content || b.content) && !(a.pos == "nt" && b.pos == "nt")
}

// holiday tells a time word that names a day of its own (春节, 清明,
// 元旦: analysts' keywords), not a date or a span (年底, 今年, 近期, 上午).
func holiday(text string) bool {
	switch text {
	case "上午", "下午", "中午", "目前", "现在", "过去", "将来", "未来", "从此", "此刻", "刚才", "同期", "历史":
		return false
	}
	return utf8fast.RuneCount(text) >= 2 && !strings.ContainsAny(text, "年月日天时期周旬季前后初底末晚早今昨去来近当")
}
