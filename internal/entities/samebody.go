package entities

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

// A Chinese text names one body in several forms: qualified by more places
// or fewer (内蒙古呼和浩特市公安局, 呼和浩特市公安局, 呼和浩特公安局, 市公安局),
// with a place written short (内蒙古高级人民法院 for 内蒙古自治区高级人民法院),
// or without the bodies it belongs to (新城区公安分局 for
// 呼和浩特市公安局新城区公安分局). ANNOTATION.md counts one entity per thing,
// the fullest form its text, so sameBodies folds each shorter form into the
// one longer body it can only mean; a form that fits two bodies (市公安局
// beside 北京市公安局 and 上海市公安局) stays as it is.
func sameBodies(es []Entity, lex *lexicon.Set) []Entity {
	var orgs []int
	for i, e := range es {
		if e.Type == "organization" {
			orgs = append(orgs, i)
		}
	}
	if len(orgs) < 2 {
		return es
	}
	sort.SliceStable(orgs, func(a, b int) bool {
		return utf8.RuneCountInString(es[orgs[a]].Text) > utf8.RuneCountInString(es[orgs[b]].Text)
	})
	into := map[int]int{} // folded entity → the entity it joins
	for k, s := range orgs {
		target := -1
		for _, l := range orgs[:k] {
			if _, gone := into[l]; gone || !sameBody(es[s], es[l], lex) {
				continue
			}
			if target >= 0 {
				target = -2 // two bodies fit: leave it
				break
			}
			target = l
		}
		if target >= 0 {
			into[s] = target
			join(&es[target], es[s])
		}
	}
	if len(into) == 0 {
		return es
	}
	out := es[:0]
	for i, e := range es {
		if _, gone := into[i]; !gone {
			out = append(out, e)
		}
	}
	return out
}

// sameBody says that short names the body long (by its text or an alias):
// it is the end of one of long's forms and starts with a place or a level
// word (呼伦贝尔市中级人民法院 of 内蒙古自治区呼伦贝尔市中级人民法院) or long
// only adds its term (第十三届全国人民代表大会), or both
// come to the same body once their leading places are read as canonical
// places (内蒙古高级人民法院, 内蒙古自治区高级人民法院).
func sameBody(short, long Entity, lex *lexicon.Set) bool {
	for _, sf := range []string{short.Text, short.Normalized} {
		if sameForm(sf, long, lex) {
			return true
		}
	}
	return false
}

func sameForm(short string, long Entity, lex *lexicon.Set) bool {
	if utf8.RuneCountInString(short) < 4 {
		return false
	}
	sp, sc := leadingPlaces(short, lex)
	for _, f := range append([]string{long.Text, long.Normalized}, long.Aliases...) {
		if len(f) <= len(short) {
			continue
		}
		if strings.HasSuffix(f, short) && (len(sp) > 0 || levelWord(short) || reTerm.MatchString(f[:len(f)-len(short)])) {
			return true
		}
		lp, lc := leadingPlaces(f, lex)
		if sc != "" && sc == lc && len(sp) > 0 && subset(sp, lp) {
			return true
		}
	}
	return false
}

// reTerm is a numbered term of a body (第十三届).
var reTerm = regexp.MustCompile(`^第[一二三四五六七八九十百零〇0-9]+届$`)

// leadingPlaces reads the places a name starts with, as canonical names,
// and returns them with the rest of the name.
func leadingPlaces(s string, lex *lexicon.Set) ([]string, string) {
	var places []string
	for s != "" {
		n, v := lex.Surface.Longest(s)
		if n == 0 || n == len(s) {
			break
		}
		canon := ""
		for _, ei := range lex.Groups[v] {
			if e := lex.Entries[ei]; e.Type == lexicon.Location {
				canon = e.Canonical
				break
			}
		}
		if canon == "" {
			break
		}
		places = append(places, canon)
		s = s[n:]
	}
	return places, s
}

// levelWord is a body named by its level alone (市公安局, 省监狱管理局), which
// stands for the document's own city or province.
func levelWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("省市县区", r)
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// join adds the mentions and forms of s to e; e's text, the fuller form,
// stays the entity's text, and a lexicon's canonical name of s becomes its
// normalized form if it had none (第十三届全国人民代表大会 with 全国人大:
// 全国人民代表大会).
func join(e *Entity, s Entity) {
	if e.Normalized == e.Text && s.Normalized != s.Text {
		e.Normalized = s.Normalized // the lexicon's canonical name
	}
	e.Count += s.Count
	e.Mentions = append(e.Mentions, s.Mentions...)
	sort.SliceStable(e.Mentions, func(i, j int) bool {
		a, b := e.Mentions[i], e.Mentions[j]
		if a.Paragraph != b.Paragraph {
			return a.Paragraph < b.Paragraph
		}
		return a.Start < b.Start
	})
	for _, f := range append([]string{s.Text}, s.Aliases...) {
		if f != e.Text && !slices.Contains(e.Aliases, f) {
			e.Aliases = append(e.Aliases, f)
		}
	}
	for _, t := range s.Titles {
		if !slices.Contains(e.Titles, t) {
			e.Titles = append(e.Titles, t)
		}
	}
}
