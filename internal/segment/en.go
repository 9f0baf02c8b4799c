package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
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

func (m *englishModels) load(abbrevs []string) error {
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
		m.sentence, err = sentenceModel(abbrevs)
		if err != nil {
			m.err = fmt.Errorf("load English sentence model: %w", err)
		}
	})
	return m.err
}

// sentenceModel is punkt's English model with the lexicon's abbreviations
// (abbreviations.en.txt) added: it knows Mr. and No., not the Pub. L.,
// Sec. or et seq. of legal citations, and split sentences there.
func sentenceModel(abbrevs []string) (*sentences.DefaultSentenceTokenizer, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, a := range abbrevs {
		training.AbbrevTypes.Add(a)
	}
	return english.NewSentenceTokenizer(training)
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
func (m *englishModels) splitEn(text string, runes []rune, stop map[string]bool) []Sentence {
	var out []Sentence
	byteToRune := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	for _, s := range goesOn(text, m.sentence.Tokenize(text), stop) {
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

// goesOn joins to the sentence before it a sentence that cannot start one:
// punkt ends a sentence at an abbreviation before a closing bracket
// (5 U.S.C. App.) | (the “Act”), may apply…), and a sentence does not open
// in lower case, nor with a bracket around a lower-case word that is no
// list mark ((the “Act”) goes on, (b) and (ii) open items). After U.S. a
// capitalized word goes on with the name (U.S. | Postal Service) unless
// it is a stop word, which opens a sentence (the U.S. | The Secretary…).
func goesOn(text string, ss []*sentences.Sentence, stop map[string]bool) []*sentences.Sentence {
	out := ss[:0]
	for _, s := range ss {
		if len(out) > 0 && s.Start >= 0 && s.Start <= s.End && s.End <= len(text) && out[len(out)-1].End <= len(text) &&
			(continuesSentence(strings.TrimLeft(text[s.Start:s.End], " \t")) ||
				namesGoOn(text[:out[len(out)-1].End], strings.TrimLeft(text[s.Start:s.End], " \t"), stop)) {
			out[len(out)-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

func continuesSentence(t string) bool {
	if t == "" {
		return false
	}
	if c := t[0]; c >= 'a' && c <= 'z' {
		return true
	}
	if t[0] != '(' {
		return false
	}
	n := 1
	for n < len(t) && t[n] >= 'a' && t[n] <= 'z' {
		n++
	}
	return n > 2 && n < len(t) && t[n] != ')' // (the …, not (ii)
}

// namesGoOn reports a sentence cut after U.S. in the middle of a name.
func namesGoOn(before, next string, stop map[string]bool) bool {
	if !strings.HasSuffix(strings.TrimRight(before, " "), "U.S.") || next == "" || next[0] < 'A' || next[0] > 'Z' {
		return false
	}
	w, _, _ := strings.Cut(next, " ")
	return !stop[strings.ToLower(strings.TrimRight(w, ",;:"))]
}
