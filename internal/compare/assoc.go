package compare

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./genassoc -corpus ../../../shared/corpus/gwr/government_work_reports.jsonl -out assoc.zh.tsv

//go:embed assoc.zh.tsv
var assocTSV string

// assocTable maps a content word to the words the work reports rewrite
// it as, strongest first.
type assocTable map[string][]assocTo

type assocTo struct {
	word     string
	strength float64
}

// embeddedAssoc is assoc.zh.tsv read once (shared, never written).
var embeddedAssoc = sync.OnceValue(func() assocTable { return parseAssoc(assocTSV) })

// parseAssoc reads a table of word, associate, strength (and a count,
// ignored); a malformed row is skipped.
func parseAssoc(tsv string) assocTable {
	m := assocTable{}
	for _, line := range strings.Split(tsv, "\n") {
		c := strings.Split(strings.TrimSpace(line), "\t")
		if len(c) < 3 || strings.HasPrefix(c[0], "#") || c[0] == "word" {
			continue
		}
		s, err := strconv.ParseFloat(c[2], 64)
		if err != nil {
			continue
		}
		m[c[0]] = append(m[c[0]], assocTo{c[1], s})
	}
	return m
}

// assocTouch adds to touched the directives of B reached only through an
// associate of a word of x (dot -1 marks them).
func (c *Comparer) assocTouch(x *side, ix index, dot []float64, touched []int) []int {
	for _, t := range x.terms {
		for _, a := range c.assoc[t] {
			if a.strength < c.w.softMin {
				continue
			}
			for _, p := range ix.post[a.word] {
				if dot[p.j] == 0 {
					dot[p.j] = -1
					touched = append(touched, p.j)
				}
			}
		}
	}
	return touched
}

// softDot is the partial credit of the words of x that y lacks: each gets
// its best associate among the words of y that x lacks, strength times
// both IDF weights (so 心理 may meet 身心 where no word is shared).
func (c *Comparer) softDot(x, y *side) float64 {
	var sum float64
	for k, t := range x.terms {
		if has(y.terms, t) {
			continue
		}
		best := 0.0
		for _, a := range c.assoc[t] {
			if a.strength < c.w.softMin {
				continue
			}
			if n := sort.SearchStrings(y.terms, a.word); n < len(y.terms) && y.terms[n] == a.word && !has(x.terms, a.word) {
				best = max(best, a.strength*y.weight[n])
			}
		}
		sum += x.weight[k] * best
	}
	return sum
}

// has tells whether the sorted terms hold t.
func has(terms []string, t string) bool {
	n := sort.SearchStrings(terms, t)
	return n < len(terms) && terms[n] == t
}
