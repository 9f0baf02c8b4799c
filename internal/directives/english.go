package directives

import (
	"regexp"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

var (
	reEnItem       = regexp.MustCompile(`^(?:\((?:[a-z]|[ivx]+|\d+|[A-Z])\)\s*)+|^(?:Sec(?:tion|\.)\s*\d+[a-z]?\.\s*)`)
	reEnDefinition = regexp.MustCompile(`(?i)^(?:the term\b|for (?:the )?purposes of this|as used in this)|\bmeans\b|\bshall mean\b|\bshall have the meaning`)
	reWillPronoun  = regexp.MustCompile(`(?i)\b(?:this|it|that|these|those|which|there|they|he|she|you|what)\s+$`)
	reWillSubject  = regexp.MustCompile(`(?:\b[A-Z][A-Za-z.]*|(?i:agencies|agency|government|secretary|director|administrator|council|office|department|committee|board|we|heads|states|administration|staff|team|officials?))\s+(?:also\s+|then\s+|promptly\s+)?$`)
	reMayNotModal  = regexp.MustCompile(`(?i)(?:\bas|\bthat|\bwhich|\bwho|\bthere)\s+$`)
	reAuthority    = regexp.MustCompile(`^By the authority vested in me`)
)

type enMarker struct {
	re    *regexp.Regexp
	m     lexicon.Marker
	words int
}

// englishMarkers compiles the English marker list, longest first.
func englishMarkers(lex *lexicon.Set) []enMarker {
	var out []enMarker
	for _, m := range lex.MarkersEN {
		out = append(out, enMarker{regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(m.Text) + `\b`), m, len(strings.Fields(m.Text))})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].m.Text) > len(out[j].m.Text) })
	return out
}

type enHit struct {
	start, end int // byte offsets in the clause
	m          lexicon.Marker
}

// findEnglishMarkers lists the markers of a clause, longest first where
// they overlap; "will" counts only after an agency or official, "may" not
// in "as may be".
func findEnglishMarkers(text string, ms []enMarker) []enHit {
	var hits []enHit
	taken := make([]bool, len(text)+1)
	for _, m := range ms {
		for _, loc := range m.re.FindAllStringIndex(text, -1) {
			if taken[loc[0]] || taken[loc[1]-1] {
				continue
			}
			before := text[:loc[0]]
			switch {
			case m.m.Kind == "will" && (!reWillSubject.MatchString(before) || reWillPronoun.MatchString(before)):
				continue
			case m.m.Text == "may" && text[loc[0]] == 'M' && loc[0] > 0:
				continue // the month (May 9, 2023), not the modal
			case m.m.Text == "may" && (reMayNotModal.MatchString(before) || strings.HasPrefix(strings.ToLower(text[loc[1]:]), " be necessary") || strings.HasPrefix(strings.ToLower(text[loc[1]:]), " include")):
				continue
			case m.m.Text == "shall" && strings.HasPrefix(strings.ToLower(text[loc[1]:]), " mean"):
				continue
			}
			for k := loc[0]; k < loc[1]; k++ {
				taken[k] = true
			}
			hits = append(hits, enHit{loc[0], loc[1], m.m})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

// extractEnglish finds the directives of an English order or memorandum:
// each sentence (or ;-clause) that holds a modal marker.
func extractEnglish(doc *segment.Doc, lex *lexicon.Set, meta Meta) []Directive {
	ms := englishMarkers(lex)
	date := parseDate(meta.Date)
	issuer := meta.Issuer
	if issuer == "" && (strings.Contains(meta.Title, "Executive Order") || strings.Contains(meta.Title, "Proclamation")) {
		issuer = "President"
	}
	var out []Directive
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		for _, s := range p.Sentences {
			for _, cl := range s.Clauses {
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
					continue
				}
				hits := findEnglishMarkers(text, ms)
				if len(hits) == 0 {
					continue
				}
				var markers []string
				force := ""
				for _, h := range hits {
					markers = append(markers, h.m.Text)
					if force == "" || force == "encourage" || (h.m.Force != "encourage" && Rank(h.m.Force) > Rank(force)) {
						force = h.m.Force
					}
				}
				subject := text[:hits[0].start]
				action, object := englishActionObject(text[hits[0].end:])
				deadline, norm := deadlineEn(text, date)
				out = append(out, Directive{
					Text: text, Sentence: p.Slice(s.Span), Paragraph: pi,
					Start: cl.Start, End: cl.Start + len([]rune(text)),
					Force: force, Markers: markers, Issuer: issuer,
					Addressees: englishAddressees(lex, subject),
					Action:     action, Object: object,
					Deadline: deadline, DeadlineNormalized: norm,
				})
			}
		}
	}
	return out
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
// in the subject of a clause.
func englishAddressees(lex *lexicon.Set, subject string) []string {
	var out []string
	lower := strings.ToLower(subject)
	for _, e := range lex.Entries {
		if e.Lang != "en" || (e.Type != lexicon.Addressee && e.Type != lexicon.Organization) {
			continue
		}
		name := e.Canonical
		if e.Type == lexicon.Addressee {
			if strings.Contains(lower, strings.ToLower(name)) {
				out = append(out, name)
			}
		} else if strings.Contains(subject, name) {
			out = append(out, name)
		}
	}
	return dedupeContained(out)
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
		if !inside && !containsString(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
