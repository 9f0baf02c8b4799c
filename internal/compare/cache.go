package compare

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/policylens/policylens/analyze"
)

// prepared is what the Comparer derives from one document: the sides of
// its directives and the counts of its content words. Both come from
// segmenting its paragraphs once, the costly step, so each document is
// prepared once.
type prepared struct {
	sides  []*side
	counts termCounts
}

// docOf returns the prepared form of a document, preparing it if needed.
func (c *Comparer) docOf(a *analyze.Analysis) *prepared {
	if p, ok := c.cache[a]; ok {
		return p
	}
	c.warm([]*analyze.Analysis{a})
	return c.cache[a]
}

// warm prepares the documents not yet cached, one per processor at a time:
// a period of 50 news items is segmented on every core. Options.Terms and
// Options.IDF must be safe for concurrent use (the Analyzer's are).
func (c *Comparer) warm(docs []*analyze.Analysis) {
	var todo []*analyze.Analysis
	seen := map[*analyze.Analysis]bool{}
	for _, a := range docs {
		if _, ok := c.cache[a]; !ok && !seen[a] {
			todo = append(todo, a)
			seen[a] = true
		}
	}
	out := make([]*prepared, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.prepareDoc(todo[i])
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, a := range todo {
		c.cache[a] = out[i]
	}
}

// prepareDoc segments a document's paragraphs once, or takes the content
// words the analysis kept (analyze.WithParagraphTerms): their content words
// are counted (keyness) and each directive takes the words of its span
// (directives are spans of their paragraph), so that no directive is
// segmented again. A directive outside the paragraphs (the title) is
// segmented by itself.
func (c *Comparer) prepareDoc(a *analyze.Analysis) *prepared {
	lang := a.Document.Language
	iw := newIDFMemo(&c.o, lang)
	p := &prepared{sides: make([]*side, len(a.Directives)), counts: termCounts{m: map[string]int{}}}
	byPara := map[int][]int{}
	for i, d := range a.Directives {
		byPara[d.Paragraph] = append(byPara[d.Paragraph], i)
	}
	var toks []token
	for pi, para := range a.Document.Paragraphs {
		words, ok := a.ParagraphTerms(pi)
		if !ok {
			words = c.o.Terms(lang, para)
		}
		for _, t := range words {
			p.counts.m[t]++
		}
		p.counts.n += len(words)
		if len(byPara[pi]) == 0 {
			continue
		}
		toks = locate(toks[:0], para, words, lang == "en")
		for _, i := range byPara[pi] {
			d := &a.Directives[i]
			p.sides[i] = c.prepare(d, a.Document.ID, iw, wordsIn(toks, para, d))
		}
	}
	for i := range a.Directives {
		if p.sides[i] == nil {
			p.sides[i] = c.prepare(&a.Directives[i], a.Document.ID, iw, nil)
		}
	}
	a.DropParagraphTerms()
	return p
}

// token is a content word with its byte offset in its paragraph.
type token struct {
	text string
	at   int
}

// locate finds the byte offset of each word in the paragraph: the words
// come in text order (stop words left out), so each is searched from
// where the one before ended. A word not found (never expected) is left
// out.
func locate(buf []token, para string, words []string, lower bool) []token {
	if lower {
		para = asciiLower(para)
	}
	from := 0
	for _, w := range words {
		i := indexFrom(para, w, from)
		if i < 0 {
			continue
		}
		buf = append(buf, token{w, i})
		from = i + len(w)
	}
	return buf
}

func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// wordsIn returns the words inside a directive's rune span, without its
// force markers (要, 必须: they say how strongly, not what). Never nil.
func wordsIn(toks []token, para string, d *analyze.Directive) []string {
	lo, hi := byteOffset(para, d.Start), byteOffset(para, d.End)
	out := []string{}
	for _, t := range toks {
		if t.at >= lo && t.at+len(t.text) <= hi && !slices.Contains(d.Markers, t.text) {
			out = append(out, t.text)
		}
	}
	return out
}

// byteOffset converts a rune offset in s to a byte offset.
func byteOffset(s string, runes int) int {
	n := 0
	for i := range s {
		if n == runes {
			return i
		}
		n++
	}
	return len(s)
}

// countsOf returns a document's content-word counts.
func (c *Comparer) countsOf(a *analyze.Analysis) termCounts {
	return c.docOf(a).counts
}

// keepOnly forgets every prepared document outside the given periods:
// periods are compared one after the other, so the memory held is that
// of two periods, never of the corpus.
func (c *Comparer) keepOnly(ps ...Period) {
	keep := map[*analyze.Analysis]bool{}
	for _, p := range ps {
		for _, d := range p.Docs {
			keep[d] = true
		}
	}
	for a := range c.cache {
		if !keep[a] {
			delete(c.cache, a)
		}
	}
}
