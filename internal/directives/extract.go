package directives

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Meta is what the extractor needs to know of the document.
type Meta struct {
	Date   string // RFC 3339: the anchor of deadlines
	Issuer string // the issuing body a page states (发文机关)
	Title  string
	Format string // the input format
	Chars  int    // the length of the text (document.policy judges only a text long enough)
	// Officials are the names of the document's persons who hold a title:
	// what they say (李国英说，…) may instruct.
	Officials []string
	// Explain fills each directive's Why (the CLI's --explain).
	Explain bool
}

// Document kinds, which set the default mode of a document's clauses.
const (
	kindNews   = "news"   // directives only under frames or with markers
	kindPolicy = "policy" // a notice, opinion or plan: its measures are directives
	kindLaw    = "law"    // articles: clauses with markers
)

var (
	rePolicyTitle = regexp.MustCompile(`(?:意见|通知|通报|方案|规划|纲要|决定|办法|细则|指引|指南|计划|措施|公告|通告|决议)$`)
	reLawTitle    = regexp.MustCompile(`(?:法|条例|规定|规则|解释|办法|细则)$`)
	reIssuer      = regexp.MustCompile(`^(.{2,30}?)关于`)
	reWorkReport  = regexp.MustCompile(`政府工作报告$`)
	reYearPrefix  = regexp.MustCompile(`^\d{4}年`)
	reTitleNote   = regexp.MustCompile(`[（(][^（()）]{1,8}[)）]$`)
)

// Extract finds the directives of a document with rules built by Compile.
func Extract(doc *segment.Doc, rules *Rules, meta Meta) []Directive {
	if doc.Lang == "en" {
		return extractEnglish(doc, rules, meta)
	}
	x := newZhExtractor(doc, rules, meta)
	x.explain = meta.Explain
	x.run()
	x.restack()
	x.fillIssuers()
	x.fullIssuers()
	return x.out
}

func newZhExtractor(doc *segment.Doc, rules *Rules, meta Meta) *zhExtractor {
	x := &zhExtractor{c: rules, doc: doc, meta: meta, date: parseDate(meta.Date)}
	x.kind, x.docIssuer = documentKind(doc, meta)
	if x.docIssuer == "" && x.kind != kindNews {
		x.docIssuer = rules.docNoun(meta.Title) // a document that names no body issues itself (通知, 条例)
	}
	x.meeting = namedMeeting(rules.lex, doc)
	x.preamble = x.kind == kindPolicy && hasLeadIn(doc)
	return x
}

// run walks the paragraphs, leaving out a work report's review of the past
// year and the paragraphs that hold no instruction.
func (x *zhExtractor) run() {
	doc := x.doc
	if x.stacking() {
		x.staged = make([]staged, 0, clauseCount(doc)) // grown once, not by doubling: a staged clause is large
	}
	review := false
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		if t := strings.TrimSpace(p.Text); len(t) <= 4*30 && reHeading.MatchString(t) && utf8fast.RuneCount(t) <= 30 {
			// a work report's review of the past year reports, it does not
			// instruct; the next heading ends it
			review = x.c.anyCue("review", t)
		}
		if review || i == 0 && x.untitledHeadline(p) {
			continue
		}
		if x.kind != kindNews && x.skipParagraph(p) {
			if x.preamble && (reHeading.MatchString(p.Text) || endsPreamble(doc, i)) {
				x.preamble = false
			}
			x.listLead = x.leadOfList(p)
			continue
		}
		x.paragraph(i)
		x.listLead = x.leadOfList(p)
		if x.preamble && endsPreamble(doc, i) {
			x.preamble = false
		}
	}
}

// leadOfList keeps the markers of a law's lead-in to a list (…应当采取下列
// 措施：) for the items that follow; an item keeps those of its lead.
func (x *zhExtractor) leadOfList(p *segment.Paragraph) []hit {
	if x.kind != kindLaw {
		return nil
	}
	t := strings.TrimSpace(p.Text)
	if x.listLead != nil && reItem.MatchString(t) {
		return x.listLead
	}
	if !strings.HasSuffix(t, "：") && !strings.HasSuffix(t, ":") {
		return nil
	}
	if hits := x.c.findMarkers([]rune(t), nil); len(hits) > 0 {
		return hits
	}
	if w := x.c.firstCue("duty-lead", t); w != "" {
		// 市级河长履行下列主要职责：: each item is a duty the law lays down
		return []hit{{text: w, force: "should"}}
	}
	return nil
}

// documentKind tells news from policy documents and laws, and names the
// issuer of a document (发文机关, or the body before 关于 in its title).
func documentKind(doc *segment.Doc, meta Meta) (kind, issuer string) {
	issuer = meta.Issuer
	// （节选）, （摘要）: an excerpt is of the kind of its whole
	title := reTitleNote.ReplaceAllString(strings.TrimSpace(meta.Title), "")
	if issuer == "" {
		if m := reIssuer.FindStringSubmatch(title); m != nil {
			issuer = m[1]
		}
	}
	articles := 0
	for _, p := range doc.Paragraphs {
		if reArticle.MatchString(p.Text) {
			articles++
		}
	}
	switch {
	case reWorkReport.MatchString(title):
		// a government work report's tasks are measures, as a plan's are;
		// its review of the past year is skipped by its heading. Its issuer
		// is the government that reports (2025年中华人民共和国国务院政府工作报告)
		if issuer == "" {
			issuer = strings.TrimPrefix(reWorkReport.ReplaceAllString(reYearPrefix.ReplaceAllString(title, ""), ""), "中华人民共和国")
			if strings.HasSuffix(issuer, "省") || strings.HasSuffix(issuer, "市") || strings.HasSuffix(issuer, "自治区") {
				issuer += "人民政府"
			}
			if issuer == "" {
				issuer = "国务院" // 2019年政府工作报告: the national report
			}
		}
		return kindPolicy, issuer
	case articles >= 3:
		return kindLaw, issuer
	case (rePolicyTitle.MatchString(title) || reLawTitle.MatchString(title)) && !reportsOn(title):
		return kindPolicy, issuer
	}
	return kindNews, issuer
}

// reReportTitle finds what a news headline has and a document's own title
// does not: a colon or exclamation, a reporting verb ahead of the document
// it reports on (国务院办公厅印发…意见; but 关于印发…的通知 is the notice itself).
var reReportTitle = regexp.MustCompile(`[：:！!？?]|^[^关]*(?:印发|发布|出台|公布|部署|召开|审议|解读|答记者问)`)

// reportsOn tells a headline about a document from the document's own
// title, by the title's words alone (not by the input format: the same
// article read as text gives the same directives).
func reportsOn(title string) bool {
	if i := strings.Index(title, "关于"); i >= 0 {
		return reReportTitle.MatchString(title[:i])
	}
	return reReportTitle.MatchString(title)
}

// endsPreamble reports a paragraph after which a policy document
// instructs: a lead-in to its requirements (特提出如下要求：), or one right
// before a numbered heading. A 通报's lead-in to its account (予以通报)
// opens more report.
func endsPreamble(doc *segment.Doc, i int) bool {
	t := strings.TrimSpace(doc.Paragraphs[i].Text)
	return leadIn(t) && !reReportLeadIn.MatchString(t) || i+1 < len(doc.Paragraphs) && reHeading.MatchString(doc.Paragraphs[i+1].Text)
}

// hasLeadIn reports a policy document whose opening paragraphs end in a
// lead-in (…通知如下) or run up to a numbered heading: until then, only
// clauses with markers (and their scope) are directives, not its
// assessments (就业局势保持总体稳定).
func hasLeadIn(doc *segment.Doc) bool {
	for i, p := range doc.Paragraphs {
		if i > 7 {
			break
		}
		t := strings.TrimSpace(p.Text)
		if leadIn(t) || reHeading.MatchString(t) {
			return true
		}
	}
	return false
}

// namedMeeting is the first named meeting of the document (国务院常务会议),
// which a later 会议 refers to.
func namedMeeting(lex *lexicon.Set, doc *segment.Doc) string {
	for _, p := range append([]segment.Paragraph{doc.Title}, doc.Paragraphs...) {
		t := p.Text
		if !strings.Contains(t, "会") {
			continue // every named meeting is a 会
		}
		for b := 0; b < len(t); {
			n, v := lex.Surface.Longest(t[b:])
			if n > 0 {
				for _, e := range lex.Groups[v] {
					if lex.Entries[e].Type == lexicon.Event && strings.Contains(t[b:b+n], "会") {
						return lex.Entries[e].Canonical
					}
				}
				b += n
				continue
			}
			_, size := utf8.DecodeRuneInString(t[b:])
			b += size
		}
	}
	return ""
}

type zhExtractor struct {
	c         *cues
	doc       *segment.Doc
	meta      Meta
	date      time.Time
	kind      string
	docIssuer string
	meeting   string
	preamble  bool // a policy document before its lead-in (通知如下) or first heading
	out       []Directive
	explain   bool        // fill Directive.Why
	collect   bool        // keep every candidate, for training
	cands     []Candidate // the candidates when collecting
	listLead  []hit       // the markers of a law's lead-in to the list whose items follow
	staged    []staged    // action clauses waiting for the model's second stage
	room      featureRoom // the buffers a clause's features are named in, reused
}

var (
	reEffective = regexp.MustCompile(`之日起(?:施行|实施|生效|执行)$`)
	reEnumItem  = regexp.MustCompile(`^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十][，、]|[（(][一二三四五六七八九十\d]+[)）])`)
	reLeadIn    = regexp.MustCompile(`(?:如下|以下意见|以下通知|下列规定|以下规定|予以通报|印发给你们|请认真贯彻执行|请结合实际认真贯彻落实)[：:。]?$`)
	reHeading   = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])`)
	// a 通报's lead-in to its account (现将…情况予以通报) opens more report,
	// not its requirements
	reReportLeadIn = regexp.MustCompile(`(?:予以通报|通报如下)[：:。]?\s*$`)
	reParen        = regexp.MustCompile(`^[（(][^（()）]*[)）]$`)
)

// enumItem reports a sentence that opens an item of an enumeration
// (reEnumItem); the regexp runs only on one that opens on a character its
// match opens on, most sentences not.
func enumItem(s string) bool {
	return opensOn(s, enumItemStarts) && reEnumItem.MatchString(s)
}

// enumItemStarts are the characters a match of reEnumItem opens on.
const enumItemStarts = "一二三四五六七八九十其第（("

// untitledHeadline reports the first line of a text that came without a
// title (a plain-text copy of an article) when it reads as one: short, no
// sentence inside or after it. A headline sums up; read as a post, the same
// line is the title and never a clause, so the same article gives the same
// directives whatever its format.
func (x *zhExtractor) untitledHeadline(p *segment.Paragraph) bool {
	t := strings.TrimSpace(p.Text)
	return strings.TrimSpace(x.meta.Title) == "" && len(t) <= 4*40 && utf8fast.RuneCount(t) <= 40 && !hasAny(t, "，。；！？：,;:")
}

// skipParagraph recognises paragraphs that hold no instruction whatever
// their words: salutations and lead-ins ending in ：(各省、自治区…：,
// 现说明如下：), short headings (一、总体要求), parenthetical notes
// (（此件公开发布）) and document numbers.
func (x *zhExtractor) skipParagraph(p *segment.Paragraph) bool {
	t := strings.TrimSpace(p.Text)
	// each regexp only where its first or last character is
	if (strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（")) && reParen.MatchString(t) || strings.HasSuffix(t, "号") && reDocNo.MatchString(t) {
		return true
	}
	unmarked := func() bool { return len(x.c.findMarkers([]rune(t), nil)) == 0 }
	if (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) && !reArticle.MatchString(t) && unmarked() {
		// an article that ends in ： (第十九条 …的，由…记入…：) still disposes
		return true
	}
	if hasAny(t, "＝÷×") && unmarked() {
		return true // 日工资：月工资收入÷月计薪天数: a formula
	}
	body := t
	if mayOpenItem(t) {
		body = reItem.ReplaceAllString(t, "")
	}
	if x.listLead != nil && body != t {
		return false // a short item of a list whose lead-in instructs
	}
	// at most 15 runes: a longer paragraph is not counted (a rune has at
	// most four bytes)
	return len(body) <= 4*15 && utf8fast.RuneCount(body) <= 15 && !hasAny(body, "，。；！？") && len(x.c.findMarkers([]rune(body), nil)) == 0
}

var reDocNo = regexp.MustCompile(`^[\p{Han}]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号$`)

// paragraph walks the clauses of one paragraph. A frame holds until the
// next frame or the end of the paragraph; in a policy document the
// document itself is the frame.
func (x *zhExtractor) paragraph(pi int) {
	p := &x.doc.Paragraphs[pi]
	w := &clauseWalk{x: x, p: p, pi: pi, fr: x.paragraphFrame()}
	if m := reArticle.FindString(p.Text); m != "" {
		w.article = strings.TrimSpace(m)
	}
	for si, s := range p.Sentences {
		w.sentence(si, s)
	}
}

// paragraphFrame is the frame a paragraph opens in: a policy document
// instructs (or, in its preamble, reports), a law lays down; news waits
// for a frame clause.
func (x *zhExtractor) paragraphFrame() frame {
	switch {
	case x.kind == kindPolicy && x.preamble:
		return frame{issuer: x.docIssuer, kind: "report"}
	case x.kind == kindPolicy:
		return frame{issuer: x.docIssuer, kind: "directive"}
	case x.kind == kindLaw:
		return frame{issuer: x.docIssuer, kind: "law"}
	}
	return frame{}
}

// clauseWalk is what runs through a paragraph's clauses: the frame, the
// scope of the last directive, and, within a sentence, the conditions
// waiting for their action, the markers carried to it and whether the
// sentence reports.
type clauseWalk struct {
	x       *zhExtractor
	p       *segment.Paragraph
	pi      int
	fr      frame
	article string
	ti      int // the first token not before the clause
	scope   bool
	// per sentence
	sent      string
	prevForce string
	pending   []unit
	narrative bool // the sentence reports (“无废城市”是…, 党的十八大以来)
	first     bool
	carried   []hit  // markers of a law's condition, for its action
	loose     []unit // clauses since the last directive that gave none
	starts    []bool // tokenStarts' buffer, reused from clause to clause
}

// looseDeadline is a deadline that a clause of its own set before the
// action (明年6月底前，…; 自2022年1月1日起，…).
func (w *clauseWalk) looseDeadline() (string, string) {
	for i := len(w.loose) - 1; i >= 0; i-- {
		if d, n := deadlineZh(w.loose[i].text, w.x.date); d != "" {
			return d, n
		}
	}
	return "", ""
}

func (w *clauseWalk) sentence(si int, s segment.Sentence) {
	p := w.p
	// a directive's scope runs to the end of its sentence, and on through
	// the sentences that a semicolon joins to it (…；加快构建…，…；)
	// and through the items of an enumeration that a plan opened
	// (下一步…。一是加强专项整治，…。二是…)
	w.sent = p.Slice(s.Span)
	if si == 0 || p.Runes[p.Sentences[si-1].End-1] != '；' && !enumItem(w.sent) {
		w.scope = false
	}
	w.prevForce, w.pending, w.narrative, w.first, w.carried, w.loose = "", nil, false, true, nil, nil
	if lead := w.x.listLead; lead != nil && si == 0 {
		w.carried = lead // （一）制定反食品浪费措施: an item under …应当遵守下列规定：
	}
	if leadIn(strings.TrimRight(w.sent, "。：: ")) && len(w.x.c.findMarkers([]rune(w.sent), nil)) == 0 {
		return // 为吸取教训，…，现将…情况予以通报: the whole sentence leads in (but 应当建立…，并遵守下列规定： instructs before it leads in)
	}
	for _, cl := range s.Clauses {
		if u, ok := w.unit(s, cl); ok {
			w.clause(u, cl.Delim)
		}
	}
}

// clauseCount is the number of clauses of a document, the most the walk
// can stage.
func clauseCount(doc *segment.Doc) int {
	n := 0
	for i := range doc.Paragraphs {
		for _, s := range doc.Paragraphs[i].Sentences {
			n += len(s.Clauses)
		}
	}
	return n
}

// unit cuts a clause out of the paragraph, its tokens a view, not a copy.
func (w *clauseWalk) unit(s segment.Sentence, cl segment.Clause) (unit, bool) {
	p := w.p
	u := unit{para: w.pi, sent: s.Span, stext: w.sent, span: cl.Span, delim: cl.Delim}
	u.span.Start += prefixLen(p.Runes[cl.Start:cl.End])
	if u.span.Start >= u.span.End {
		return u, false
	}
	u.runes = p.Runes[u.span.Start:u.span.End]
	u.text = p.Slice(u.span) // a substring where it can, not a copy per clause
	for w.ti < len(p.Tokens) && p.Tokens[w.ti].End <= u.span.Start {
		w.ti++
	}
	k := w.ti
	for k < len(p.Tokens) && p.Tokens[k].Start < u.span.End {
		k++
	}
	u.toks = p.Tokens[w.ti:k]
	return u, true
}

// clause reads one clause: a frame, a lead-in, a condition waiting for its
// action, an exception, or an action clause the scorer weighs.
func (w *clauseWalk) clause(u unit, delim rune) {
	x := w.x
	if w.frameClause(u, delim) {
		return
	}
	if leadIn(u.text) || x.c.question(u) || (delim == '：' || delim == ':') && len(u.toks) > 0 && u.toks[len(u.toks)-1].Text == "为" {
		w.pending = nil
		return // 现说明如下, 如何支持民营, …的折算为：: a lead-in or a question instructs nothing
	}
	clauseFrame := w.fr
	if sp, ok := x.c.inlineFrame(u); ok && w.fr.issuer == "" {
		// its speaker is this clause's issuer where no frame names one
		clauseFrame.issuer = x.issuerOf(sp)
	}
	w.starts = tokenStarts(w.starts, u)
	hits := x.c.findMarkersIn(u.runes, u.text, w.starts)
	if w.condition(u, hits) {
		return
	}
	if len(hits) == 0 && (w.first && x.c.isFact(u) || x.c.opensOnCopula(u)) {
		w.narrative = true // 本规定所称明码标价，是指…: a definition
	}
	w.first = false
	if len(hits) == 0 && x.c.exception(u) {
		w.pending, w.scope, w.prevForce = nil, false, ""
		return // 但…的除外: an exception ends the instruction's scope
	}
	st := clauseState{fr: clauseFrame, narrative: w.narrative, scope: w.scope, carried: w.carried, pending: w.pending, prevForce: w.prevForce}
	d, ok := x.candidate(w.p, u, hits, st, w.article)
	if !ok {
		w.pending, w.prevForce = nil, ""
		w.loose = append(w.loose, u)
		return
	}
	if d.Deadline == "" {
		d.Deadline, d.DeadlineNormalized = w.looseDeadline() // 明年6月底前，各部门要…
	}
	w.loose = nil
	w.scope = true
	if len(hits) > 0 {
		w.narrative = false // 目前…，各地必须…，…: a marker turns the report into an order
	}
	w.prevForce = d.Force
	x.emit(d)
	w.pending, w.carried = nil, nil
}

// frameClause takes a frame clause (会议要求，黄明强调，…) as the frame of
// the clauses after it.
func (w *clauseWalk) frameClause(u unit, delim rune) bool {
	x := w.x
	speaker, _, kind, ok := x.c.detectFrame(u)
	if !ok || delim != '，' && delim != '：' && delim != ':' && delim != ',' {
		return false
	}
	if kind == "report" && x.official(speaker) {
		kind = "official" // 李国英说，…: an official states a course; the model weighs it
	}
	w.fr = frame{issuer: x.issuerOf(speaker), kind: kind}
	w.pending, w.scope, w.prevForce = nil, false, ""
	return true
}

// condition keeps a condition or purpose for the action it introduces.
func (w *clauseWalk) condition(u unit, hits []hit) bool {
	x := w.x
	if !((len(hits) == 0 || x.c.pureCondition(u)) && x.c.isCondition(u)) {
		return false
	}
	w.pending = append(w.pending, u) // a marker inside a pure condition is no marker…
	if x.kind == kindLaw && x.c.modalBeforePrep(u, hits) {
		w.carried = hits // …but a modal before 依照/按照 binds the action it introduces (应当依照…的规定，以…罪定罪处罚)
	}
	if w.first && x.c.anyCue("retro", u.text) || len(hits) == 0 && x.c.opensOnCopula(u) {
		w.narrative = true
	}
	return true
}

// clauseState is what the walk of a paragraph knows when it reaches an
// action clause: the frame, whether the sentence reports (narrative) or an
// instruction's scope runs on, the conditions before the clause.
type clauseState struct {
	fr        frame
	narrative bool
	scope     bool
	carried   []hit  // a law condition's markers, for its action
	pending   []unit // the conditions the clause completes
	prevForce string
}

// candidate decides whether an action clause is a directive: the rules give
// their verdict and the reason for it, and the learned model, when there is
// one, weighs them with the clause's other features. It returns the
// directive with its fields.
func (x *zhExtractor) candidate(p *segment.Paragraph, u unit, hits []hit, st clauseState, article string) (Directive, bool) {
	ct := clauseTests{c: x.c, u: &u}
	rule, why := x.ruleVerdict(u, hits, st, &ct)
	ok := rule
	v := verdict{why: why, rule: rule, preamble: x.preamble}
	if x.room.memo == nil && x.c.model != nil {
		x.room.memo = make(map[string][2]float64)
	}
	// with a second stage, --explain names the features of the clauses it
	// takes only, after it (restack): most clauses are not taken
	keep := x.collect || x.explain && x.c.model != nil && !x.stacking()
	f := featureSet{m: x.c.model, keep: keep, buf: x.room.buf[:0], words: x.room.words[:0], memo: x.room.memo}
	if x.c.model != nil || x.collect {
		x.features(&f, u, hits, st, v, &ct)
	}
	x.room.buf, x.room.words = f.buf, f.words
	feats := f.names
	conf := 1.0
	if x.c.model != nil {
		ok, conf = x.c.model.decide(f.score[0])
	}
	c := actionClause{p: p, u: u, hits: hits, st: st, article: article}
	if x.stacking() {
		x.staged = append(x.staged, staged{in: StackInput{Para: u.para, Sent: u.sent.Start, Score: f.score[0]}, score2: f.score[1],
			verdict: v, clause: c})
	}
	if !ok && !x.collect {
		return Directive{}, false
	}
	d := x.build(c)
	d.Confidence = conf
	if x.explain && !x.stacking() { // with a second stage, restack explains the verdict that stands
		d.Why = &Explanation{Confidence: conf, Features: x.c.model.explain(feats, 0)}
	}
	if x.collect {
		x.cands = append(x.cands, Candidate{Directive: d, Features: feats, Rule: rule, Sent: u.sent.Start})
	}
	return d, ok
}

// build makes the directive of an action clause, with its force and
// fields.
func (x *zhExtractor) build(c actionClause) Directive {
	force, markers := x.forceOf(c.u, c.hits, c.st)
	return x.directive(c.p, c.u, c.st.pending, force, markers, c.hits, c.st.fr, c.article)
}

// ruleVerdict is the rules' verdict on an action clause and the rule that
// gave it.
func (x *zhExtractor) ruleVerdict(u unit, hits []hit, st clauseState, ct *clauseTests) (bool, string) {
	fr := st.fr
	switch {
	case fr.kind == "opinion":
		return false, "opinion"
	case st.narrative && len(hits) == 0:
		return x.commitment(u) || x.plan(u), "narrative"
	case fr.kind == "law" && len(hits) == 0 && x.c.disposal(u):
		return true, "disposal" // 由…责令改正，处…罚款: the penalty a law lays down
	case len(hits) > 0:
		return !ct.isFact() || hits[0].force == "prohibit" || hits[0].force == "must", "marker"
	case fr.kind == "law" && len(hits) == 0 && len(st.carried) > 0:
		return ct.hasVerb() && !ct.isFact(), "carried"
	case fr.kind == "law" && len(hits) == 0 && conditional(st.pending):
		return ct.hasVerb() && !ct.isFact() && !ct.statistic(), "consequence" // 决定受理的，发给受理通知书
	case fr.kind == "directive":
		return ct.hasVerb() && !ct.isFact() && !ct.statistic(), "frame"
	case fr.kind == "official" && !st.narrative:
		return ct.hasVerb() && !ct.isFact() && !ct.statistic(), "official"
	case st.scope:
		return ct.hasVerb() && !ct.isFact() && !ct.statistic(), "scope"
	case reEffective.MatchString(u.text):
		return true, "effective" // 本通知自发布之日起实施: the schedule a text sets
	}
	return x.commitment(u) || x.plan(u), "default"
}

// clauseTests remembers an action clause's hasVerb, isFact and statistic,
// which the rules' verdict and the features both ask.
type clauseTests struct {
	c                *cues
	u                *unit
	verb, fact, stat int8 // 0: not asked yet, 1: false, 2: true
}

func (t *clauseTests) hasVerb() bool { return remember(&t.verb, func() bool { return hasVerb(*t.u) }) }
func (t *clauseTests) isFact() bool {
	return remember(&t.fact, func() bool { return t.c.isFact(*t.u) })
}
func (t *clauseTests) statistic() bool {
	return remember(&t.stat, func() bool { return statistic(*t.u) })
}

// remember returns the answer kept in v, asking f the first time.
func remember(v *int8, f func() bool) bool {
	if *v == 0 {
		*v = 1
		if f() {
			*v = 2
		}
	}
	return *v == 2
}

// forceOf is the force of a directive: its strongest marker, else its law
// condition's, else should, or prohibit where a list of prohibited acts
// goes on (不得销售电子烟，张贴烟草广告).
func (x *zhExtractor) forceOf(u unit, hits []hit, st clauseState) (string, []string) {
	force, markers := strongest(hits)
	if force == "" && len(st.carried) > 0 {
		force, markers = strongest(st.carried)
	}
	if force == "" {
		force = "should"
		if st.prevForce == "prohibit" && len(u.toks) > 0 && continuesList(u.toks[0].POS) {
			force = "prohibit"
		}
	}
	return force, markers
}

// conditional reports conditions that include a 的 clause (单位犯…之罪的，
// 依照…标准，): a law's norm, whose consequence follows.
func conditional(pending []unit) bool {
	for _, c := range pending {
		if strings.HasSuffix(strings.TrimSpace(c.text), "的") {
			return true
		}
	}
	return false
}

// commitment recognises an authority's statement of what it will do
// (工信部将…, 环资司将…, 教育局计划…) outside any frame: a short subject that
// names a body, then 将, 计划 or 拟 and an action.
func (x *zhExtractor) commitment(u unit) bool {
	i := -1
	for w := range x.c.byKind["commit"] { // 将, 计划, 拟: the earliest
		if k := strings.Index(u.text, w); k > 0 && (i < 0 || k < i) {
			i = k
		}
	}
	if i <= 0 || utf8.RuneCountInString(u.text[:i]) > 16 {
		return false
	}
	subject := u.text[:i]
	for _, w := range x.c.will {
		if strings.Contains(subject, w) {
			return false
		}
	}
	body := len(addresseesIn(x.c.lex, subject)) > 0 || endsWithPlace(x.c.lex, subject)
	for _, suf := range x.c.lex.OrgSuffix {
		if strings.HasSuffix(subject, suf) {
			body = true
		}
	}
	for w := range x.c.byKind["authority"] {
		if strings.HasSuffix(subject, w) {
			body = true
		}
	}
	return body && hasVerb(u) && !x.c.isFact(u)
}

// official reports a speaker who holds an office: titles and a name
// (水利部部长李国英), or a name the document gives a title elsewhere.
func (x *zhExtractor) official(speaker string) bool {
	return x.c.nameAfterTitle(speaker) != "" && utf8.RuneCountInString(speaker) > 4 || slices.Contains(x.meta.Officials, speaker)
}

// endsWithPlace reports a subject that ends in a place of the lexicons
// (山东省将…, 深圳市计划…): a government speaks for its place.
func endsWithPlace(lex *lexicon.Set, subject string) bool {
	return anySurface(lex, subject, func(e lexicon.Entry, _, end int) bool {
		return e.Type == lexicon.Location && end == len(subject)
	})
}

// anySurface walks the longest lexicon surfaces of s from left to right and
// reports whether an entry written at one of them (ending at byte end)
// satisfies ok.
func anySurface(lex *lexicon.Set, s string, ok func(e lexicon.Entry, start, end int) bool) bool {
	for b := 0; b < len(s); {
		n, v := lex.Surface.Longest(s[b:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			continue
		}
		for _, e := range lex.Groups[v] {
			if ok(lex.Entries[e], b, b+n) {
				return true
			}
		}
		b += n
	}
	return false
}

// plan recognises a clause that states what comes next (下一步…, 今后…):
// an authority's plan.
func (x *zhExtractor) plan(u unit) bool {
	for w := range x.c.byKind["plan"] {
		if strings.HasPrefix(u.text, w) {
			return hasVerb(u) && !x.c.isFact(u)
		}
	}
	return false
}

// prefixLen is the length of an article number or list mark opening a clause.
func prefixLen(runes []rune) int {
	// both patterns are anchored: a clause whose first rune opens neither
	// (most) needs no string and no regexp
	if len(runes) == 0 || runes[0] != '第' && !itemOpener(runes[0]) {
		return 0
	}
	s := string(runes)
	if m := reArticle.FindString(s); m != "" {
		return utf8.RuneCountInString(m)
	}
	if m := reItem.FindString(s); m != "" {
		return utf8.RuneCountInString(m)
	}
	return 0
}

// itemOpener reports a rune that can open a match of reItem: a bracket,
// a Chinese numeral up to 十 or an ASCII digit.
func itemOpener(r rune) bool {
	return r == '（' || r == '(' || r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)
}

// mayOpenItem reports a text whose first rune can open a match of reItem.
func mayOpenItem(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && itemOpener(r)
}

func (x *zhExtractor) directive(p *segment.Paragraph, u unit, pending []unit, force string, markers []string, hits []hit, fr frame, article string) Directive {
	// the conditions it introduces stay with the action, as long as they
	// do not outweigh it: a long condition (…的当事人为…义务人的，) is
	// context, kept in the sentence field
	start := u.span.Start
	for _, c := range pending {
		if n := u.span.End - c.span.Start; n <= 40 || n <= 2*(u.span.End-u.span.Start)+12 {
			start = c.span.Start
			break
		}
	}
	text := p.Slice(segment.Span{Start: start, End: u.span.End})
	firstMarker, afterMarkers := 0, 0
	if len(hits) > 0 {
		firstMarker = hits[0].at
		for _, h := range hits {
			if h.at <= afterMarkers+1 || h.at == firstMarker {
				afterMarkers = h.at + utf8.RuneCountInString(h.text)
			}
		}
	}
	subject := p.Slice(segment.Span{Start: u.span.Start, End: u.span.Start + firstMarker})
	action, object := actionObject(u, afterMarkers, x.c.byKind["manner"])
	deadline, norm := deadlineZh(text, x.date)
	issuer := fr.issuer
	if own := x.ownIssuer(u, hits); own != "" {
		issuer = own
	}
	return Directive{
		Text:               text,
		Sentence:           sentenceAround(p, u, start),
		Paragraph:          u.para,
		Start:              start,
		End:                u.span.End,
		Force:              force,
		Markers:            markers,
		Issuer:             issuer,
		Addressees:         addresseesIn(x.c.lex, subject),
		Action:             action,
		Object:             object,
		Deadline:           deadline,
		DeadlineNormalized: norm,
		Article:            article,
	}
}

// maxSentence is the longest sentence a directive carries whole; past it
// (a text without full stops) the directive carries the clause with some
// context on each side, so that output does not grow with directives ×
// sentence length.
const maxSentence = 400

func sentenceAround(p *segment.Paragraph, u unit, start int) string {
	if u.sent.End-u.sent.Start <= maxSentence {
		return u.stext
	}
	const ctx = 150
	lo, hi := max(u.sent.Start, start-ctx), min(u.sent.End, u.span.End+ctx)
	s := string(p.Runes[lo:hi])
	if lo > u.sent.Start {
		s = "…" + s
	}
	if hi < u.sent.End {
		s += "…"
	}
	return s
}

// subjectLike reports a part of speech that opens a clause with its own
// subject (a noun or pronoun), which ends a list of prohibited acts.
func subjectLike(pos string) bool {
	return pos == "r" || strings.HasPrefix(pos, "n") && pos != "nr"
}

// tokenStarts marks the rune offsets of a clause where a token starts.
func tokenStarts(buf []bool, u unit) []bool {
	starts := slices.Grow(buf[:0], len(u.runes)+1)[:len(u.runes)+1]
	clear(starts)
	for _, t := range u.toks {
		if k := t.Start - u.span.Start; k >= 0 && k < len(starts) {
			starts[k] = true
		}
	}
	return starts
}

// continuesList reports a clause that goes on with a list of acts: it
// does not open with a subject of its own (a noun or pronoun), a time
// (年底前…), an adverb, a preposition or a number. Said this way round, a
// verb the tagger mistakes (张贴/nr) still goes on.
func continuesList(pos string) bool {
	if pos == "" || subjectLike(pos) || pos == "vn" {
		return false
	}
	return !strings.HasPrefix(pos, "t") && !strings.HasPrefix(pos, "d") && !strings.HasPrefix(pos, "p") && pos != "m" && pos != "w"
}

// leadIn reports a lead-in (现就…通知如下, 现将…予以通报); the regexp runs
// only on texts that end in one of its last characters.
func leadIn(t string) bool {
	t = strings.TrimRight(t, "：:。")
	if !strings.HasSuffix(t, "下") && !strings.HasSuffix(t, "见") && !strings.HasSuffix(t, "知") && !strings.HasSuffix(t, "定") &&
		!strings.HasSuffix(t, "报") && !strings.HasSuffix(t, "们") && !strings.HasSuffix(t, "行") && !strings.HasSuffix(t, "实") {
		return false
	}
	return reLeadIn.MatchString(t)
}
