package nereval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// Counts are true and false positives and negatives of one type: the
// labelled corpus's scorer counts the same way.
type Counts = labels.Counts

// Result holds counts per type (PER, ORG, LOC) and their sum under "ALL".
type Result map[string]*Counts

// Score runs the extractor over each sentence as a one-paragraph document
// and matches its person, organization and location mentions to the gold
// ones exactly (same type, same span). Errors for each mismatch go to
// onError when it is not nil.
func Score(ctx context.Context, seg *segment.Segmenter, lex *lexicon.Set, sents []NERSentence, onError func(s NERSentence, gold, got []NERSpan)) (Result, error) {
	res := Result{"PER": {}, "ORG": {}, "LOC": {}, "ALL": {}}
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scoring: %w", err)
		}
		doc, err := seg.SegmentContext(ctx, "zh", "", []string{s.Text})
		if err != nil {
			return nil, fmt.Errorf("segmenting %q: %w", s.Text, err)
		}
		got := mentions(entities.Extract(doc, lex, entities.Meta{}), 0)
		if match(res, s.Spans, got) && onError != nil {
			onError(s, s.Spans, got)
		}
	}
	return res, nil
}

// match adds one sentence's counts and reports whether it had an error.
func match(res Result, gold, got []NERSpan) bool {
	want := map[NERSpan]bool{}
	for _, g := range gold {
		want[g] = true
	}
	wrong := false
	seen := map[NERSpan]bool{}
	for _, p := range got {
		if _, ok := res[p.Type]; !ok || seen[p] {
			continue
		}
		seen[p] = true
		if want[p] {
			res[p.Type].TP++
			res["ALL"].TP++
			delete(want, p)
		} else {
			res[p.Type].FP++
			res["ALL"].FP++
			wrong = true
		}
	}
	for g := range want {
		res[g.Type].FN++
		res["ALL"].FN++
		wrong = true
	}
	return wrong
}

// Table formats a result as a Markdown table.
func (r Result) Table() string {
	var b strings.Builder
	b.WriteString("| type | P | R | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|\n")
	types := make([]string, 0, len(r))
	for t := range r {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool { return order(types[i]) < order(types[j]) })
	for _, t := range types {
		c := r[t]
		p, rc, f := c.PRF()
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", t, p, rc, f, c.TP, c.FP, c.FN)
	}
	return b.String()
}

func order(t string) int { return strings.Index("PER ORG LOC ALL", t) }

// Show renders a sentence with spans marked [text]TYPE, for error lists.
func Show(text string, spans []NERSpan) string {
	rs := []rune(text)
	sorted := append([]NERSpan(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var parts []string
	for _, s := range sorted {
		if s.Start >= 0 && s.End <= len(rs) && s.Start < s.End {
			parts = append(parts, string(rs[s.Start:s.End])+"/"+s.Type)
		}
	}
	return strings.Join(parts, " ")
}
