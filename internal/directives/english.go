package directives

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

var (
	reEnItem       = regexp.MustCompile(`^(?:\((?:[a-z]|[ivx]+|\d+|[A-Z])\)\s*)+|^[a-z]\.\s+|^(?:Sec(?:tion|\.)\s*\d+[a-z]?\.\s*)`)
	reEnDefinition = regexp.MustCompile(`(?i)^(?:the term\b|for (?:the )?purposes of this|as used in this)|\bmeans\b|\bshall mean\b|\bshall have the meaning`)
	reWillPronoun  = regexp.MustCompile(`(?i)\b(?:this|it|that|these|those|which|there|they|he|she|you|what)\s+$`)
	reWillSubject  = regexp.MustCompile(`(?:\b[A-Z][A-Za-z.]*|(?i:agencies|agency|government|secretary|director|administrator|council|office|department|committee|board|we|heads|states|administration|staff|team|officials?))\s+(?:also\s+|then\s+|promptly\s+)?$`)
	reMayNotModal  = regexp.MustCompile(`(?i)(?:\bas|\bthat|\bwhich|\bwho|\bthere)\s+$`)
	// "as the Secretary may assign", "so it may be used": a may inside a
	// clause of manner or purpose grants nothing to the clause's subject
	reMaySubordinate = regexp.MustCompile(`(?i)\b(?:as|so)\s+(?:[^\s,;]+\s+){1,4}$`)
	// "No member shall…", "Neither a determination… nor a regulation…
	// shall…": a modal whose subject opens on a negation forbids (no later than,
	// no more than are limits, not negations)
	reNegSubject = regexp.MustCompile(`(?i)(?:^|[,;:)]\s*)(?:no|neither|none)\s+(\w+)`)
	// an adverb between the verb of a phrase marker and the rest of it:
	// is hereby authorized to, is also encouraged to, should also consider
	reMarkerAdverb = regexp.MustCompile(`(?i)^(is|are|should)\s+(?:hereby|also|further|strongly)\s+`)
	reAuthority    = regexp.MustCompile(`^By the authority vested in me`)
	rePurpose      = regexp.MustCompile(`(?i)\b(?:purpose|purposes|objective|objectives|goal|goals|aim|aims|mission|intent|intention)\b[^,;]*$`)
	// "shall include:" opens a list of contents, not of actions
	reListOfContents = regexp.MustCompile(`(?i)\b(?:include|includes|including|contain|contains|consist of|the following(?:\s+\w+){0,3}|as follows)\s*:$`)
	// "The prohibitions… include but are not limited to:" opens a list of
	// contents too, though the walk reads it as a lead-in when it has a marker
	reNotLimited = regexp.MustCompile(`(?i)\bnot (?:be )?limited to,?\s*:$`)
)

// englishRules match every English marker in one pass: one alternation of
// all markers, longest first, then the checks that keep "will" and "may"
// honest.
type englishRules struct {
	re      *regexp.Regexp
	markers map[string]lexicon.Marker // lowercased, single-spaced marker text
	verbs   map[string]bool           // kind imperative: verbs that open an instruction
	leads   []lexicon.Marker          // kind lead: words that open a list of contents, with the force they give its items
}

func compileEnglish(lex *lexicon.Set) *englishRules {
	ms := append([]lexicon.Marker(nil), lex.MarkersEN...)
	sort.SliceStable(ms, func(i, j int) bool { return len(ms[i].Text) > len(ms[j].Text) })
	var alts []string
	r := &englishRules{markers: map[string]lexicon.Marker{}, verbs: map[string]bool{}}
	for _, m := range ms {
		switch m.Kind {
		case "imperative":
			r.verbs[strings.ToLower(m.Text)] = true
			continue
		case "lead":
			r.leads = append(r.leads, lexicon.Marker{Text: strings.ToLower(m.Text), Force: m.Force})
			continue
		}
		alt := strings.ReplaceAll(regexp.QuoteMeta(m.Text), " ", `\s+`)
		if m.Kind == "phrase" && strings.Contains(m.Text, " ") {
			alt = reMarkerVerb.ReplaceAllString(alt, `$1\s+(?:(?:hereby|also|further|strongly)\s+)?`)
		}
		alts = append(alts, alt)
		r.markers[strings.ToLower(m.Text)] = m
	}
	if len(alts) == 0 {
		alts = []string{`\x00never\x00`}
	}
	r.re = regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
	return r
}

type enHit struct {
	start, end int // byte offsets in the clause
	m          lexicon.Marker
}

// reMarkerVerb is the verb a phrase marker opens on, after which an
// adverb may stand (reMarkerAdverb), in the marker's pattern.
var reMarkerVerb = regexp.MustCompile(`^(is|are|should)\\s\+`)

// lookup finds the marker a match stands for: as written, or without the
// adverb after its verb (is hereby authorized to: is authorized to).
func (r *englishRules) lookup(match string) (lexicon.Marker, bool) {
	key := strings.ToLower(strings.Join(strings.Fields(match), " "))
	if m, ok := r.markers[key]; ok {
		return m, true
	}
	m, ok := r.markers[reMarkerAdverb.ReplaceAllString(key, "$1 ")]
	return m, ok
}

// negated reports a subject that opens on a negation (No member…,
// Neither X nor Y…, none of…), not a limit (no later than, no more than).
func negated(before string) bool {
	for _, m := range reNegSubject.FindAllStringSubmatch(before, -1) {
		switch strings.ToLower(m[1]) {
		case "later", "less", "more", "fewer", "longer", "earlier", "sooner", "than":
		default:
			return true
		}
	}
	return false
}

// findEnglishMarkers lists the markers of a clause; "will" counts only
// after an agency or official, "may" not as the month or in "as may be";
// a modal after a negated subject forbids.
func (r *englishRules) find(text string) (hits []enHit, weak []string) {
	for _, loc := range r.re.FindAllStringIndex(text, -1) {
		m, ok := r.lookup(text[loc[0]:loc[1]])
		if !ok {
			continue
		}
		before := text[:loc[0]]
		after := strings.ToLower(text[loc[1]:])
		if m.Text == "shall" || m.Text == "must" || m.Text == "may" || m.Kind == "will" {
			if negated(before) && !strings.HasPrefix(strings.TrimSpace(after), "not") {
				m.Force, m.Kind = "prohibit", "modal"
			}
		}
		weak = append(weak, m.Text) // a marker the checks below turn down, for the model
		switch {
		case m.Text == "should" && text[loc[0]] == 'S' && strings.TrimSpace(before) == "":
			continue // "Should any partner retaliate, I may…": a condition
		case m.Text == "may" && m.Force != "prohibit" && reMaySubordinate.MatchString(before):
			continue
		case m.Kind == "will" && (!reWillSubject.MatchString(before) || reWillPronoun.MatchString(before)):
			continue
		case m.Text == "may" && text[loc[0]] == 'M' && loc[0] > 0:
			continue // the month (May 9, 2023), not the modal
		case m.Text == "may" && (reMayNotModal.MatchString(before) || strings.HasPrefix(after, " be necessary") || strings.HasPrefix(after, " include")):
			continue
		case m.Text == "shall" && strings.HasPrefix(after, " mean"):
			continue
		case effectiveDate(m.Text) && strings.HasPrefix(after, " in "):
			continue // "they are effective in lessening…" judges, it sets no date
		case (m.Text == "is to" || m.Text == "are to") && rePurpose.MatchString(before):
			continue // "the purpose of this order is to…" states an aim, it orders nothing
		}
		weak = weak[:len(weak)-1]
		hits = append(hits, enHit{loc[0], loc[1], m})
	}
	return hits, weak
}

// extractEnglish finds the directives of an English order or memorandum:
// each sentence (or ;-clause) that holds a modal marker, or that the
// learned model takes for one.
func extractEnglish(doc *segment.Doc, rules *Rules, meta Meta) []Directive {
	e := newEnExtractor(doc, rules, meta)
	e.run()
	return e.out
}

// enExtractor walks an English document's clauses: candidates, then the
// rules' verdict and features, then the scorer, then the fields.
type enExtractor struct {
	doc     *segment.Doc
	rules   *Rules
	meta    Meta
	date    time.Time
	issuer  string
	model   *model // nil: the rules alone decide
	collect bool   // keep every candidate with its features (Candidates)
	cands   []Candidate
	out     []Directive
	// "X shall promptly:" lends its force to the enumerated items that
	// follow it, each its own directive: (i) review…; (ii) take action…
	listForce, listMarker, listLevel string
	leadPara                         int  // the paragraph of the last lead-in
	bulletOpen                       bool // the paragraph before was the lead-in or an item that another follows
	// "The Council's duties shall include the following:" opens a list of
	// contents: its items are no instructions by the rules, but those the
	// model takes have the lead-in's force, not the default (contentsPara:
	// the paragraph of the lead-in, the list running on through the
	// enumerated paragraphs after it)
	contentsForce string
	contentsPara  int
}

func newEnExtractor(doc *segment.Doc, rules *Rules, meta Meta) *enExtractor {
	e := &enExtractor{leadPara: -1, contentsPara: -1, doc: doc, rules: rules, meta: meta, date: parseDate(meta.Date), issuer: meta.Issuer}
	if e.issuer == "" {
		e.issuer = englishIssuer(doc, meta.Title)
	}
	if rules.model != nil && rules.model.knows(enPrefix+"bias") {
		e.model = rules.model
	}
	return e
}

func (e *enExtractor) run() {
	for pi := range e.doc.Paragraphs {
		p := &e.doc.Paragraphs[pi]
		bullet := e.listItem(pi, p.Text)
		if e.contentsForce != "" && pi > e.contentsPara && itemLevel(p.Text) == "" {
			e.contentsForce = "" // the list of contents ends where its items do
		}
		for si, s := range p.Sentences {
			item := reEnItem.MatchString(string(p.Runes[s.Start:min(s.End, s.Start+8)])) || bullet && si == 0
			for _, cl := range s.Clauses {
				e.clause(pi, s, cl, item)
			}
		}
		e.bulletOpen = e.leadPara == pi || bullet && reOpenItem.MatchString(p.Text)
	}
}

// reOpenItem ends an item that another follows: "…within the FY; and".
var reOpenItem = regexp.MustCompile(`(?:[;,]|;\s*(?:and|or))\s*$`)

// listItem ends the lead-in's list where it ends and reports a paragraph
// that is an item of an unenumerated list (the bullets of "Specifically,
// agencies should:", each but the last ending on ";"). The items of an
// enumerated lead-in are one level down: "(a) … shall promptly:" lends
// its force to (i), (ii), not to the next (b); a paragraph that continues
// an item keeps the list going.
func (e *enExtractor) listItem(pi int, text string) bool {
	if e.listForce == "" {
		return false
	}
	lv := itemLevel(text)
	switch {
	case lv != "" && lv == e.listLevel:
	case lv != "":
		return false
	case e.listLevel == "" && e.bulletOpen:
		return true
	case e.listLevel != "" && e.leadPara != pi-1 && !reEnSection.MatchString(text):
		return false
	}
	e.listForce, e.listMarker = "", ""
	return false
}

var reEnSection = regexp.MustCompile(`^\s*Sec(?:tion|\.)\s*\d`)

// clause weighs one clause: its markers (or the force a list lends it),
// the rules' verdict, and the model's when there is one.
func (e *enExtractor) clause(pi int, s segment.Sentence, cl segment.Clause, item bool) {
	p := &e.doc.Paragraphs[pi]
	runes := p.Runes[cl.Start:cl.End]
	text := string(runes)
	if m := reEnItem.FindString(text); m != "" {
		cut := len([]rune(m))
		runes = runes[cut:]
		text = string(runes)
		cl.Start += cut
	}
	text = strings.TrimRight(text, ".;: ")
	if len(strings.Fields(text)) < 3 || reEnDefinition.MatchString(text) || reAuthority.MatchString(text) {
		return
	}
	hits, weak := e.rules.english.find(text)
	lent := false
	if len(hits) == 0 && e.listForce != "" && item && (actionItem(text) || e.rules.english.opensOnVerb(text)) {
		hits = []enHit{{0, 0, lexicon.Marker{Text: e.listMarker, Force: e.listForce}}}
		lent = true
	}
	rule := len(hits) > 0
	t := strings.TrimSpace(string(runes))
	colon := strings.HasSuffix(t, ":")
	if rule && colon && hits[0].end > 0 && !reListOfContents.MatchString(t) {
		e.listForce, e.listMarker, e.listLevel, e.leadPara = hits[0].m.Force, hits[0].m.Text, itemLevel(p.Text), pi
	}
	if colon && !lent && (reListOfContents.MatchString(t) || reNotLimited.MatchString(t)) {
		e.contentsForce, e.contentsPara = e.rules.english.leadForce(text, hits), pi
	}
	f := featureSet{m: e.model, keep: e.collect || e.meta.Explain && e.model != nil, prefix: enPrefix}
	if e.model != nil || e.collect {
		enFeatures(&f, e.rules.english, enClause{text, hits, weak, rule, lent, item, e.listForce != "", colon})
	}
	feats := f.names
	ok, conf := rule, 1.0
	if e.model != nil {
		ok, conf = e.model.decide(f.score[0])
	}
	if !ok && !e.collect {
		return
	}
	d := e.directive(p, pi, s, cl.Start, text, hits)
	if len(hits) == 0 {
		d.Force = e.itemForce(item, d.Force)
	}
	d.Confidence = conf
	switch {
	case e.meta.Explain && e.model != nil:
		d.Why = &Explanation{Confidence: conf, Features: e.model.explain(feats, 0)}
	case e.meta.Explain:
		d.Why = rulesOnly(true, d.Markers)
	}
	if e.collect {
		e.cands = append(e.cands, Candidate{Directive: d, Features: feats, Rule: rule})
	}
	if ok {
		e.out = append(e.out, d)
	}
}

// itemForce is the force of a clause without a marker of its own: the
// lead-in's, for an item of its list that the rules did not lend it to
// (developing an annual report…, the FTC evaluate…), or for an item of a
// list of contents; else force, the default.
func (e *enExtractor) itemForce(item bool, force string) string {
	switch {
	case item && e.listForce != "":
		return e.listForce
	case e.contentsForce != "":
		return e.contentsForce
	}
	return force
}

// leadForce is the force a lead-in to a list of contents gives its items:
// its strongest marker (The Council's duties shall include:), or the
// force of a lead its opening words make (The prohibitions in section 1
// include:, kind lead of markers.en.tsv); "" for none.
func (r *englishRules) leadForce(text string, hits []enHit) string {
	hs := make([]hit, len(hits))
	for i, h := range hits {
		hs[i] = hit{text: h.m.Text, force: h.m.Force, at: h.start}
	}
	if force, _ := strongest(hs); force != "" {
		return force
	}
	lower := strings.ToLower(text)
	for _, lead := range r.leads {
		if strings.HasPrefix(lower, lead.Text+" ") {
			return lead.Force
		}
	}
	return ""
}

// directive fills a clause's fields: force from its strongest marker
// (none: should, an instruction without a modal), the subject's
// addressees, the verb and object after the marker, a deadline.
func (e *enExtractor) directive(p *segment.Paragraph, pi int, s segment.Sentence, start int, text string, hits []enHit) Directive {
	hs := make([]hit, len(hits))
	for i, h := range hits {
		hs[i] = hit{text: h.m.Text, force: h.m.Force, at: h.start}
	}
	force, markers := strongest(hs) // the one rule of force for both languages
	subject, rest := "", text
	if len(hits) > 0 {
		subject, rest = text[:hits[0].start], text[hits[0].end:]
	}
	if force == "" {
		force = "should"
	}
	action, object := englishActionObject(rest)
	if len(hits) > 0 && effectiveDate(hits[0].m.Text) {
		action, object = "take effect", strings.TrimSpace(rest) // This order is effective at 12:01 a.m.…: no preposition as the action
	}
	deadline, norm := deadlineEn(text, e.date)
	return Directive{
		Text: text, Sentence: p.Slice(s.Span), Paragraph: pi,
		Start: start, End: start + len([]rune(text)),
		Force: force, Markers: markers, Issuer: e.issuer,
		Addressees: englishAddressees(e.rules.lex, subject),
		Action:     action, Object: object,
		Deadline: deadline, DeadlineNormalized: norm,
	}
}

// effectiveDate reports a marker that sets a date from which something
// applies (is effective, takes effect).
func effectiveDate(marker string) bool {
	return strings.HasSuffix(marker, " effective") || strings.HasSuffix(marker, " effect")
}

// englishActionObject takes the verb after the marker (skipping be, not,
// also, promptly) and the rest of the clause as its object.
func englishActionObject(rest string) (string, string) {
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, ",") { // shall, within 90 days …, submit
		if i := strings.Index(rest[1:], ","); i >= 0 {
			rest = rest[i+2:]
		}
	}
	words := strings.Fields(rest)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		switch lw {
		case "be", "not", "also", "promptly", "immediately", "jointly", "to", "hereby", "further", "continue", "each", "as", "appropriate":
			continue
		}
		obj := strings.Join(words[i+1:], " ")
		if len(obj) > 120 {
			obj = obj[:strings.LastIndex(obj[:120], " ")+1] + "…"
		}
		return strings.Trim(w, ",;:"), obj
	}
	return "", ""
}

// englishAddressees finds the bodies, officials and collective addressees
// in the subject of a clause: lexicon surfaces at word starts, bodies as
// written, collective addressees in any case.
func englishAddressees(lex *lexicon.Set, subject string) []string {
	var out []string
	lower := strings.ToLower(subject)
	for b := 0; b < len(subject); b++ {
		if b > 0 && subject[b-1] != ' ' && subject[b-1] != '(' {
			continue
		}
		for _, s := range []string{subject, lower} {
			n, v := lex.Surface.Longest(s[b:])
			if n == 0 || b+n < len(s) && isWordByte(s[b+n]) {
				continue
			}
			for _, ei := range lex.Groups[v] {
				e := lex.Entries[ei]
				if e.Lang == "en" && (e.Type == lexicon.Addressee || e.Type == lexicon.Organization && s == subject) {
					out = append(out, e.Canonical)
					break
				}
			}
		}
	}
	return dedupeContained(out)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// dedupeContained drops names contained in a longer name of the list.
func dedupeContained(xs []string) []string {
	var out []string
	for i, x := range xs {
		inside := false
		for j, y := range xs {
			if i != j && len(y) > len(x) && strings.Contains(y, x) {
				inside = true
				break
			}
		}
		if !inside && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

var (
	reRoman  = regexp.MustCompile(`^\s*\((?:[ivx]+)\)`)
	reLetter = regexp.MustCompile(`^\s*\([a-z]\)`)
	reDotted = regexp.MustCompile(`^\s*[a-z]\.\s`)
	reUpper  = regexp.MustCompile(`^\s*\([A-Z]\)`)
	reNumber = regexp.MustCompile(`^\s*\(\d+\)`)
)

// itemLevel names the kind of enumerator opening a paragraph: roman (i),
// letter (a), dotted a., upper (A), number (1), or "" for none. (i) is read as roman.
func itemLevel(s string) string {
	switch {
	case reRoman.MatchString(s):
		return "roman"
	case reLetter.MatchString(s):
		return "letter"
	case reDotted.MatchString(s):
		return "dotted"
	case reUpper.MatchString(s):
		return "upper"
	case reNumber.MatchString(s):
		return "number"
	}
	return ""
}

// actionItem reports a list item that states an action (review the…,
// issue a report…), not a thing or a person (any person determined…, an
// entity…, to be owned by…).
func actionItem(text string) bool {
	w := strings.ToLower(strings.Trim(strings.SplitN(strings.TrimSpace(text), " ", 2)[0], ",;:"))
	switch w {
	case "", "a", "an", "the", "any", "all", "each", "every", "to", "such", "this", "that", "these", "those", "its", "their", "his", "her", "other", "no", "not", "or", "and":
		return false
	}
	r := []rune(strings.TrimSpace(text))
	if len(r) == 0 || unicode.IsUpper(r[0]) {
		return false // a capitalized word opens a name, not an action
	}
	// an action opens with a verb in its base form; endings of nouns and
	// adjectives (malicious activities, interference, assassination) tell
	// the items of a list of things
	for _, end := range []string{"ous", "al", "ive", "ic", "tion", "sion", "ment", "ness", "ity", "ence", "ance", "ies", "ful", "less", "ly"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return !(strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"))
}

// opensOnVerb reports a clause that opens on a verb of instruction
// (kind imperative of markers.en.tsv), whatever its case or ending:
// (b) Notify Advocacy…, implement new policies…; or does so after the
// phrases of time, purpose or manner it opens on (not later than 45 days
// after the date of this order, submit…; to improve…, consider…).
func (r *englishRules) opensOnVerb(text string) bool {
	for i, part := range strings.Split(text, ", ") {
		w := strings.ToLower(strings.Trim(strings.SplitN(strings.TrimSpace(part), " ", 2)[0], ",;:"))
		if r.verbs[w] {
			return true
		}
		if i == 0 && !reLeadingPhrase.MatchString(part) || i >= 4 {
			return false
		}
	}
	return false
}

// reLeadingPhrase opens a phrase of time, purpose or manner that an
// instruction may open on before its verb.
var reLeadingPhrase = regexp.MustCompile(`(?i)^(?:not later than|no later than|within|to|in|consistent with|as|at|after|upon|following|pursuant to|through|by|where|when|if)\b`)

// englishIssuer names who issues a US order or memorandum when no page
// says: the President for an order or proclamation (its title, or "the
// authority vested in me as President"), OMB for a memorandum that OMB
// sends (M-17-06, "Office of Management and Budget" in its header).
func englishIssuer(doc *segment.Doc, title string) string {
	if strings.Contains(title, "Executive Order") || strings.Contains(title, "Proclamation") {
		return "President"
	}
	for i, p := range doc.Paragraphs {
		if i >= 8 {
			break
		}
		switch {
		case strings.Contains(p.Text, "vested in me as President"):
			return "President"
		case strings.Contains(p.Text, "Office of Management and Budget") && reMemoID.MatchString(title+" "+p.Text):
			return "OMB"
		}
	}
	if reMemoID.MatchString(title) {
		return "OMB"
	}
	// a section of an OMB memorandum published as its own page (FISMA
	// guidance, Section I) names OMB and calls itself the memorandum or
	// the policy somewhere
	omb, self := false, false
	for _, p := range doc.Paragraphs {
		omb = omb || strings.Contains(p.Text, "OMB") || strings.Contains(p.Text, "Office of Management and Budget")
		self = self || reSelfEn.MatchString(p.Text)
		if omb && self {
			return "OMB"
		}
	}
	return ""
}

var reSelfEn = regexp.MustCompile(`(?i)\bthis (?:memorandum|policy|guidance)\b`)

var reMemoID = regexp.MustCompile(`\bM-\d{2}-\d{2}\b`)

// rulesOnly explains a directive that the rules alone decided (English:
// a modal marker), with --explain.
func rulesOnly(explain bool, markers []string) *Explanation {
	if !explain {
		return nil
	}
	return &Explanation{Confidence: 1, Features: []string{"rules only: marker " + strings.Join(markers, ", ")}}
}
