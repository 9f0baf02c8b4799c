package keywords

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/utf8fast"
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
	id                    int32 // the term's index in Accumulator.all
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
	quoted, head          int  // occurrences in quotes; in a heading or a point's lead clause
	topic                 int  // occurrences in a paragraph's short first sentence
}

// docView is what a term's features read beside its own counts: the
// normalized TF-IDF and TextRank scores and how it sits inside the
// document's longer candidates.
type docView struct {
	tfidf, rank float64
	nest        nesting
}

// features describes one term for the ranker.
func features(term string, s *termStat, total, sents int, v docView, table *lexicon.IDFTable, lang string) []Feature {
	c := float64(s.count)
	tfidf, rank, contained := v.tfidf, v.rank, v.nest.share
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
	fs = append(fs, corpusFeatures(term, lang)...)
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
	// a core term inside many longer ones names many an analyst's phrase
	// (财政 of 财政政策, 中央财政, 财政赤字): how many hold it, and how
	// often the text writes it, alone or inside them
	fs = append(fs, Feature{"lognested", math.Log1p(float64(v.nest.kinds))}, Feature{"logwithin", math.Log1p(v.nest.inside + c)})
	if s.quoted > 0 {
		fs = append(fs, Feature{lang + ":quoted", 1})
	}
	if s.head > 0 {
		fs = append(fs, Feature{lang + ":head", 1}, Feature{lang + ":loghead", math.Log1p(float64(s.head))})
	}
	if s.topic > 0 {
		fs = append(fs, Feature{lang + ":topic", 1}, Feature{lang + ":logtopic", math.Log1p(float64(s.topic))})
	}
	fs = append(fs, headFeatures(term, lang)...)
	if lang == "en" && hasUpper(term) {
		fs = append(fs, Feature{"en:acronym", 1})
	}
	if lang == "en" {
		fs = append(fs, englishShape(term)...)
	}
	return byLength(fs, total)
}

// headFeatures name the head of a term, where a compound keeps its kind:
// the last character of a Chinese term (…化, …制), and the last two of one
// of four characters or more (…改革, …制度), the last word of an English one (…Council, …Act). They
// are learned from the labels like the rest, and generalize across
// documents as words would not.
func headFeatures(term, lang string) []Feature {
	if lang == "en" {
		w := strings.Fields(strings.ToLower(term))
		if len(w) == 0 {
			return nil
		}
		return []Feature{{"en:lastw=" + w[len(w)-1], 1}}
	}
	r := []rune(term)
	if len(r) == 0 {
		return nil
	}
	fs := []Feature{{lang + ":lastc=" + string(r[len(r)-1]), 1}}
	if len(r) >= 4 { // of a three-character term, the last two are most of the word
		fs = append(fs, Feature{lang + ":last2=" + string(r[len(r)-2:]), 1})
	}
	return fs
}

// corpusFeatures tell in how many documents of the reference corpus a
// term is a candidate (candidate_df.tsv), which the token IDF cannot say
// of a merged phrase: set forth and 直辖市人民政府, in most orders and
// notices, were as rare by that IDF as the rarest word.
func corpusFeatures(term, lang string) []Feature {
	cdf, err := builtinCDF()
	if err != nil {
		return nil
	}
	df := float64(cdf.df[lang][term])
	return []Feature{{"logdf", math.Log1p(df) / math.Log1p(float64(max(cdf.n[lang], 1)))}}
}

// lengthCrossed are the features whose weight a document's length
// changes: a work report or a law of thousands of words spreads its
// keywords otherwise than a news item of a few hundred.
// (feature → its crossed name, built once rather than per candidate)
var lengthCrossed = map[string]string{"tfidf": "L*tfidf", "textrank": "L*textrank", "logcount": "L*logcount", "idf": "L*idf", "spread": "L*spread",
	"logsents": "L*logsents", "logdf": "L*logdf", "first": "L*first", "logwithin": "L*logwithin"}

// byLength adds to fs the crossed features times the log of the
// document's length (total candidates' occurrences), and that log.
func byLength(fs []Feature, total int) []Feature {
	l := math.Log1p(float64(total)) / 10
	for _, f := range fs {
		if name, ok := lengthCrossed[f.Name]; ok {
			fs = append(fs, Feature{name, f.Value * l})
		}
	}
	return append(fs, Feature{"L", l})
}

// englishShape tells the ending of an English term's first and last words
// (voluntary, required, otherwise): with no tagger for English, the
// ending is the best sign of an adjective, a participle or an adverb, which
// analysts seldom name alone.
func englishShape(term string) []Feature {
	words := strings.Fields(term)
	if len(words) == 0 {
		return nil
	}
	fs := []Feature{{"en:last=" + ending(words[len(words)-1]), 1}}
	if len(words) > 1 {
		fs = append(fs, Feature{"en:first=" + ending(words[0]), 1})
	}
	return fs
}

// englishEndings are the word endings englishShape tells apart, longest first.
var englishEndings = []string{"ing", "ed", "ly", "ive", "ous", "able", "ible", "al", "ary", "ion", "ment", "ity", "er", "or", "ise", "ize", "s"}

func ending(w string) string {
	w = strings.ToLower(w)
	for _, e := range englishEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return e
		}
	}
	return "other"
}

func lengthBucket(term, lang string) string {
	n := utf8fast.RuneCount(term)
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

// nesting is how a term sits inside the document's longer candidates.
type nesting struct {
	share  float64 // the share of its occurrences inside a longer candidate, at most 1
	inside float64 // the occurrences of longer candidates that hold it
	kinds  int     // how many longer candidates hold it
}

// nestings tells, for each term of a short list, how it lies inside the
// longer candidates of the document: 保障性 inside 保障性租赁住房 each time
// is a half-phrase; 财政 inside 财政政策, 中央财政 and 财政赤字 is a core
// term that names many of them.
func nestings(terms []string, st map[string]*termStat, all []string, lang string) map[string]nesting {
	out := make(map[string]nesting, len(terms))
	holding := withRune(terms, all)
	for _, t := range terms {
		var n nesting
		for _, i := range holdersOf(t, holding, len(all)) { // in the order of all, as the sums were
			if o := all[i]; len(o) > len(t) && containsTerm(o, t, lang) {
				n.inside += float64(st[o].count)
				n.kinds++
			}
		}
		n.share = math.Min(1, n.inside/float64(st[t].count))
		out[t] = n
	}
	return out
}

// withRune lists, for the first character of each term, the candidates
// of all that hold it, in order: a term lies only inside those, and
// testing every candidate of a document for each term of the shortlist was
// most of the ranking's features. (A valid term's first rune is one of the
// runes ranging over a string that holds it gives: decoding never runs
// over a lead byte.)
func withRune(terms, all []string) map[rune][]int32 {
	firsts := make(map[rune][]int32, len(terms))
	for _, t := range terms {
		r, _ := utf8fast.DecodeRune(t)
		firsts[r] = nil
	}
	for i, o := range all {
		for _, r := range o {
			if list, ok := firsts[r]; ok && (len(list) == 0 || list[len(list)-1] != int32(i)) {
				firsts[r] = append(list, int32(i))
			}
		}
	}
	return firsts
}

// holdersOf is the candidates that may hold t: those with its first rune,
// or all n of them for a term that is not valid UTF-8 (an invalid byte
// may end a longer rune of the candidate that holds it).
func holdersOf(t string, holding map[rune][]int32, n int) []int32 {
	if utf8.ValidString(t) {
		r, _ := utf8fast.DecodeRune(t)
		return holding[r]
	}
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	return all
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
