package entities

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/policylens/policylens/internal/segment"
)

const months = `January|February|March|April|May|June|July|August|September|October|November|December`

var (
	reEO     = regexp.MustCompile(`\b(?:Executive Order|E\.\s?O\.|EO)\s+(\d{4,5}(?:-[A-Z]\b)?)\b`)
	reEOList = regexp.MustCompile(`\bExecutive Orders\s+\d{4,5}(?:(?:,\s*|,?\s+and\s+)\d{4,5})+`)
	reEONum  = regexp.MustCompile(`\d{4,5}`)
	// a numbered instrument: its kind, then its number (Proclamation 9704,
	// Presidential Policy Directive 41, OMB Circular No. A-123, NIST SP
	// 800-53 Revision 4, Federal Information Processing Standard (FIPS) 199,
	// Binding Operational Directive (BOD) 16-01, HSPD-12)
	reNumbered = regexp.MustCompile(`\b(?:Proclamation|(?:National Security |Homeland Security )?Presidential (?:Policy )?(?:Directive|Memorandum)|National Security Directive|Binding\s+Operational Directive(?:\s+\(BOD\))?|BOD|(?:OMB\s+)?Circular(?:\s+No\.)?|NIST\s+(?:Special Publication(?:\s+\(SP\))?|SP)|Federal Information Processing Standard(?:\s+\(FIPS\))?|FIPS|HSPD|PPD|NSPM|NSM)[ -]+(?:A-\d+|\d+(?:-\d+)?)(?:,?\s+Revision\s+\d+)?\b`)
	reAct      = regexp.MustCompile(`\b((?:[A-Z][\w'’.-]*\s+(?:(?:of|and|for|the|on|to|in)\s+)*){1,8}Act)(\s+of\s+\d{4}|\s+for\s+Fiscal\s+Year\s+\d{4})?\b`)
	// an order or a presidential memorandum cited with its date and its
	// title in parentheses (Executive Order 14009 of January 28, 2021
	// (Strengthening Medicaid and the Affordable Care Act), Presidential
	// Memorandum of January 3, 2025 (Designation of Officials of …))
	reDatedTitle = regexp.MustCompile(`\b(?:Executive Order (\d{4,5})|Presidential Memorandum) of (?:` + months + `) \d{1,2}, \d{4},? \(“?([A-Z][^()“”\n]{3,200}?)”?\)`)
	// reCode is a code or body of regulations cited by name (the Federal
	// Acquisition Regulation, the Internal Revenue Code, the Code of Federal
	// Regulations, the Defense Federal Acquisition Regulation Supplement)
	reCode = regexp.MustCompile(`\bthe ((?:[A-Z][a-zA-Z-]*\s+){1,5}(?:Regulation|Code)(?:\s+Supplement)?|Code of Federal Regulations|United States Code)\b`)
	// reNamedDoc is a named convention, accord, set of guidelines or
	// amendment (Vienna Convention on Diplomatic Relations, Dietary
	// Guidelines for Americans, Algiers Accords, Hyde Amendment). Named
	// strategies, plans and agreements were tried: too many kinds of plan
	// (Remediation Plan, Settlement Agreement) come with them.
	reNamedDoc   = regexp.MustCompile(`\b((?:[A-Z][\w'’.-]*\s+(?:and\s+)?){1,6}(?:Convention|Accords|Guidelines|Amendment)(?:\s+(?:on|for|of|Toward)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|(?:of|for|on|in)\s+(?:the\s+)?)?[A-Z][\w-]*)*)?)`)
	reMemo       = regexp.MustCompile(`\b(?:OMB\s+)?(?:Memorandum\s+)?M-\d{2}-\d{2}\b`)
	reConst      = regexp.MustCompile(`\b(?:the\s+)?Constitution(?:\s+of\s+the\s+United\s+States)?\b`)
	reEnDate     = regexp.MustCompile(`\b(` + months + `)\s+(\d{1,2}),\s+(\d{4})\b`)
	reEnDateAbbr = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s+(\d{1,2}),\s+(\d{4})\b`)
	reEnMonth    = regexp.MustCompile(`\b(` + months + `)\s+(\d{4})\b`)
	reEnOrg      = regexp.MustCompile(`\b((?:Department|Office|Bureau|Council|Commission|Agency|Administration|Board|Committee|Institute|Service|Government|Armed Forces|Task\s+Force|Working\s+Group)` + enOrgTail +
		`|(?:President['’]s\s+(?:[A-Z][\w-]*\s+){0,5}|(?:U\.S\.\s+)?(?:[A-Z][\w-]*\s+(?:and\s+)?){1,5})(?:Agency|Administration|Commission|Council|Bureau|Service|Board|Committee|Institute|Corporation|Foundation|Office|Department|Task\s+Force|Working\s+Group|Panel)(?:` + enOrgTail + `)?)\b`)
	reEnName = regexp.MustCompile(`^\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,3})(?:,?\s+Jr\.)?`)
	// enOrgTail is what a body's name takes after its head word (Office
	// of the National Cyber Director, Agency for Global Media): capitalised
	// words joined by and, of, for, on; never a bare "the" nor "and the"
	// (Department of Labor + the Advisory Board, Department of Defense +
	// and the Department of Homeland Security are two bodies).
	enOrgTail = `\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|(?:of|for|on)\s+(?:the\s+)?)?[A-Z][\w-]*)*` + enOrgList
	// enOrgList is a list the name closes with "and" (Council on Fitness,
	// Sports, and Nutrition; Bureau of Alcohol, Tobacco, Firearms, and
	// Explosives): its items are one or two capitalised words each.
	enOrgList  = `(?:(?:,\s+[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)*,?\s+and\s+[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)?`
	genericOrg = map[string]bool{"Federal Government": true, "Office": true, "Department": true, "Agency": true,
		"Task Force": true, "Working Group": true} // the Task Force: the document's one, named in full before
	// reListBefore is a list of capitalised items after an article that
	// ends right before a body's name and opens it (the Veteran Wellness,
	// Empowerment, and …)
	reListBefore = regexp.MustCompile(`(?:^|\b(?:the|a|an|The|A|An) )((?:[A-Z][\w-]*(?: [A-Z][\w-]*)?, )+and )$`)
)

// english finds the candidates of one English paragraph.
func (x *extractor) english(p *segment.Paragraph, pi int) {
	text := p.Text
	x.index(p)
	add := func(typ, key, norm string, b0, b1 int, evidence string, prio int) {
		x.c.add(mention{typ: typ, key: key, surface: text[b0:b1], para: pi, start: x.rune(b0), end: x.rune(b1), norm: norm, evidence: evidence, prio: prio})
	}
	if pi == TitleParagraph {
		x.sectionTitleLaw(text)
	}
	x.lexicon(text, func(typ, canon string, b0, b1 int, src string) {
		if isAcronym(text[b0:b1]) && reSectionNo.MatchString(text[b1:]) {
			return // SEC. 204: a section's heading, not the commission
		}
		add(typ, canon, "", b0, b1, src, 2)
	})
	x.englishLaws(text, pi, add)
	englishDates(text, add)
	x.englishOrgs(text, add)
	from := x.memoSenders(text, add)
	x.signingPresident(text, add)
	x.prevEn = text
	x.englishPersons(text, from, add)
	x.englishTerms(text, add)
	x.dropInTitles(pi)
}

// englishLaws adds the laws an English paragraph cites: executive orders,
// numbered instruments, Acts, named documents, codes, memoranda and the
// Constitution.
func (x *extractor) englishLaws(text string, pi int, add addFunc) {
	for _, m := range reEO.FindAllStringSubmatchIndex(text, -1) {
		add("law", "Executive Order "+text[m[2]:m[3]], "", m[0], m[1], "rule:executive-order", 3)
	}
	for _, m := range reEOList.FindAllStringIndex(text, -1) {
		for _, n := range reEONum.FindAllStringIndex(text[m[0]:m[1]], -1) {
			b0, b1 := m[0]+n[0], m[0]+n[1]
			// each order of "Executive Orders 13198 and 13199": the number is
			// the mention, the order's name its text (merge)
			add("law", "Executive Order "+text[b0:b1], "Executive Order "+text[b0:b1], b0, b1, "rule:executive-order", 3)
		}
	}
	for _, m := range reNumbered.FindAllStringIndex(text, -1) {
		key := instrumentKey(text[m[0]:m[1]])
		add("law", key, key, m[0], m[1], "rule:numbered-instrument", 3)
	}
	x.acts(text, add)
	x.namedDocs(text, add)
	if strings.Contains(text, "Regulation") || strings.Contains(text, "Code") {
		for _, m := range reCode.FindAllStringSubmatchIndex(text, -1) {
			add("law", text[m[2]:m[3]], "", m[2], m[3], "rule:code", 2)
		}
	}
	x.datedTitles(text, pi)
	// A code citation (42 U.S.C. 7401, 29 CFR 4.133, Public Law 116-283)
	// points into a code; it names no law (ANNOTATION.md), so only
	// memoranda (M-16-21) count.
	for _, m := range reMemo.FindAllStringIndex(text, -1) {
		add("law", text[m[0]:m[1]], "", m[0], m[1], "rule:citation", 3)
	}
	for _, m := range reConst.FindAllStringIndex(text, -1) {
		b0 := m[0]
		if strings.HasPrefix(text[b0:], "the ") {
			b0 += 4
		}
		add("law", "Constitution", "", b0, m[1], "rule:constitution", 3)
	}
}

// englishDates adds the full dates (January 2, 2006; Jan. 2, 2006) and
// the months (January 2006) of an English paragraph.
func englishDates(text string, add addFunc) {
	for _, m := range reEnDate.FindAllStringSubmatchIndex(text, -1) {
		t, err := time.Parse("January 2 2006", text[m[2]:m[3]]+" "+text[m[4]:m[5]]+" "+text[m[6]:m[7]])
		if err == nil {
			iso := t.Format("2006-01-02")
			add("date", iso, iso, m[0], m[1], "rule:date", 3)
		}
	}
	for _, m := range reEnDateAbbr.FindAllStringSubmatchIndex(text, -1) {
		// Oct. 31, 2017: the Federal Register's citations abbreviate the month
		t, err := time.Parse("Jan 2 2006", text[m[2]:m[2]+3]+" "+text[m[4]:m[5]]+" "+text[m[6]:m[7]])
		if err == nil {
			iso := t.Format("2006-01-02")
			add("date", iso, iso, m[0], m[1], "rule:date", 3)
		}
	}
	for _, m := range reEnMonth.FindAllStringSubmatchIndex(text, -1) {
		t, err := time.Parse("January 2006", text[m[2]:m[3]]+" "+text[m[4]:m[5]])
		if err == nil {
			iso := t.Format("2006-01")
			add("date", iso, iso, m[0], m[1], "rule:month", 2)
		}
	}
}

// englishOrgs adds the bodies an English paragraph names by the pattern of
// a body's name (Office of …, … Council), a heading, a leading article or
// a trailing date left out.
func (x *extractor) englishOrgs(text string, add addFunc) {
	for _, m := range reEnOrg.FindAllStringSubmatchIndex(text, -1) {
		name := strings.TrimSpace(text[m[2]:m[3]])
		b0 := m[2]
		if i := headingEnd(name); i > 0 {
			name, b0 = name[i:], b0+i // Termination The Council: a heading is no part of the name
		}
		for _, lead := range []string{"The ", "This ", "Each ", "Such ", "A ", "An ", "Any ", "Every "} {
			if strings.HasPrefix(name, lead) {
				name, b0 = strings.TrimPrefix(name, lead), b0+len(lead)
			}
		}
		name, b0 = joinedBodies(name, b0)
		if loc := reListBefore.FindStringSubmatchIndex(text[:b0]); loc != nil && b0 == m[2] {
			// Veteran Wellness, Empowerment, and + Suicide Prevention Task Force: the list is the name's
			name, b0 = text[loc[2]:b0]+name, loc[2]
		}
		if rest, ok := governingBoard(name); ok {
			// Board of Directors of the Federal Deposit Insurance
			// Corporation: the body its board governs
			name, b0 = rest, b0+len(name)-len(rest)
		}
		if strings.HasPrefix(name, "Working Group of ") || strings.HasPrefix(name, "Task Force of ") {
			continue // Working Group of the Panel: a part of the body named after it
		}
		// Senior Agency Official for Privacy is a title, not a body
		if genericOrg[name] || len(strings.Fields(name)) < 2 || roleWords[strings.ToLower(firstWord(text[m[3]:]))] || oneModifier(name) {
			continue
		}
		if strings.HasPrefix(name, "Government ") && !strings.HasPrefix(name, "Government of ") {
			continue // the Government on Monday: a government is named by its country
		}
		if i := monthAfter(name); i > 0 {
			name = name[:i] // Office of Management and Budget of April 11, 2018
		}
		if x.knownBodyThenWord(name) {
			continue // Department of Defense + Information Network: the body is the lexicon's, the rest a thing of it
		}
		if i := strings.Index(name, " and Office of "); i > 0 {
			// Office of Public Affairs and Office of Public Engagement: two offices
			add("organization", name[:i], "", b0, b0+i, "rule:org-pattern", 1)
			add("organization", name[i+5:], "", b0+i+5, b0+len(name), "rule:org-pattern", 1)
			continue
		}
		if i := strings.Index(name, " of the "); i > 0 && orgHeads[strings.ToLower(lastWord(name[:i]))] &&
			strings.Contains(name[i+8:], " ") && acronymType(name[i+8:]) == "organization" {
			// Veterans Health Administration of the Department of Veterans
			// Affairs: a body and the body it belongs to
			add("organization", name[:i], "", b0, b0+i, "rule:org-pattern", 1)
			add("organization", name[i+8:], "", b0+i+8, b0+len(name), "rule:org-pattern", 1)
			continue
		}
		add("organization", name, "", b0, b0+len(name), "rule:org-pattern", 1)
	}
}

// governingBoard returns the body a board governs (Board of Directors of
// the Federal Deposit Insurance Corporation): the labels count the board
// as that body.
func governingBoard(name string) (string, bool) {
	for _, p := range []string{"Board of Directors of the ", "Board of Governors of the ", "Board of Trustees of the ", "Board of Regents of the "} {
		if rest, ok := strings.CutPrefix(name, p); ok && strings.Contains(rest, " ") {
			return rest, true
		}
	}
	return name, false
}

// joinedBodies drops from a body's name what an "and" before its head
// joins to it when the word before the "and" ends a body or a thing of
// its own or is a verb's form (Commissioned Corps and Epidemic
// Intelligence Service, Technology Modernization Fund and Technology
// Modernization Board, Validating and Monitoring Agency): a name such as
// Alcohol and Tobacco Tax and Trade Bureau or Fish and Wildlife Service
// joins plain words.
func joinedBodies(name string, b0 int) (string, int) {
	head := len(name)
	for _, j := range []string{" of ", " for ", " on "} {
		if i := strings.Index(name, j); i >= 0 && i < head {
			head = i
		}
	}
	for {
		i := strings.Index(name[:head], " and ")
		if i < 0 {
			return name, b0
		}
		w := lastWord(name[:i])
		if !orgHeads[strings.ToLower(w)] && !bodyEnds[w] && !strings.HasSuffix(w, "ing") {
			return name, b0
		}
		name, b0, head = name[i+5:], b0+i+5, head-i-5
	}
}

// bodyEnds end a body or a thing of one, besides orgHeads.
var bodyEnds = map[string]bool{"Service": true, "Corps": true, "Fund": true, "Title": true, "Program": true}

// policyHeads end the name of a policy document that a web page's title
// gives before its section (Federal Source Code Policy | Objectives).
var policyHeads = map[string]bool{"Policy": true, "Strategy": true, "Plan": true, "Guidance": true, "Framework": true, "Playbook": true}

// sectionTitleLaw reads a title "<document> | <section>": the page is a
// section of the policy document it names first, which is a law of the
// page (ANNOTATION.md counts policy documents by name).
func (x *extractor) sectionTitleLaw(text string) {
	i := strings.Index(text, " | ")
	if i < 0 {
		return
	}
	name := strings.TrimSpace(text[:i])
	words := strings.Fields(name)
	if len(words) < 2 || !allCapitalised(name) || !policyHeads[words[len(words)-1]] {
		return
	}
	b0 := strings.Index(text, name)
	x.c.add(mention{typ: "law", key: name, surface: name, para: TitleParagraph,
		start: x.rune(b0), end: x.rune(b0 + len(name)), evidence: "rule:section-title", prio: 2, overlay: true})
}

// knownBodyThenWord says that name opens with a body of the lexicon that
// a capitalised word other than a joining one continues (Department of
// Defense Information Network, Department of Homeland Security Emergency
// Directives): the run names a thing of the body, not a body.
func (x *extractor) knownBodyThenWord(name string) bool {
	for i := len(name) - 1; i > 0; i-- {
		if name[i] != ' ' {
			continue
		}
		if _, ok := x.lookup(name[:i], "organization"); ok {
			rest := name[i+1:]
			w := firstWord(rest)
			// a body of the body (White House Council for …, State
			// Council Tariff Commission) has a body's head word
			return w != "" && w[0] >= 'A' && w[0] <= 'Z' && acronymType(rest) != "organization"
		}
	}
	return false
}

// namedDocs adds the named conventions, accords, guidelines and amendments
// of reNamedDoc; a name made only of generic words (Further Amendment)
// names none.
func (x *extractor) namedDocs(text string, add addFunc) {
	for _, m := range reNamedDoc.FindAllStringSubmatchIndex(text, -1) {
		b0, name := m[2], text[m[2]:m[3]]
		for _, lead := range []string{"The ", "This ", "Such ", "Each ", "Any ", "An ", "A ", "Its ", "Their ", "Our ", "Under ", "In "} {
			if strings.HasPrefix(name, lead) {
				name, b0 = name[len(lead):], b0+len(lead)
			}
		}
		if i := headingEnd(name); i > 0 {
			name, b0 = name[i:], b0+i
		}
		if i := strings.LastIndex(name, "'s "); i > 0 {
			name, b0 = name[i+3:], b0+i+3 // the Food and Agricultural Organization's + International Plan of Action …
		}
		if i := monthAfter(name); i > 0 {
			name = name[:i] // U.S. Strategy Toward Sub-Saharan Africa of June 14, 2012
		}
		if !properDocName(name) {
			continue
		}
		add("law", name, "", b0, b0+len(name), "rule:named-document", 1)
	}
}

// genericDocWords make up the names of kinds of documents, not of one.
var genericDocWords = map[string]bool{"Strategic": true, "Action": true, "Implementation": true, "Management": true,
	"Agency": true, "Agency's": true, "Annual": true, "Final": true, "Interim": true, "Draft": true, "Joint": true,
	"Federal": true, "National": true, "Comprehensive": true, "Operational": true, "Performance": true, "Work": true,
	"Budget": true, "Program": true, "Project": true, "Response": true, "Recovery": true, "Security": true, "Plan": true,
	"Strategy": true, "Agreement": true, "Convention": true, "Guidelines": true, "Agenda": true, "Amendment": true,
	"Accords": true, "Playbook": true, "Trade": true, "Data": true, "Privacy": true, "Risk": true, "Contingency": true,
	"Sec.": true, "Section": true, "Secretary": true, "President": true, "Council": true, "Committee": true,
	"Regulatory": true, "Further": true, "Settlement": true, "Purchase": true, "Blanket": true, "Remediation": true,
	"Execution": true, "Research": true, "Current": true, "Services": true}

// properDocName says that a document's name holds a word that is not a
// kind of document or a generic qualifier (Hyde Amendment, Vienna
// Convention; not Strategic Plan, National Strategy alone).
func properDocName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if w[0] >= 'A' && w[0] <= 'Z' && !genericDocWords[w] {
			return true
		}
	}
	return false
}

// datedTitles reads the title in parentheses after a dated order or
// memorandum as a name of that document, over what its words would
// otherwise give (the Affordable Care Act in Strengthening Medicaid and the
// Affordable Care Act, a council in Establishing the President's Advisory
// Council on …): an order's title is a form of the order, a memorandum,
// which has no number, is named by its title.
func (x *extractor) datedTitles(text string, pi int) {
	if !strings.Contains(text, " of ") || !strings.Contains(text, "(") {
		return
	}
	for _, m := range reDatedTitle.FindAllStringSubmatchIndex(text, -1) {
		key, norm, ev := text[m[4]:m[5]], text[m[4]:m[5]], "rule:memorandum"
		if m[2] >= 0 {
			key, norm, ev = "Executive Order "+text[m[2]:m[3]], "", "rule:executive-order"
		}
		x.c.add(mention{typ: "law", key: key, norm: norm, surface: text[m[4]:m[5]], para: pi,
			start: x.rune(m[4]), end: x.rune(m[5]), evidence: ev, overlay: true})
		x.titleSpans = append(x.titleSpans, [2]int{x.rune(m[4]), x.rune(m[5])})
	}
}

// dropInTitles removes the candidates a rule read inside the dated titles
// of paragraph pi (an Act, a body or a person made of a title's capitalised
// words); the lexicon's names there stay (… Within the Department of
// Agriculture names the department).
func (x *extractor) dropInTitles(pi int) {
	if len(x.titleSpans) == 0 {
		return
	}
	x.c.cands = slices.DeleteFunc(x.c.cands, func(m mention) bool {
		if m.para != pi || m.overlay || !strings.HasPrefix(m.evidence, "rule:") {
			return false
		}
		for _, sp := range x.titleSpans {
			if m.start >= sp[0] && m.end <= sp[1] {
				return true
			}
		}
		return false
	})
	x.titleSpans = x.titleSpans[:0]
}

// englishPersons finds names after titles (Secretary of Commerce Gina
// Raimondo, President Joseph R. Biden Jr.).
func (x *extractor) englishPersons(text string, from [2]int, add addFunc) {
	x.finishName(text, add)
	for b := 0; b < len(text); b++ {
		if b > 0 && text[b-1] != ' ' && text[b-1] != '(' || from[0] <= b && b < from[1] {
			continue // the memo's senders have their titles after their names
		}
		n, _ := x.lex.Titles.Longest(text[b:])
		if n == 0 {
			continue
		}
		m := reEnName.FindStringSubmatchIndex(text[b+n:])
		if m == nil {
			continue
		}
		name := text[b+n+m[2] : b+n+m[3]]
		if _, isTitle := x.lex.Titles.Get(name); isTitle {
			continue
		}
		for _, w := range []string{" United", " Federal", " National", " Department", " Office", " The"} {
			if strings.HasSuffix(name, w) && strings.Count(name, " ") >= 2 {
				name = strings.TrimSuffix(name, w) // Anne E. Rung + United States…: the next line's body
			}
		}
		s0, s1 := b+n+m[2], b+n+m[2]+len(name)
		title := strings.TrimSpace(text[b : b+n])
		if reInitialEnd.MatchString(name) && strings.TrimSpace(text[s1:]) == "" {
			// President John F. / Kennedy, …: the paragraph breaks after an
			// initial, and the next one ends the name
			x.pendingName, x.pendingTitle = name, title
			break
		}
		add("person", name, "", s0, s1, "rule:title+name", 4)
		x.c.cands[len(x.c.cands)-1].titles = []string{title}
		b = s1
	}
}

var (
	// an order's opening formula names the President who signs it, in
	// capitals, sometimes broken over two paragraphs (I, JOSEPH R. / BIDEN
	// JR., President of the United States of America)
	reSigner       = regexp.MustCompile(`(?:^|\s)(I,\s+)?([A-Z][A-Z.]*(?:\s+[A-Z][A-Z.]*){0,3}),\s+(President of the United States(?: of America)?)\b`)
	reSignerHead   = regexp.MustCompile(`(?:^|\s)I,\s+([A-Z][A-Z.]*(?:\s+[A-Z][A-Z.]*){0,2})$`)
	reInitialEnd   = regexp.MustCompile(`\s[A-Z]\.$`)
	reSurnameStart = regexp.MustCompile(`^\s*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b`)
	reSectionNo    = regexp.MustCompile(`^\.\s*\d`)
	reFrom         = regexp.MustCompile(`\bFROM:\s*`)
	reNameWord     = regexp.MustCompile(`^(?:[A-Z][a-z]+|[A-Z]\.)$`)
)

// finishName ends a name the paragraph before broke off after an initial
// with the surname this paragraph opens with (President John F. / Kennedy).
func (x *extractor) finishName(text string, add addFunc) {
	name, title := x.pendingName, x.pendingTitle
	x.pendingName, x.pendingTitle = "", ""
	if name == "" {
		return
	}
	if m := reSurnameStart.FindStringSubmatchIndex(text); m != nil {
		add("person", name+" "+text[m[2]:m[3]], "", m[2], m[3], "rule:title+name", 4)
		x.c.cands[len(x.c.cands)-1].titles = []string{title}
	}
}

// signingPresident adds the President an order's opening formula names
// (I, BARACK OBAMA, President of the United States of America), under
// the name written in ordinary case (Barack Obama, Joseph R. Biden Jr.),
// with that title.
func (x *extractor) signingPresident(text string, add addFunc) {
	for _, m := range reSigner.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[4]:m[5]]
		if m[2] < 0 {
			// the formula's first line was the paragraph before; else a
			// name in capitals with no "I," is none
			h := reSignerHead.FindStringSubmatch(strings.TrimSpace(x.prevEn))
			if m[4] > 0 || h == nil {
				continue
			}
			name = h[1] + " " + name
		}
		add("person", ordinaryCase(name), "", m[4], m[5], "rule:signing-president", 4)
		x.c.cands[len(x.c.cands)-1].titles = []string{text[m[6]:m[7]]}
		return
	}
}

// ordinaryCase writes a name in capitals with only each word's first
// letter capital (JOSEPH R. BIDEN JR. → Joseph R. Biden Jr.).
func ordinaryCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

// memoSenders reads a memorandum's FROM: line, where each sender's name
// comes before the title (FROM: Shaun Donovan, Director; FROM: Tony Scott
// United States Chief Information Officer Anne E. Rung United States Chief
// Acquisition Officer), and returns the span it read.
func (x *extractor) memoSenders(text string, add addFunc) [2]int {
	loc := reFrom.FindStringIndex(text)
	if loc == nil {
		return [2]int{}
	}
	b := loc[1]
	for {
		name, title, n := x.nameThenTitle(text[b:])
		if n == 0 {
			return [2]int{loc[0], b}
		}
		add("person", name, "", b, b+len(name), "rule:memo-sender", 4)
		x.c.cands[len(x.c.cands)-1].titles = []string{title}
		b += n
		for b < len(text) && (text[b] == ' ' || text[b] == ',' || text[b] == ';') {
			b++
		}
	}
}

// nameThenTitle reads a name of two to four capitalised words or initials
// at the start of s and the official title right after it (a comma between
// them, "United States" opening the title or not): it returns the name, the
// title and the length read, or a zero length.
func (x *extractor) nameThenTitle(s string) (name, title string, n int) {
	words := strings.Fields(s)
	at := 0
	for i := 0; i < len(words) && i < 4; i++ {
		w := strings.TrimSuffix(words[i], ",")
		if !reNameWord.MatchString(w) {
			break
		}
		at = strings.Index(s[at:], w) + at + len(w)
		if i == 0 {
			continue
		}
		rest := strings.TrimLeft(s[at:], " ,")
		t := strings.TrimPrefix(rest, "United States ")
		k, _ := x.lex.Titles.Longest(t)
		if k == 0 || k < len(t) && t[k] != ' ' && t[k] != ',' {
			continue
		}
		if _, isTitle := x.lex.Titles.Get(s[:at]); isTitle {
			return "", "", 0
		}
		title = rest[:len(rest)-len(t)+k]
		return s[:at], title, len(s) - len(rest) + len(title)
	}
	return "", "", 0
}

// acts adds the Acts a paragraph names. Two Acts joined by "and the" are
// two (Bank Merger Act and the Bank Holding Company Act of 1956), and a
// short name in parentheses is the Act named before it that it begins
// (Sherman Antitrust Act (26 Stat. 209) (Sherman Act)): one law, under
// that short name too for the rest of the document.
func (x *extractor) acts(text string, add addFunc) {
	for _, m := range reAct.FindAllStringSubmatchIndex(text, -1) {
		end := m[3]
		if m[4] >= 0 {
			end = m[5]
		}
		b0, ok := actStart(text, m[2], m[3])
		if !ok {
			continue
		}
		if i := strings.LastIndex(text[b0:m[3]], " Act and the "); i > 0 {
			add("law", text[b0:b0+i+4], "", b0, b0+i+4, "rule:act", 3)
			x.actNames = append(x.actNames, text[b0:b0+i+4])
			b0 += i + len(" Act and the ")
		}
		b0 = x.knownActTail(text, b0, end)
		name := text[b0:end]
		key, defined := x.actShort[name]
		if !defined && b0 > 0 && text[b0-1] == '(' && end < len(text) && text[end] == ')' {
			if key = shortFormOf(name, x.actNames); key != name {
				if x.actShort == nil {
					x.actShort = map[string]string{}
				}
				x.actShort[name] = key
			}
		} else if !defined {
			key = name
		}
		add("law", key, "", b0, end, "rule:act", 3)
		x.actNames = append(x.actNames, key)
	}
}

// knownActTail moves the start of an Act's name to an Act the document
// named before, when a function word joins it to the words before
// (Security Council Travel Bans and + International Emergency Economic
// Powers Act, Abortion Restrictions in the + Patient Protection and
// Affordable Care Act): those words are not the Act's.
func (x *extractor) knownActTail(text string, b0, end int) int {
	known := map[string]bool{}
	for _, n := range x.actNames {
		known[n] = true
	}
	words := strings.Fields(text[b0:end])
	at := b0
	for i, w := range words {
		at = strings.Index(text[at:end], w) + at
		if i > 0 && smallWords[words[i-1]] && w[0] >= 'A' && w[0] <= 'Z' && known[text[at:end]] {
			return at
		}
		at += len(w)
	}
	return b0
}

var smallWords = map[string]bool{"and": true, "the": true, "of": true, "in": true, "under": true, "for": true, "to": true, "on": true}

// shortFormOf returns the Act named earlier (names) that a short name
// begins (Sherman Act: Sherman Antitrust Act; Trade Expansion Act: Trade
// Expansion Act of 1962), the latest one, or the short name itself.
func shortFormOf(short string, names []string) string {
	stem := strings.TrimSuffix(short, " Act")
	for i := len(names) - 1; i >= 0; i-- {
		if n := names[i]; n != short && strings.HasPrefix(n, stem+" ") {
			return n
		}
	}
	return short
}

// actLead are words that open a phrase before an Act's name, never the
// name itself (Under the Clean Air Act, All CFO Act agencies).
var actLead = map[string]bool{"a": true, "an": true, "the": true, "this": true, "these": true, "that": true,
	"all": true, "any": true, "each": true, "every": true, "such": true, "other": true, "under": true,
	"see": true, "section": true, "pursuant": true, "consistent": true}

// actStart finds where the Act name that the match text[b0:b1] ends with
// begins: after a sentence's end (IT WCF. Pursuant…), an enumerator (C.),
// opening function words and a "to" that points at the Act (Guidance to
// CFO Act). It says
// no when "Act" is the verb (Designation … to Act as Director) or the name
// is one word.
func actStart(text string, b0, b1 int) (int, bool) {
	words := strings.Fields(text[b0:b1])
	if len(words) >= 2 && words[len(words)-2] == "to" {
		return 0, false
	}
	first := 0
	for i, w := range words[:len(words)-1] {
		if (w == "to" && refersTo(words[i+1])) || (strings.HasSuffix(w, ".") && !initials(w)) {
			first = i + 1
		}
	}
	for first < len(words)-1 && (actLead[strings.ToLower(words[first])] || isEnumerator(words[first]) ||
		words[first] == "of" || words[first] == "the" || partOfAct(words, first)) {
		first++
	}
	if len(words)-first < 2 {
		return 0, false
	}
	for _, w := range words[:first] {
		b0 = b0 + strings.Index(text[b0:], w) + len(w)
	}
	for b0 < b1 && text[b0] == ' ' {
		b0++
	}
	return b0, true
}

// partOfAct reports a word that names a part of the Act after it (Title
// VII of the Civil Rights Act, title II of the Communications Act): a
// part's kind, or its number right before "of".
func partOfAct(words []string, i int) bool {
	switch words[i] {
	case "Title", "Subtitle", "Section", "Part", "Chapter", "Division", "Article":
		return i+1 < len(words) && i+2 < len(words) && words[i+2] == "of"
	}
	return i+1 < len(words) && words[i+1] == "of" && romanOrNumber(words[i])
}

func romanOrNumber(w string) bool {
	return w != "" && strings.Trim(w, "IVXLC0123456789") == ""
}

// refersTo says that "to" before w points at an Act (Exemptions to the
// Privacy Act, Guidance to CFO Act) rather than joining its name (Fairness
// to Contact Lens Consumers Act).
func refersTo(w string) bool {
	return w == "the" || (len(w) >= 2 && strings.ToUpper(w) == w)
}

// initials are abbreviations written with dots (U.S., D.C.), not a word
// that ends a sentence.
func initials(w string) bool {
	return len(w) >= 4 && strings.Count(w, ".") >= 2
}

// isEnumerator is a list or heading letter (A, B., C.).
func isEnumerator(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// instrumentKinds are the short kinds of numbered instruments and the
// kinds they stand for: one instrument is one entity whichever way it is
// written (HSPD-12, Homeland Security Presidential Directive 12), and its
// normalized name writes the kind out.
var instrumentKinds = [][2]string{{"HSPD", "Homeland Security Presidential Directive"},
	{"PPD", "Presidential Policy Directive"}, {"NSPM", "National Security Presidential Memorandum"},
	{"NSM", "National Security Memorandum"}, {"BOD", "Binding Operational Directive"},
	{"FIPS", "Federal Information Processing Standard"}, {"NIST SP", "NIST Special Publication"}}

var (
	reParenAbbr  = regexp.MustCompile(`\s*\([A-Z]+\)`)
	reKindHyphen = regexp.MustCompile(`^([A-Z]{2,5})-(\d)`)
)

// instrumentKey is the identity of a numbered instrument: its kind written
// out, without an abbreviation in parentheses, OMB or No.
func instrumentKey(s string) string {
	s = strings.Join(strings.Fields(reParenAbbr.ReplaceAllString(s, "")), " ")
	s = strings.Replace(strings.TrimPrefix(s, "OMB "), "Circular No. ", "Circular ", 1)
	s = reKindHyphen.ReplaceAllString(s, "$1 $2")
	for _, k := range instrumentKinds {
		if strings.HasPrefix(s, k[0]+" ") {
			return k[1] + s[len(k[0]):]
		}
	}
	return s
}

// oneModifier is a generic head with one word before it (Sponsoring
// Agency, My Administration, Competitive Service): a kind of body, not a
// name, which takes two words or more (Small Business Administration,
// Internal Revenue Service) or U.S. (U.S. Digital Service).
func oneModifier(name string) bool {
	f := strings.Fields(name)
	if len(f) != 2 || f[0] == "U.S." {
		return false
	}
	switch f[1] {
	case "Agency", "Administration", "Service", "Office":
		return true
	}
	return false
}

// monthAfter finds where " of <Month>" begins in a body's name that ran on
// into a date, or 0.
func monthAfter(name string) int {
	for _, mo := range strings.Split(months, "|") {
		for _, w := range []string{" of ", " on ", " in "} {
			if i := strings.Index(name, w+mo); i > 0 {
				return i
			}
		}
	}
	return 0
}

// acronymsByInitials reads a lexicon acronym as the name of the document
// whose initials it spells when the document never writes the lexicon's
// own name: NEA in an order that cites the National Emergencies Act is
// that Act, not the National Endowment for the Arts.
func acronymsByInitials(ms []mention) []mention {
	written := map[string]bool{} // keys written out in full
	byInitials := map[string]mention{}
	for _, m := range ms {
		if isAcronym(m.surface) {
			continue
		}
		written[m.typ+"\x00"+m.key] = true
		if m.typ == "law" || m.typ == "organization" {
			if in := initialsOf(m.key); len(in) >= 2 {
				byInitials[in] = m
			}
		}
	}
	for i, m := range ms {
		if !isAcronym(m.surface) || !strings.HasPrefix(m.evidence, "lexicons/") || written[m.typ+"\x00"+m.key] {
			continue
		}
		if n, ok := byInitials[strings.ReplaceAll(m.surface, ".", "")]; ok && n.key != m.key {
			ms[i].typ, ms[i].key, ms[i].norm, ms[i].evidence = n.typ, n.key, n.norm, "rule:acronym-initials"
		}
	}
	return ms
}

// initialsOf spells the capitals that begin a name's words, skipping
// the small words (National Emergencies Act → NEA).
func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// headingEnd returns where a body's name starts after a section heading
// run into it (Termination The Council, Report The Board: a capital The
// after a capitalised word opens the sentence), or 0.
func headingEnd(name string) int {
	i := strings.LastIndex(name, " The ")
	if i < 0 {
		return 0
	}
	switch w := name[strings.LastIndexByte(name[:i], ' ')+1 : i]; w {
	case "of", "for", "on", "and":
		return 0
	}
	return i + 1
}
