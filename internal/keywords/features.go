package keywords

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

// Feature is one named value the ranker weighs; categorical features
// (pos=n, len=3) have the value 1.
type Feature struct {
	Name  string
	Value float64
}

// Scored is a keyword candidate with its features, as the ranker and its
// trainer see it.
type Scored struct {
	Term     string
	Count    int
	Unit     bool // a named unit: a law, body, place or person
	Features []Feature
}

// termStat gathers what the occurrences of one term say.
type termStat struct {
	count, first          int
	title                 bool
	glued, number, follow int // occurrences glued to a lone character, after a number, before a joinable noun
	pos                   string
	parts                 int
	lastOne               bool
	capital               int  // English: occurrences written with a capital
	sents, lastSent       int  // sentences that hold the term; the last of them
	last                  int  // position of the last occurrence
	lc, rc                rune // the neighbouring characters of the first occurrence (see cand)
	sameL, sameR          int  // occurrences with the same neighbours
	afterWord             int  // occurrences written right after a word of substance or a number (城西|派出所)
}

// features describes one term for the ranker. base holds the normalized
// TF-IDF and TextRank scores; contained is the share of its occurrences
// inside a longer candidate.
func features(term string, s *termStat, total, sents int, tfidf, rank float64, table *lexicon.IDFTable, contained float64, lang string) []Feature {
	c := float64(s.count)
	idf, known := table.Get(term)
	if !known {
		idf = table.Max()
	}
	fs := []Feature{
		{"bias", 1},
		{"tfidf", tfidf},
		{"textrank", rank},
		{"logcount", math.Log1p(c)},
		{"idf", idf / table.Max()},
		{"spread", float64(s.sents) / float64(max(sents, 1))},
		{"logsents", math.Log1p(float64(s.sents))},
		{"span", float64(s.last-s.first) / float64(max(total, 1))},
		{"first", float64(s.first) / float64(max(total, 1))},
		{"glued", float64(s.glued) / c},
		{"number", float64(s.number) / c},
		{"follow", float64(s.follow) / c},
		{"contained", contained},
		{"lang=" + lang, 1},
		{lang + ":pos=" + s.pos, 1},
		{lang + ":parts=" + strconv.Itoa(min(s.parts, 3)), 1},
		{lang + ":len=" + lengthBucket(term, lang), 1},
	}
	if s.title {
		fs = append(fs, Feature{"title", 1})
	}
	if s.first*20 < total {
		fs = append(fs, Feature{"early", 1})
	}
	if s.lastOne {
		fs = append(fs, Feature{lang + ":lastone", 1})
	}
	if s.glued == s.count {
		fs = append(fs, Feature{"always-glued", 1})
	}
	if !known {
		fs = append(fs, Feature{lang + ":unseen", 1})
	}
	if s.count == 1 {
		fs = append(fs, Feature{"once", 1})
	}
	if lang == "en" && hasUpper(term) {
		fs = append(fs, Feature{"en:acronym", 1})
	}
	return fs
}

func lengthBucket(term, lang string) string {
	n := utf8.RuneCountInString(term)
	if lang == "en" {
		n = len(strings.Fields(term))
		return strconv.Itoa(min(n, 3))
	}
	switch {
	case n <= 4:
		return strconv.Itoa(n)
	case n <= 6:
		return "5-6"
	}
	return "7+"
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// containedShares tells, for each term of a short list, the share of its
// occurrences that lie inside a longer candidate of the document (保障性
// inside 保障性租赁住房): a half-phrase when the share is high.
func containedShares(terms []string, st map[string]*termStat, all []string, lang string) map[string]float64 {
	out := make(map[string]float64, len(terms))
	for _, t := range terms {
		inside := 0
		for _, o := range all {
			if len(o) > len(t) && containsTerm(o, t, lang) {
				inside += st[o].count
			}
		}
		out[t] = math.Min(1, float64(inside)/float64(st[t].count))
	}
	return out
}

// containsTerm tells a term inside a longer one: English by whole words.
func containsTerm(long, short, lang string) bool {
	if lang == "en" {
		return strings.Contains(" "+long+" ", " "+short+" ")
	}
	return strings.Contains(long, short)
}

// idfOf is a term's IDF from the language's table.
func idfOf(lex *lexicon.Set, lang string) *lexicon.IDFTable {
	if lang == "en" {
		return lex.IDFen
	}
	return lex.IDF
}
