package reports

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policylens/policylens/analyze"
)

//go:embed labels.tsv
var labelsTSV string

// labelTable is labels.tsv read once: language → key → label.
var labelTable = sync.OnceValue(func() map[string]map[string]string {
	out := map[string]map[string]string{"en": {}, "zh": {}}
	for _, line := range strings.Split(labelsTSV, "\n") {
		c := strings.Split(line, "\t")
		if len(c) != 3 || strings.HasPrefix(c[0], "#") || c[0] == "key" {
			continue
		}
		out["en"][c[0]], out["zh"][c[0]] = c[1], c[2]
	}
	return out
})

// labeler returns the label of a key in a language (English when the
// language has none, the key itself when no language has it).
func labeler(lang string) func(string) string {
	t := labelTable()
	return func(key string) string {
		if l, ok := t[lang][key]; ok {
			return l
		}
		if l, ok := t["en"][key]; ok {
			return l
		}
		return key
	}
}

// columnHeads are the matrix's column headers: a period's label; a
// document's year when no two documents share one, else its short title
// (eight characters).
func columnHeads(docs []analyze.DocRef) []string {
	years := map[string]int{}
	for _, d := range docs {
		if len(d.Date) >= 4 {
			years[d.Date[:4]]++
		}
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		switch {
		case d.Period != "":
			out[i] = d.Period
		case len(d.Date) >= 4 && years[d.Date[:4]] == 1:
			out[i] = d.Date[:4]
		default:
			out[i] = shortTitle(firstOf(d.Title, d.ID), 8)
		}
	}
	return out
}

// shortTitle cuts a title to n characters, marking the cut.
func shortTitle(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
