package labels

import (
	"strings"

	"github.com/policylens/policylens/internal/entities"
)

// Predicted is what entity scoring sees of a predicted entity: its type
// and the normalized texts it matches by (EntityForms).
type Predicted struct {
	Type  string
	Forms map[string]bool
}

// EntityForms are the texts a predicted entity matches by, as score.py
// reads them: its text, normalized form, aliases and mention surfaces; a
// date only by its normalized form.
func EntityForms(typ, text, normalized string, aliases, surfaces []string) map[string]bool {
	m := map[string]bool{}
	if typ == "date" {
		m[Norm(normalized)] = true
		return m
	}
	for _, f := range append([]string{text, normalized}, aliases...) {
		m[Norm(f)] = true
	}
	for _, s := range surfaces {
		m[Norm(s)] = true
	}
	delete(m, "")
	return m
}

// PredictedOf is what the scorer sees of an analysis' entities.
func PredictedOf(es []entities.Entity) []Predicted {
	out := make([]Predicted, len(es))
	for i, e := range es {
		surfaces := make([]string, len(e.Mentions))
		for j, mn := range e.Mentions {
			surfaces[j] = mn.Surface
		}
		out[i] = Predicted{Type: e.Type, Forms: EntityForms(e.Type, e.Text, e.Normalized, e.Aliases, surfaces)}
	}
	return out
}

// MatchEntities pairs a document's gold entities with predicted ones, one
// to one, as score.py does: the required gold entities first, in order,
// each with the first unused prediction of its type that shares a form
// (its text or an Alt), then the optional ones, which only use up what
// they match. match[i] is gold entity i's prediction or -1; used marks
// the predictions matched by any gold entity (the others are spurious).
func MatchEntities(gold []Entity, pred []Predicted) (match []int, used []bool) {
	want := make([]map[string]bool, len(gold))
	for i, ge := range gold {
		want[i] = map[string]bool{Norm(ge.Text): true}
		for _, alt := range ge.Alt {
			want[i][Norm(alt)] = true
		}
	}
	return oneToOne(len(gold), len(pred), func(i int) bool { return gold[i].Optional }, func(i, j int) bool {
		if pred[j].Type != gold[i].Type {
			return false
		}
		for f := range pred[j].Forms {
			if want[i][f] {
				return true
			}
		}
		return false
	})
}

// TitleHeld reports whether some predicted title holds a gold one (score.py
// scores a matched person's titles as a set).
func TitleHeld(gold string, predicted []string) bool {
	for _, pt := range predicted {
		if strings.Contains(Norm(pt), Norm(gold)) {
			return true
		}
	}
	return false
}
