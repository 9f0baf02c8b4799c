package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// english holds prose's tagger model and the punkt sentence model, each
// built once: prose would otherwise rebuild both for every document.
type englishModels struct {
	once     sync.Once
	model    *prose.Model
	sentence *sentences.DefaultSentenceTokenizer
	err      error
}

func (m *englishModels) load() error {
	m.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				m.err = fmt.Errorf("load English models: %v", r)
			}
		}()
		doc, err := prose.NewDocument("Build the model.", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			m.err = fmt.Errorf("load English tagger: %w", err)
			return
		}
		m.model = doc.Model
		m.sentence, err = english.NewSentenceTokenizer(nil)
		if err != nil {
			m.err = fmt.Errorf("load English sentence model: %w", err)
		}
	})
	return m.err
}

// cutEn tokenizes and tags one English paragraph; prose gives no offsets,
// so each token is found in the text after the previous one.
func (m *englishModels) cutEn(text string, runes []rune, tag bool) (toks []Token) {
	defer func() {
		if r := recover(); r != nil { // prose panics on some inputs: fall back to plain words
			toks = plainWords(runes)
		}
	}()
	if longestWord(runes) > maxWordRunes {
		return plainWords(runes) // prose splits a long word a character at a time: quadratic
	}
	doc, err := prose.NewDocument(text, prose.UsingModel(m.model), prose.WithSegmentation(false),
		prose.WithExtraction(false), prose.WithTagging(tag))
	if err != nil {
		return plainWords(runes)
	}
	byteAt, runeAt := 0, 0
	for _, t := range doc.Tokens() {
		i := strings.Index(text[byteAt:], t.Text)
		if i < 0 {
			continue
		}
		runeAt += utf8.RuneCountInString(text[byteAt : byteAt+i])
		n := utf8.RuneCountInString(t.Text)
		toks = append(toks, Token{Text: t.Text, Start: runeAt, End: runeAt + n, POS: t.Tag})
		runeAt += n
		byteAt += i + len(t.Text)
	}
	return toks
}

// maxWordRunes bounds what prose's tokenizer is given as one word. It
// splits punctuation off a word one character at a time, copying the rest,
// so a 10,000-character "word" (a line of commas) took seconds; real words,
// numbers and even URLs are far shorter.
const maxWordRunes = 200

// longestWord is the length of the longest run without a space.
func longestWord(runes []rune) int {
	best, n := 0, 0
	for _, r := range runes {
		if isSpace(r) {
			n = 0
			continue
		}
		n++
		best = max(best, n)
	}
	return best
}

// plainWords splits at non-letters: the fallback when prose fails.
func plainWords(runes []rune) []Token {
	var toks []Token
	for i := 0; i < len(runes); {
		if isSpace(runes[i]) {
			i++
			continue
		}
		j := i + 1
		if isAlnum(runes[i]) {
			for j < len(runes) && isAlnum(runes[j]) {
				j++
			}
		}
		toks = append(toks, Token{Text: string(runes[i:j]), Start: i, End: j})
		i = j
	}
	return toks
}

// splitEn splits an English paragraph into sentences with the punkt model
// and each sentence into clauses at semicolons.
func (m *englishModels) splitEn(text string, runes []rune) []Sentence {
	var out []Sentence
	byteToRune := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	for _, s := range m.sentence.Tokenize(text) {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		st, en := trimSpan(runes, byteToRune(s.Start), byteToRune(s.End))
		if en <= st {
			continue
		}
		sent := Sentence{Span: Span{st, en}}
		cs := st
		for i := st; i < en; i++ {
			if runes[i] == ';' {
				if a, b := trimSpan(runes, cs, i); b > a {
					sent.Clauses = append(sent.Clauses, Clause{Span{a, b}, ';'})
				}
				cs = i + 1
			}
		}
		if a, b := trimSpan(runes, cs, en); b > a {
			sent.Clauses = append(sent.Clauses, Clause{Span{a, b}, 0})
		}
		out = append(out, sent)
	}
	return out
}
