package keywords

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// nestingsByScan is nestings testing every candidate for every term, as
// it did before withRune.
func nestingsByScan(terms []string, st map[string]*termStat, all []string, lang string) map[string]nesting {
	out := make(map[string]nesting, len(terms))
	for _, t := range terms {
		var n nesting
		for _, o := range all {
			if len(o) > len(t) && containsTerm(o, t, lang) {
				n.inside += float64(st[o].count)
				n.kinds++
			}
		}
		n.share = math.Min(1, n.inside/float64(st[t].count))
		out[t] = n
	}
	return out
}

// TestNestingsAsScan: nestings finds what testing every candidate finds,
// for Chinese and English terms, bytes that are not UTF-8 among them.
func TestNestingsAsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"安全", "生产", "执法", "国", "\xe4", "\xb8\x80", "\x80", "data", " ", "safety"}
	for round := range 300 {
		st := map[string]*termStat{}
		var all []string
		for range r.IntN(60) {
			var b strings.Builder
			for range 1 + r.IntN(4) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			if w := b.String(); st[w] == nil {
				st[w] = &termStat{count: 1 + r.IntN(5)}
				all = append(all, w)
			}
		}
		terms := all[:len(all)/3]
		for _, lang := range []string{"zh", "en"} {
			if got, want := nestings(terms, st, all, lang), nestingsByScan(terms, st, all, lang); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d %s: %v, want %v", round, lang, got, want)
			}
		}
	}
}
