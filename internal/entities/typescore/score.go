package main

import (
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/labels"
)

// counts are true and false positives and false negatives.
type counts = labels.Counts

// tally adds up one split's documents.
type tally struct {
	byType            map[string]*counts
	titlesOK, titlesN int
	why               bool // spurious items carry their evidence and context (-why)
}

func newTally() *tally { return &tally{byType: map[string]*counts{}} }

func (t *tally) of(ty string) *counts {
	if t.byType[ty] == nil {
		t.byType[ty] = &counts{}
	}
	return t.byType[ty]
}

func (t *tally) total() counts {
	var c counts
	for _, x := range t.byType {
		c.Add(*x)
	}
	return c
}

// miss is one error: a gold entity missed or a predicted one spurious.
type miss struct{ what, typ, text string }

// score matches one document's entities as the quality test does (required
// gold items first, then the optional ones, which count neither way) and
// returns its errors.
func (t *tally) score(g labels.Gold, a *analyze.Analysis) []miss {
	match, used := labels.MatchEntities(g.Entities, labels.PredictedOf(a.Entities))
	var out []miss
	for gi, ge := range g.Entities {
		if ge.Optional {
			continue
		}
		i := match[gi]
		if i < 0 {
			t.of(ge.Type).FN++
			out = append(out, miss{"missed", ge.Type, ge.Text})
			continue
		}
		t.of(ge.Type).TP++
		out = append(out, miss{"matched", ge.Type, ge.Text + " = " + a.Entities[i].Text})
		if ge.Type == "person" {
			out = append(out, t.titles(ge, a.Entities[i])...)
		}
	}
	for i, u := range used {
		if !u {
			e := a.Entities[i]
			t.of(e.Type).FP++
			text := e.Text
			if t.why {
				text += why(a, e)
			}
			out = append(out, miss{"spurious", e.Type, text})
		}
	}
	return out
}

// why is a spurious entity's evidence and its first mention in its
// paragraph (-why), so that a rule's error shows where it fired.
func why(a *analyze.Analysis, e analyze.Entity) string {
	if len(e.Mentions) == 0 {
		return "  [" + e.Evidence + "]"
	}
	m := e.Mentions[0]
	if m.Paragraph < 0 || m.Paragraph >= len(a.Document.Paragraphs) {
		return "  [" + e.Evidence + "]"
	}
	p := []rune(a.Document.Paragraphs[m.Paragraph])
	lo, hi := max(0, m.Start-12), min(len(p), m.End+12)
	if m.Start < lo || m.End > hi || m.Start > m.End {
		return "  [" + e.Evidence + "]"
	}
	return "  [" + e.Evidence + "] " + string(p[lo:m.Start]) + "【" + string(p[m.Start:m.End]) + "】" + string(p[m.End:hi])
}

// titles counts a matched person's gold titles that some predicted title
// holds, and returns those none holds as errors of type "title".
func (t *tally) titles(ge labels.Entity, e analyze.Entity) []miss {
	var out []miss
	for _, gt := range ge.Titles {
		t.titlesN++
		if labels.TitleHeld(gt, e.Titles) {
			t.titlesOK++
		} else {
			out = append(out, miss{"missed", "title", ge.Text + " — " + gt + " (got " + strings.Join(e.Titles, "; ") + ")"})
		}
	}
	return out
}
