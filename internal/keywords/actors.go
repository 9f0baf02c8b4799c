package keywords

import (
	"slices"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// Analysts name a document's central actors among its keywords (the
// annotation guide: "key bodies/names when central"): the minister who
// speaks in a news item and issues its directives (黄明), the body its
// headline names (国务院安委办 部署…). The ranker cannot learn them: such
// a name is often written once, and names in general are no keywords
// (entities as candidates cost test recall). So the few actors that are
// central by what the document says of them are shown whole, as the
// entities write them, in at most maxActors slots.

// Actor is a person or body the entities found, as the keywords need it:
// the analyzer hands them over once the document is read (an extractor
// imports no other).
type Actor struct {
	Name     string   // the entity's text, shown as the keyword
	Forms    []string // every written form: aliases, mentions' surfaces
	Person   bool
	Titles   []string // a person's titles (应急管理部部长)
	Count    int      // mentions
	Mentions []Span   // where it is written
}

// Span is a mention: a paragraph (TitleParagraph for the title) and rune
// offsets in it.
type Span struct {
	Paragraph, Start, End int
}

// TitleParagraph is the paragraph number of a mention in the title, as
// the entities number it.
const TitleParagraph = -1

// maxActors bounds the slots central actors may take from the ranker's
// keywords, and perActorSlots keeps them to one in so many shown: two of
// the 15 shown by default, none of fewer than five.
const (
	maxActors     = 2
	perActorSlots = 5
)

// formalCue opens the subject of a formal document's title: the body
// before it is the document's author (国务院办公厅关于…的通知), whom
// analysts do not label, not the subject of a headline.
const formalCue = "关于"

// Central returns the names of the document's central actors, best first,
// at most maxActors: first the speakers (see speaker) by the directives
// they issue, then the actors the title names as its subject (see
// titleSubject) in the title's order. issuers counts the directives by
// their issuer as written.
func Central(actors []Actor, issuers map[string]int, title string) []string {
	type ranked struct {
		name   string
		issued int
		at     int
	}
	var speakers, subjects []ranked
	for i := range actors {
		a := &actors[i]
		if n := issued(a, issuers); speaker(a, n, actors) {
			speakers = append(speakers, ranked{a.Name, n, i})
		} else if at, ok := titleSubject(a, title); ok {
			subjects = append(subjects, ranked{a.Name, n, at})
		}
	}
	sort.SliceStable(speakers, func(i, j int) bool { return speakers[i].issued > speakers[j].issued })
	sort.SliceStable(subjects, func(i, j int) bool { return subjects[i].at < subjects[j].at })
	var out []string
	for _, r := range append(speakers, subjects...) {
		if len(out) == maxActors {
			break
		}
		if !slices.Contains(out, r.name) {
			out = append(out, r.name)
		}
	}
	return out
}

// issued counts the directives an actor issues under any of its forms.
func issued(a *Actor, issuers map[string]int) int {
	if len(issuers) == 0 {
		return 0
	}
	seen := map[string]bool{}
	n := 0
	for _, f := range append([]string{a.Name}, a.Forms...) {
		if f != "" && !seen[f] {
			seen[f] = true
			n += issuers[f]
		}
	}
	return n
}

// speaker tells the official who speaks for the document: a person who
// issues one of its directives or more, is first named in the title or
// the lead paragraph, and holds an office in a body the document names
// (应急管理部部长 黄明, not 记者 邹多 of the byline nor an expert quoted
// further down).
func speaker(a *Actor, issued int, actors []Actor) bool {
	if !a.Person || issued == 0 || !inLead(a) {
		return false
	}
	for _, t := range a.Titles {
		for i := range actors {
			if b := &actors[i]; !b.Person && holdsForm(t, b) {
				return true
			}
		}
	}
	return false
}

// inLead tells an actor first named in the title or the first paragraph.
func inLead(a *Actor) bool {
	for _, m := range a.Mentions {
		if m.Paragraph <= 0 {
			return true
		}
	}
	return false
}

// holdsForm tells a title that holds one of a body's written forms.
func holdsForm(title string, b *Actor) bool {
	for _, f := range append([]string{b.Name}, b.Forms...) {
		if len([]rune(f)) >= 2 && strings.Contains(title, f) {
			return true
		}
	}
	return false
}

// titleSubject tells an actor the title names and the text names again,
// other than as the author of a formal document (the title holds
// formalCue after the name), and where (rune offset of its first mention
// in the title). A name the text writes only in its title heads it as
// the author (2025年中华人民共和国国务院政府工作报告), or is a reader's
// lead-in, not an actor the text speaks of.
func titleSubject(a *Actor, title string) (int, bool) {
	if !namedInText(a) {
		return 0, false
	}
	runes := []rune(title)
	for _, m := range a.Mentions {
		if m.Paragraph != TitleParagraph || m.End > len(runes) || m.Start < 0 || m.Start >= m.End {
			continue
		}
		if strings.Contains(string(runes[m.End:]), formalCue) {
			return 0, false
		}
		return m.Start, true
	}
	return 0, false
}

// namedInText tells an actor the text names beyond its title.
func namedInText(a *Actor) bool {
	for _, m := range a.Mentions {
		if m.Paragraph != TitleParagraph {
			return true
		}
	}
	return false
}

// yieldWindow is how many of the weakest keywords an actor may displace:
// their ranker scores are close, so the most common word among them (the
// lowest IDF: 精神, 会议) yields, not the last one (隐患 of 重大隐患).
const yieldWindow = 5

// withActors puts the central actors the keywords lack (see shownAs) in
// the last slots of top (n at most), each in place of the most common
// word (by idf) among the yieldWindow weakest keywords, with the score of
// the weakest keyword kept.
func withActors(top []Keyword, n int, central []string, counts map[string]int, idf func(string) float64) []Keyword {
	if n <= 0 {
		return top
	}
	var add []Keyword
	for _, name := range central {
		if !shownAs(top, name) {
			add = append(add, Keyword{Term: name, Count: counts[name]})
		}
	}
	for len(add) > 0 && len(top)+len(add) > n && len(top) > 0 {
		top = slices.Delete(top, commonest(top, idf), commonest(top, idf)+1)
	}
	score := 0.0
	if len(top) > 0 {
		score = top[len(top)-1].Score
	}
	for _, k := range add[:min(len(add), n)] {
		k.Score = score
		top = append(top, k)
	}
	return top
}

// commonest is the index of the keyword of lowest idf among the
// yieldWindow last of top, the later on a tie.
func commonest(top []Keyword, idf func(string) float64) int {
	best := len(top) - 1
	for i := len(top) - 1; i >= max(0, len(top)-yieldWindow); i-- {
		if idf(top[i].Term) < idf(top[best].Term) {
			best = i
		}
	}
	return best
}

// shownAs tells whether a keyword of top is the name, holds it or lies
// inside it: as distinct keeps a term out of the keywords when a better
// one holds it or lies inside it (住房 shown, 住房和城乡建设部 is not
// added; Council shown, nor is White House Council for Community
// Solutions).
func shownAs(top []Keyword, name string) bool {
	nn := strings.ToLower(fold.String(name))
	for _, k := range top {
		kn := strings.ToLower(fold.String(k.Term))
		if strings.Contains(kn, nn) || utf8fast.RuneCount(kn) >= 2 && strings.Contains(nn, kn) {
			return true
		}
	}
	return false
}

// KeywordsCentral is KeywordsOutside with the document's central actors
// (see Central) in its last slots, maxActors at most and one in
// perActorSlots keywords; issuers counts the
// document's directives by their issuer as written.
func (a *Accumulator) KeywordsCentral(n int, names []string, actors []Actor, issuers map[string]int) []Keyword {
	top := a.KeywordsOutside(n, names)
	if n <= 0 || len(actors) == 0 {
		return top
	}
	counts := make(map[string]int, len(actors))
	for _, x := range actors {
		counts[x.Name] = max(counts[x.Name], x.Count)
	}
	table := idfOf(a.lex, a.lang)
	idf := func(t string) float64 { return IDF(table, strings.ToLower(fold.String(t))) }
	central := Central(actors, issuers, a.title)
	return withActors(top, n, central[:min(len(central), n/perActorSlots)], counts, idf)
}

// ExtractCentral is Extract as the analyzer shows the keywords once the
// entities and directives are found (see KeywordsCentral).
func ExtractCentral(doc *segment.Doc, lex *lexicon.Set, n int, names []string, actors []Actor, issuers map[string]int) []Keyword {
	if n <= 0 {
		return nil
	}
	acc := NewAccumulator(lex, doc.Lang)
	acc.Add(doc)
	return acc.KeywordsCentral(n, names, actors, issuers)
}
