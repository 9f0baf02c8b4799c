package compare

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed words.zh.tsv
var wordsTSV string

// light marks a word that is left out of matching; the class of a
// synonym is the action it names.
const light = "-"

// wordClasses is words.zh.tsv read once: word → class.
var wordClasses = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(wordsTSV, "\n") {
		c := strings.Split(strings.TrimSpace(line), "\t")
		if len(c) != 2 || strings.HasPrefix(c[0], "#") || c[0] == "word" {
			continue
		}
		m[c[0]] = c[1]
	}
	return m
})

// classOf returns the word matching reads for t: its action class, light
// for a manner word, else t itself.
func classOf(t string) string {
	if c, ok := wordClasses()[t]; ok {
		return c
	}
	return t
}
