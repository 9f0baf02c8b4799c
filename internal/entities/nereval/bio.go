// Package nereval scores the entity extractor on a public character-level
// NER corpus (BIO tags, PER/ORG/LOC), mention by mention.
package nereval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/policylens/policylens/internal/entities"
)

// NERSentence is one sentence of a character-level BIO corpus (the People's
// Daily and MSRA NER sets): its text and its gold mentions.
type NERSentence struct {
	Text  string
	Spans []NERSpan
}

// NERSpan is a gold or predicted mention in rune offsets, typed PER, ORG
// or LOC.
type NERSpan struct {
	Type       string
	Start, End int
}

// ReadBIO parses a BIO corpus: one "character TAG" pair a line (space or
// TAB between), a blank line between sentences. It names the line of the
// first malformed row.
func ReadBIO(r io.Reader) ([]NERSentence, error) {
	var out []NERSentence
	var text []rune
	var tags []string
	flush := func() {
		if len(text) > 0 {
			out = append(out, NERSentence{Text: string(text), Spans: bioSpans(tags)})
		}
		text, tags = text[:0], tags[:0]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		row := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(row) == "" {
			flush()
			continue
		}
		f := strings.Fields(row)
		ch := []rune(f[0])
		if len(f) != 2 || len(ch) != 1 || !validTag(f[1]) {
			return nil, fmt.Errorf("line %d: want one character and a BIO tag, got %q", line, row)
		}
		text = append(text, ch[0])
		tags = append(tags, f[1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading BIO: %w", err)
	}
	flush()
	return out, nil
}

func validTag(t string) bool {
	return t == "O" || (len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-')
}

// bioSpans turns tags into mentions; an I- tag without its B- opens one,
// as conlleval reads it.
func bioSpans(tags []string) []NERSpan {
	var out []NERSpan
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, NERSpan{Type: typ, Start: open, End: i})
		}
		open = -1
	}
	for i, t := range tags {
		switch {
		case t == "O":
			closeAt(i)
		case t[0] == 'B' || t[2:] != typ || open < 0:
			closeAt(i)
			open, typ = i, t[2:]
		}
	}
	closeAt(len(tags))
	return out
}

// nerType maps our entity types onto the three NER classes.
func nerType(t string) (string, bool) {
	switch t {
	case "person":
		return "PER", true
	case "organization":
		return "ORG", true
	case "location":
		return "LOC", true
	}
	return "", false
}

// mentions lists the mentions of paragraph para as NER spans.
func mentions(es []entities.Entity, para int) []NERSpan {
	var out []NERSpan
	for _, e := range es {
		ty, ok := nerType(e.Type)
		if !ok {
			continue
		}
		for _, m := range e.Mentions {
			if m.Paragraph == para {
				out = append(out, NERSpan{Type: ty, Start: m.Start, End: m.End})
			}
		}
	}
	return out
}
