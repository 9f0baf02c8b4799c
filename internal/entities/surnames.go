package entities

import (
	"unicode/utf8"

	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// surnameRunes tells, from two bitmaps over the Basic Multilingual Plane,
// whether a character is a surname by itself and whether a longer surname
// starts with it: persons and NameSpans ask it of every character of a
// text, where making a string of each and hashing it cost more than the
// rest of their tests. Built per extractor from the lexicon's surnames
// (a few hundred), in microseconds.
type surnameRunes struct {
	one, first [1 << 16 / 64]uint64
}

func newSurnameRunes(surnames map[string]bool) *surnameRunes {
	s := &surnameRunes{}
	for k, ok := range surnames {
		r, size := utf8.DecodeRuneInString(k)
		if !ok || r == utf8.RuneError || r > 0xFFFF {
			continue // at cannot tell these: the text is looked up
		}
		if size == len(k) {
			s.one[r>>6] |= 1 << (r & 63)
		} else {
			s.first[r>>6] |= 1 << (r & 63)
		}
	}
	return s
}

// at says whether the string of r alone is a surname (one) and whether a
// longer surname starts with it (longer); ok is false where the bitmaps
// cannot tell: a rune beyond the Plane, or U+FFFD, which may stand for an
// invalid byte whose text is not its encoding.
func (s *surnameRunes) at(r rune) (one, longer, ok bool) {
	if r < 0 || r > 0xFFFF || r == utf8.RuneError {
		return false, false, false
	}
	bit := uint64(1) << (r & 63)
	return s.one[r>>6]&bit != 0, s.first[r>>6]&bit != 0, true
}

// surnameTable is the extractor's surnameRunes, built on first use.
func (x *extractor) surnameTable() *surnameRunes {
	if x.surnames == nil {
		x.surnames = newSurnameRunes(x.lex.Surnames)
	}
	return x.surnames
}

// surnameStarts tells whether a surname of one or two characters starts
// at rune n of the indexed paragraph (its runes), as its text looked up
// in the lexicon's surnames tells.
func (x *extractor) surnameStarts(runes []rune, n int) bool {
	one, longer, ok := x.surnameTable().at(runes[n])
	if !ok {
		return x.lex.Surnames[x.sub(n, n+1)] || n+1 < len(runes) && x.lex.Surnames[x.sub(n, n+2)]
	}
	return one || longer && n+1 < len(runes) && x.lex.Surnames[x.sub(n, n+2)]
}

// isSurname is surnames[string(rs)] for one or two runes, asked of the
// table first.
func (s *surnameRunes) isSurname(surnames map[string]bool, rs []rune) bool {
	if len(rs) == 1 || len(rs) == 2 {
		if one, longer, ok := s.at(rs[0]); ok && (len(rs) == 1 || !longer) {
			return len(rs) == 1 && one
		}
	}
	return surnames[string(rs)]
}

// modelNameSpans is NameSpans with the extractor's surname table.
func (x *extractor) modelNameSpans(p *segment.Paragraph) []Span {
	s, surnames := x.surnameTable(), x.lex.Surnames
	return nameSpans(p, func(rs []rune) bool { return s.isSurname(surnames, rs) })
}

// suffixSet tells from a bitmap of their last characters whether any of a
// list of suffixes may end a word: companies and endsWithSuffix ask it of
// most words, where trying every suffix (21 and 110 of them) cost more
// than the rest of their tests.
type suffixSet struct {
	last [1 << 16 / 64]uint64
	all  bool // a suffix the bitmap cannot hold: every word may match
}

func newSuffixSet(suffixes []string) *suffixSet {
	s := &suffixSet{}
	for _, f := range suffixes {
		r, _ := utf8.DecodeLastRuneInString(f)
		if r == utf8.RuneError || r > 0xFFFF {
			s.all = true // "" or invalid or beyond the Plane
			continue
		}
		s.last[r>>6] |= 1 << (r & 63)
	}
	return s
}

// may is false when no suffix of the set ends w: a word that ends with a
// suffix ends with the suffix's last character.
func (s *suffixSet) may(w string) bool {
	r, _ := utf8fast.DecodeLastRune(w)
	if s.all || r == utf8.RuneError || r > 0xFFFF {
		return true
	}
	return s.last[r>>6]&(1<<(r&63)) != 0
}

// freeSuffixSet and orgSuffixSet are the extractor's suffixSets of the
// lexicon's FreeOrgSuffix and OrgSuffix, built on first use.
func (x *extractor) freeSuffixSet() *suffixSet {
	if x.freeSuf == nil {
		x.freeSuf = newSuffixSet(x.lex.FreeOrgSuffix)
	}
	return x.freeSuf
}

func (x *extractor) orgSuffixSet() *suffixSet {
	if x.orgSuf == nil {
		x.orgSuf = newSuffixSet(x.lex.OrgSuffix)
	}
	return x.orgSuf
}
