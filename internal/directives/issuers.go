package directives

import (
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

// fillIssuers gives the directives of a news item that no frame names an
// issuer: the one the story named last, or, before any, the authority its
// headline names (国家发改委：…, 李国英：…). A story reports one authority's
// instructions at a time, and an empty issuer tells an analyst nothing.
func (x *zhExtractor) fillIssuers() {
	if x.kind != kindNews {
		return
	}
	last := x.headlineAuthority()
	if last == "" {
		last = x.leadAuthority()
	}
	for i := range x.out {
		switch iss := x.out[i].Issuer; {
		case iss == "" || pronoun[iss]:
			x.out[i].Issuer = last // 他表示: the one named before
		default:
			last = iss
		}
	}
}

// pronoun are the speakers a frame gives that stand for the one named
// before.
var pronoun = map[string]bool{"他": true, "她": true, "他们": true}

// headlineAuthority is the first official or governing body the headline
// names, "" when it names none.
func (x *zhExtractor) headlineAuthority() string {
	return x.firstAuthority(x.meta.Title)
}

// leadAuthority is the official or governing body the story's first
// paragraphs name first, for a headline that names none.
func (x *zhExtractor) leadAuthority() string {
	for i := range x.doc.Paragraphs[:min(3, len(x.doc.Paragraphs))] {
		if a := x.firstAuthority(x.doc.Paragraphs[i].Text); a != "" {
			return a
		}
	}
	return ""
}

// firstAuthority is the official (a name the entities give a title) or
// the governing body of the lexicons that a text names first.
func (x *zhExtractor) firstAuthority(t string) string {
	first, at := "", len(t)
	for _, name := range x.meta.Officials {
		if i := strings.Index(t, name); i >= 0 && i < at && !x.c.byline(t[:i]) {
			first, at = name, i // a reporter is no authority (记者吴为)
		}
	}
	anySurface(x.c.lex, t[:at], func(e lexicon.Entry, start, end int) bool {
		if e.Type == lexicon.Organization && governing[e.Kind] {
			first = t[start:end]
			return true
		}
		return false
	})
	return first
}

// docNoun is the document noun that ends a title (关于…的通知: 通知), the
// longest that fits, "" when none does.
func (c *cues) docNoun(title string) string {
	title = strings.TrimRight(reTitleNote.ReplaceAllString(strings.TrimSpace(title), ""), "（）() ")
	best := ""
	for w := range c.byKind["doc-noun"] {
		if strings.HasSuffix(title, w) && len(w) > len(best) {
			best = w
		}
	}
	return best
}

// issuerOf is the issuer a frame's speaker names. A speaker written with
// a time or a place (央行行长易纲3月20日在…会上) is the official it names; a
// reporter (记者吴为) gives no issuer, since the story's authority speaks
// through them.
func (x *zhExtractor) issuerOf(speaker string) string {
	s := x.c.issuerOf(speaker, x.meeting, x.docIssuer)
	best := ""
	for _, name := range x.meta.Officials {
		if len(name) > len(best) && len(name) < len(s) && strings.Contains(s, name) {
			best = name
		}
	}
	if best != "" {
		s = best
	}
	if i := strings.Index(speaker, s); i >= 0 && x.c.byline(speaker[:i]) {
		return ""
	}
	return s
}

// byline reports a text that ends where a reporter's name follows: a
// reporter's role of clauses.zh.tsv (kind byline), and what heads it
// (记者：, 首席记者 , 通讯员 ).
func (c *cues) byline(before string) bool {
	before = strings.TrimRight(before, " \u3000:：")
	for w := range c.byKind["byline"] {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// ownIssuer is the body or place a news clause names as its own subject
// when it says what that body does or will do (工信部将…, 山东自11月1日起
// 开展…): the clause speaks for it, whatever frame it stands in. A subject
// before 要 or 应当 is told what to do: it is no issuer.
func (x *zhExtractor) ownIssuer(u unit, hits []hit) string {
	if x.kind != kindNews || len(hits) > 0 && !x.c.byKind["commit"][hits[0].text] {
		return ""
	}
	end := 0
	for _, t := range u.toks {
		k := t.Start - u.span.Start
		if len(hits) > 0 && k >= hits[0].at || !nounLike(t.POS) {
			break
		}
		end = k + utf8.RuneCountInString(t.Text)
	}
	if end == 0 || end > 12 {
		return ""
	}
	subject := string(u.runes[:end])
	if governs(x.c.lex, subject) {
		return subject
	}
	return ""
}

// governs reports a subject that is a governing body of the lexicons or a
// place with a government (a province, a city, a district or a zone; not a
// river basin or a country's region): an addressee such as 商业银行 or
// 税务机关 is told what to do, it does not speak.
func governs(lex *lexicon.Set, subject string) bool {
	return anySurface(lex, subject, func(e lexicon.Entry, _, end int) bool {
		switch e.Type {
		case lexicon.Organization:
			return governing[e.Kind] && end == len(subject)
		case lexicon.Location:
			return end == len(subject) && (e.Kind == "province" || e.Kind == "city" || e.Kind == "district" || e.Kind == "zone")
		}
		return false
	})
}

// nounLike is a part of speech a subject is made of: nouns, names,
// abbreviations.
func nounLike(pos string) bool {
	return strings.HasPrefix(pos, "n") && pos != "nx" || pos == "j"
}

// fullIssuers writes a news directive's issuer in the fullest form the
// story gives the same body (工信部 → 工业和信息化部 where the story writes
// both): a story names a body in full once and by its short form after,
// and the issuer is the body, not the last way it was written.
func (x *zhExtractor) fullIssuers() {
	if x.kind != kindNews || len(x.out) == 0 {
		return
	}
	full := map[string]string{} // canonical → the longest form written
	note := func(t string) {
		anySurface(x.c.lex, t, func(e lexicon.Entry, start, end int) bool {
			if e.Type == lexicon.Organization && end-start > len(full[e.Canonical]) {
				full[e.Canonical] = t[start:end]
			}
			return false
		})
	}
	note(x.meta.Title)
	for i := range x.doc.Paragraphs {
		note(x.doc.Paragraphs[i].Text)
	}
	for i := range x.out {
		x.out[i].Issuer = x.fullForm(x.out[i].Issuer, full)
	}
}

// fullForm is the longest form written of the body an issuer names whole,
// the issuer itself when it names none or is already the longest.
func (x *zhExtractor) fullForm(iss string, full map[string]string) string {
	n, v := x.c.lex.Surface.Longest(iss)
	if n == 0 || n != len(iss) {
		return iss
	}
	for _, e := range x.c.lex.Groups[v] {
		if f := full[x.c.lex.Entries[e].Canonical]; x.c.lex.Entries[e].Type == lexicon.Organization && len(f) > len(iss) {
			return f
		}
	}
	return iss
}
