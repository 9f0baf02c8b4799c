package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// snippetRunes is how much context a snippet shows on each side of a match.
const snippetRunes = 30

// snippetIn is the snippet of one paragraph, if it holds a term (any
// paragraph does when there are no terms).
func snippetIn(p string, terms []string) (string, bool) {
	if len(terms) == 0 {
		end := forwardBytes(p, 2*snippetRunes)
		if end < len(p) {
			return p[:end] + "…", true
		}
		return p, true
	}
	at, term := firstMatch(p, terms)
	if at < 0 {
		return "", false
	}
	start := backRunes(p, at, snippetRunes)
	end := min(len(p), at+len(term)+forwardBytes(p[at+len(term):], snippetRunes))
	s := mark(p[start:end], terms)
	if start > 0 {
		s = "…" + s
	}
	if end < len(p) {
		s += "…"
	}
	return s, true
}

// packedSnippet finds the first of the packed paragraphs that holds one
// of the terms and returns the text around the first match, every match
// marked « », and the paragraph's index; without terms, the start of the
// first paragraph. It decodes the paragraphs only up to the one it shows:
// a law is hundreds of paragraphs, and a page of hits decoded in full
// cost more than the query.
func packedSnippet(packed []byte, terms []string) (string, int, error) {
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		return "", 0, fmt.Errorf("unpack: %w", err)
	}
	dec := json.NewDecoder(zr)
	if _, err := dec.Token(); err != nil { // [
		return "", 0, fmt.Errorf("unpack: %w", err)
	}
	for i := 0; dec.More(); i++ {
		var p string
		if err := dec.Decode(&p); err != nil {
			return "", 0, fmt.Errorf("unpack: %w", err)
		}
		if s, ok := snippetIn(p, terms); ok {
			return s, i, nil
		}
	}
	return "", 0, nil
}

// firstMatch is the byte offset of the earliest term in p (ASCII letters
// matched without case), or -1.
func firstMatch(p string, terms []string) (int, string) {
	lower := strings.ToLower(p)
	best, which := -1, ""
	for _, t := range terms {
		if i := strings.Index(lower, strings.ToLower(t)); i >= 0 && (best < 0 || i < best) && len(lower) == len(p) {
			best, which = i, t
		}
	}
	return best, which
}

// mark puts « » around every occurrence of the terms.
func mark(s string, terms []string) string {
	for _, t := range terms {
		s = strings.ReplaceAll(s, t, "«"+t+"»")
	}
	return s
}

func backRunes(s string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return at
}

func forwardBytes(s string, n int) int {
	at := 0
	for ; n > 0 && at < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
