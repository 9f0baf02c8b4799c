package entities

import (
	"regexp"
	"strings"
	"unicode"
)

// English orders and memoranda name their fixed terms in two ways: a
// definition (“critical software” means …, the term “FCEB Information
// Systems”, (“Zero Trust Architecture”)) and an acronym spelled out once
// (Endpoint Detection and Response (EDR), personally identifiable
// information (PII)). Both are policy terms (ANNOTATION.md) unless the
// phrase is a body, a law, a title or a generic role, which other rules
// or the filters below settle.
var (
	reDefined     = regexp.MustCompile(`["“]([A-Za-z][^"”\n]{1,60}?)[,.]?["”]`)
	reDefAfter    = regexp.MustCompile(`^\s*(?:\([A-Z][A-Za-z&-]{1,9}\)\s*)?(?:means|mean|refers|shall mean|has the meaning|includes|is defined)\b`)
	reTermBefore  = regexp.MustCompile(`\bterms?\s*$`)
	reParenBefore = regexp.MustCompile(`\(\s*(?:the\s+)?$`)
	reAcronym     = regexp.MustCompile(`\(([A-Z][A-Za-z&-]{1,9})\)`)
	// an order cited with its date, its title quoted in parentheses after
	// it: Executive Order 12866 of September 30, 1993 (“Regulatory Planning
	// and Review”) names the order, it defines no term
	reCitedTitle = regexp.MustCompile(`(?:\b\d{4}|Order \d{4,5}),?\s*\(\s*$`)
)

// acronymEvidence marks the acronym's own mention: it counts only beside the
// spelled-out form it abbreviates (evidence of the mention).
const acronymEvidence = "rule:acronym-short"

// englishTerms adds the defined terms and spelled-out acronyms of one
// English paragraph, at the lowest priority: a body, law or place of the
// same span wins.
func (x *extractor) englishTerms(text string, add addFunc) {
	prevEnd, prevKey := -1, ""
	for _, m := range reDefined.FindAllStringSubmatchIndex(text, -1) {
		b0, b1 := m[2], m[3]
		q := strings.TrimRight(text[b0:b1], " ,.")
		b1 = b0 + len(q)
		after, before := text[m[1]:], text[max(0, m[0]-12):m[0]]
		if !reDefAfter.MatchString(after) && !reTermBefore.MatchString(before) &&
			!(reParenBefore.MatchString(before) && strings.HasPrefix(after, ")")) {
			continue
		}
		if !definedTerm(q) || reCitedTitle.MatchString(text[max(0, m[0]-40):m[0]]) {
			continue
		}
		key := strings.ToLower(q)
		if prevEnd >= 0 && strings.TrimSpace(text[prevEnd:m[0]]) == "or" {
			key = prevKey // the term “Software Bill of Materials” or “SBOM”
		}
		prevEnd, prevKey = m[1], key
		typ := "term"
		if lw := lastWord(q); (lw == "Regulations" || lw == "Act") && allCapitalised(q) {
			typ, key = "law", q // “Select Agent Regulations” means …: a defined body of rules
		}
		add(typ, key, q, b0, b1, "rule:defined-term", 0)
	}
	x.standingTerms(text, add)
	for _, m := range reAcronym.FindAllStringSubmatchIndex(text, -1) {
		acr := text[m[2]:m[3]]
		if everydayAcronyms[acr] || insideName(text[m[1]:]) {
			continue // information technology (IT); NIST Special Publication (SP) 800-37, … (MGT) Act: part of a longer name
		}
		b0, ok := spelledOut(text[:m[0]], acr)
		if !ok {
			continue
		}
		long := strings.TrimSpace(text[b0:m[0]])
		long = strings.TrimSuffix(strings.TrimSuffix(long, "’s"), "'s")
		typ := acronymType(long)
		if typ == "" || titleBefore(text[:b0]) {
			continue
		}
		key := strings.ToLower(long)
		add(typ, key, long, b0, b0+len(long), "rule:acronym", 0)
		add(typ, key, long, m[2], m[3], acronymEvidence, 0)
	}
}

// reStanding are the standing notions of executive orders that are no
// defined term and no name: the national emergency an order declares or
// continues under the National Emergencies Act, and the federal pay
// systems the annual pay orders set (General Schedule, Executive
// Schedule, Foreign Service Schedule; 24 such orders in the scale corpus).
var reStanding = regexp.MustCompile(`\b(?:(?:a|the|this|that) (national emergency)\b|(General|Executive|Foreign Service) Schedule\b)`)

// standingTerms adds those notions as terms, at the lowest priority.
func (x *extractor) standingTerms(text string, add addFunc) {
	if !strings.Contains(text, "national emergency") && !strings.Contains(text, " Schedule") {
		return
	}
	for _, m := range reStanding.FindAllStringSubmatchIndex(text, -1) {
		b0, b1 := m[2], m[3]
		if b0 < 0 {
			b0, b1 = m[4], m[1]
		}
		add("term", strings.ToLower(text[b0:b1]), text[b0:b1], b0, b1, "rule:standing-term", 0)
	}
}

// acronymType types a spelled-out acronym by its words: a body's or a law's
// head word makes it one (National Protection and Programs Directorate
// (NPPD), Federal Acquisition Regulation (FAR)), an official's title none
// (Chief Information Officer (CIO)), anything else a term.
func acronymType(long string) string {
	typ := "term"
	for _, w := range strings.Fields(long) {
		switch w = strings.ToLower(w); {
		case roleWords[w]:
			return ""
		case orgHeads[w]:
			typ = "organization"
		case lawHeads[w] && typ == "term":
			typ = "law"
		}
	}
	return typ
}

// titleBefore says that a title's head ends the text (Secretary of Health
// and Human Services (HHS)): the spelled-out words name its department.
func titleBefore(before string) bool {
	f := strings.Fields(before)
	for len(f) > 0 && (f[len(f)-1] == "of" || f[len(f)-1] == "the" || f[len(f)-1] == "for") {
		f = f[:len(f)-1]
	}
	return len(f) > 0 && roleWords[strings.ToLower(f[len(f)-1])]
}

var (
	orgHeads = map[string]bool{"department": true, "office": true, "bureau": true, "council": true,
		"commission": true, "agency": true, "administration": true, "board": true, "committee": true,
		"institute": true, "corporation": true, "foundation": true, "directorate": true, "community": true,
		"group": true, "center": true, "centre": true, "organization": true, "authority": true}
	lawHeads = map[string]bool{"act": true, "regulation": true, "regulations": true, "directive": true,
		"schedule": true, "agreement": true, "agreements": true, "memorandum": true, "memoranda": true,
		"convention": true, "treaty": true, "circular": true}
)

// definedTerm says whether a defined phrase may be a term: more than one
// word or an acronym (Agency, rule, logs are ordinary words), and no
// generic role or collective noun (Agency Head, Federal agency).
func definedTerm(q string) bool {
	if !strings.Contains(q, " ") && strings.ToUpper(q) != q {
		return false
	}
	return !collectiveWords[strings.ToLower(lastWord(q))]
}

// collectiveWords end a generic role or collective addressee, not a term.
var collectiveWords = map[string]bool{"agency": true, "agencies": true, "head": true, "heads": true,
	"employee": true, "employees": true, "chairman": true}

// roleWords make an official's title (Chief Information Officer (CIO),
// Assistant to the President … (APNSA), Senior Agency Official for
// Privacy (SAOP)): an acronym of a title is no entity.
var roleWords = map[string]bool{"officer": true, "officers": true, "official": true, "officials": true,
	"advisor": true, "adviser": true, "assistant": true, "director": true, "secretary": true,
	"administrator": true, "chair": true, "chairman": true, "counsel": true, "president": true}

// joinWords may stand between the initials of a spelled-out acronym.
var joinWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "to": true,
	"a": true, "an": true, "in": true, "as": true}

// spelledOut finds where the words before an acronym in parentheses begin
// when their initials spell it (Software as a Service (SaaS), Cloud Service
// Providers (CSPs)); the words are whole and at most eight.
// everydayAcronyms stand for phrases of everyday English, no policy notion.
var everydayAcronyms = map[string]bool{"IT": true, "R&D": true, "API": true, "APIs": true, "GDP": true}

// insideName says that the text after an acronym's closing bracket goes on
// with a number or a capitalised word: the acronym sits inside a longer
// name (NIST Special Publication (SP) 800-37, Modernizing Government
// Technology (MGT) Act).
func insideName(after string) bool {
	if len(after) < 2 || after[0] != ' ' {
		return false
	}
	c := after[1]
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// allCapitalised says that every word of s starts with a capital letter.
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// hyphenInitials matches the parts of a hyphenated word to the acronym's
// letters caps[..k], last first (most-favored-nation: MFN), and moves k
// past them; it reports false, leaving k, when they do not all match.
func hyphenInitials(w string, caps []byte, k *int) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 || len(parts) > *k+1 {
		return false
	}
	j := *k
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i] == "" || unicode.ToUpper(rune(parts[i][0])) != rune(caps[j]) {
			return false
		}
		j--
	}
	*k = j
	return true
}

func spelledOut(before, acr string) (int, bool) {
	var caps []byte
	for i := 0; i < len(acr); i++ {
		if acr[i] >= 'A' && acr[i] <= 'Z' {
			caps = append(caps, acr[i])
		}
	}
	if len(caps) < 2 {
		return 0, false
	}
	end := len(strings.TrimRight(before, " "))
	b, k := end, len(caps)-1
	for words := 0; k >= 0 && words < 8; words++ {
		w0 := strings.LastIndexByte(before[:b], ' ') + 1
		w := before[w0:b]
		if w == "" || !isWordStart(w) {
			return 0, false
		}
		switch {
		case joinWords[w]:
		case hyphenInitials(w, caps, &k):
		case unicode.ToUpper(rune(w[0])) == rune(caps[k]):
			k--
		default:
			return 0, false
		}
		b = w0
		for b > 0 && before[b-1] == ' ' {
			b--
		}
		if k >= 0 && b == 0 {
			return 0, false
		}
	}
	if k >= 0 {
		return 0, false
	}
	for b < end && before[b] == ' ' {
		b++
	}
	return b, true
}

func isWordStart(w string) bool {
	c := w[0]
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// keepEnglishTerms drops, after overlaps are settled, an acronym whose
// spelled-out form lost to another entity (Office of Management and Budget
// (OMB)) and a term that another entity of the document also names; a
// defined term that is a spelled-out acronym (“SBOM”) joins its long form.
func keepEnglishTerms(ms []mention) []mention {
	spelled, other, acronyms := map[string]bool{}, map[string]bool{}, map[string]string{}
	for _, m := range ms {
		switch {
		case m.evidence == acronymEvidence:
			acronyms[m.surface] = m.key
		case m.evidence == "rule:acronym":
			spelled[m.typ+"\x00"+m.key] = true
		}
		if m.typ != "term" {
			other[strings.ToLower(m.surface)] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if m.evidence == acronymEvidence && !spelled[m.typ+"\x00"+m.key] {
			continue
		}
		if m.typ == "term" && other[strings.ToLower(m.surface)] {
			continue
		}
		if k, ok := acronyms[m.surface]; ok && m.evidence == "rule:defined-term" {
			m.key = k
		}
		out = append(out, m)
	}
	return out
}
