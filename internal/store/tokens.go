package store

import (
	"strings"
	"unicode"
)

// Full-text search sees text as tokens that FTS5's unicode61 tokenizer
// keeps whole: a run of Chinese (Han, kana, Hangul) characters becomes its
// overlapping pairs (安全生产 → 安全 全生 生产), other letters and digits
// stay words, lower-cased. A query becomes the phrase of its own tokens,
// so any substring of two or more Chinese characters finds every text
// that contains it, with BM25 ranking, which FTS5's trigram tokenizer
// cannot do for two-character words like 严禁.

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// tokens splits text into search tokens, folded as the full-text
// tables' are (fold.go).
func tokens(text string) []string {
	out := rawTokens(text)
	for i, t := range out {
		out[i] = foldString(t)
	}
	return out
}

// rawTokens splits text into search tokens.
func rawTokens(text string) []string {
	var out []string
	var run []rune  // the current CJK run
	var word []rune // the current Latin word
	flushRun := func() {
		switch {
		case len(run) == 1:
			out = append(out, string(run))
		case len(run) > 1:
			for i := 0; i+1 < len(run); i++ {
				out = append(out, string(run[i:i+2]))
			}
		}
		run = run[:0]
	}
	flushWord := func() {
		if len(word) > 0 {
			out = append(out, strings.ToLower(string(word)))
			word = word[:0]
		}
	}
	for _, r := range text {
		switch {
		case isCJK(r):
			flushWord()
			run = append(run, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushRun()
			word = append(word, r)
		default:
			flushRun()
			flushWord()
		}
	}
	flushRun()
	flushWord()
	return out
}

// tokenText is the text FTS5 indexes: the tokens separated by spaces,
// strings.Join(tokens(text), " ") written as they are found (an index
// tokenizes every document and directive: the slices of tokens cost a
// third of it).
func tokenText(text string) string {
	var b strings.Builder
	b.Grow(2 * len(text))
	sep := func() {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
	}
	var prev rune // the last rune of the current CJK run
	run := 0      // its length
	word := -1    // where the current Latin word starts, or -1
	endRun := func() {
		if run == 1 {
			sep()
			writeFolded(&b, prev)
		}
		run = 0
	}
	endWord := func(at int) {
		if word >= 0 {
			sep()
			writeFoldedString(&b, strings.ToLower(text[word:at]))
			word = -1
		}
	}
	for i, r := range text {
		switch {
		case isCJK(r):
			endWord(i)
			if run > 0 {
				sep()
				writeFolded(&b, prev)
				writeFolded(&b, r)
			}
			prev, run = r, run+1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			endRun()
			if word < 0 {
				word = i
			}
		default:
			endRun()
			endWord(i)
		}
	}
	endRun()
	endWord(len(text))
	return b.String()
}

// matchExpr turns a user's query into an FTS5 expression: each
// space-separated term is a quoted phrase of its tokens, all terms must
// match. It returns "" when the query has no searchable term. Quoting
// every token leaves no FTS5 syntax to the user, so no query is an error.
func matchExpr(query string) string {
	var terms []string
	for _, term := range strings.Fields(query) {
		toks := tokens(term)
		if len(toks) == 0 {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(strings.Join(toks, " "), `"`, `""`)+`"`)
	}
	return strings.Join(terms, " AND ")
}

// searchTerms are the query's terms as they appear in text, for snippets.
func searchTerms(query string) []string {
	var out []string
	for _, t := range strings.Fields(query) {
		if len(tokens(t)) > 0 {
			out = append(out, t)
		}
	}
	return out
}
