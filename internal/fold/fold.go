// Package fold maps traditional Chinese characters to their simplified
// forms, one character to one character of the same UTF-8 length, so that
// a search for 发展 finds 發展 and byte offsets found in folded text are
// offsets into the text as written.
package fold

//go:generate go run ./gen t2s.tsv simplified.txt

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// t2s is OpenCC's one-to-one traditional → simplified character table.
//
//go:embed t2s.tsv
var t2s string

// simplified lists, one per line, the characters that traditional text
// never writes (OpenCC's STCharacters).
//
//go:embed simplified.txt
var simplified string

// Scripts calls fn for every character written only in traditional text
// (traditional true: the keys of the t2s table) and every character
// written only in simplified text (false), so that a caller can tell the
// script of a text from a count of both.
func Scripts(fn func(r rune, traditional bool)) {
	for k := range table() {
		fn(k, true)
	}
	for _, line := range strings.Split(simplified, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line)
		fn(r, false)
	}
}

// table parses t2s once; it is never written after that.
var table = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	for _, line := range strings.Split(t2s, "\n") {
		k, v, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(k, "#") || k == "traditional" {
			continue
		}
		kr, _ := utf8.DecodeRuneInString(k)
		vr, _ := utf8.DecodeRuneInString(v)
		m[kr] = vr
	}
	return m
})

// String returns s with each traditional character in the table replaced
// by its simplified form; the result has the same length in bytes (bytes
// that are not UTF-8 are copied as they are).
func String(s string) string {
	m := table()
	for i, r := range s {
		if _, ok := m[r]; ok {
			return s[:i] + foldFrom(m, s[i:])
		}
	}
	return s
}

func foldFrom(m map[rune]rune, s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if f, ok := m[r]; ok && n > 1 {
			b.WriteRune(f)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}
