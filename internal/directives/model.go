package directives

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/policylens/policylens/internal/lexicon"
)

// ModelFile is the embedded weights file of the directive model, written
// by `go generate ./internal/directives` from the train split of the
// labelled corpus. It lives beside the code that reads its feature names,
// not among the lexicons a user extends.
const ModelFile = "directive_model.tsv"

//go:embed directive_model.tsv
var modelText string

// model is a linear model over a clause's features: a clause is a
// directive when the sum of its features' weights is positive. A stacked
// model has a second stage (its rows prefixed "s2:" in the weights file)
// that weighs the same features again with the first stage's verdicts on
// the clause's neighbours (stackFeatures); each feature's two weights sit
// side by side, so that one look-up serves both.
type model struct {
	w       map[string][2]float64 // by name, the features short does not hold
	short   *shortTable           // the hot families' short features, by number
	scale   float64               // the median |score| of the training clauses: confidences spread around it
	stacked bool                  // a second stage weighs Chinese clauses again
}

// scaleKey is the line of the weights file that holds the scale;
// stage2Prefix opens the rows of the second stage.
const (
	scaleKey     = "_scale"
	stage2Prefix = "s2:"
)

// loadModel reads a weights file (feature TAB weight; # comments); an
// empty file leaves the rules alone to decide.
func loadModel(text, name string) (*model, error) {
	lines := strings.Count(text, "\n")
	m := &model{w: make(map[string][2]float64, lines/5)}
	short := make(map[uint64]namedWeights, lines*2/5)
	err := lexicon.EachWeight(text, name, func(k string, v float64) {
		if k == scaleKey {
			m.scale = v
			return
		}
		stage := 0
		if rest, ok := strings.CutPrefix(k, stage2Prefix); ok {
			k, stage = rest, 1
			m.stacked = true
		}
		if n, ok := modelShortKey(k); ok {
			w := short[n]
			w.name, w.w[stage] = k, v
			short[n] = w
			return
		}
		w := m.w[k]
		w[stage] = v
		m.w[k] = w
	})
	if err != nil {
		return nil, err
	}
	if m.scale <= 0 {
		m.scale = 1
	}
	if len(m.w)+len(short) == 0 {
		return nil, nil // no weights (a model not yet trained): the rules decide
	}
	if m.short = newShortTable(short); m.short == nil {
		for _, w := range short { // weights the table cannot hold exactly: every feature by name
			m.w[w.name] = w.w
		}
	}
	return m, nil
}

// lookup is a feature's weights by its name, and whether the model has
// it: a short feature of a hot family in the table, any other in the map.
func (m *model) lookup(name string) ([2]float64, bool) {
	if k, ok := modelShortKey(name); ok && m.short != nil {
		return m.short.lookup(k)
	}
	w, ok := m.w[name]
	return w, ok
}

// weight is a feature's weights (zero when the model has none).
func (m *model) weight(name string) [2]float64 {
	w, _ := m.lookup(name)
	return w
}

// builtinModel is the embedded model, parsed once and shared (read only)
// by every set of rules. The weights are embedded data checked by the
// tests; a file that does not parse leaves the rules to decide.
var builtinModel = sync.OnceValue(func() *model {
	m, _ := loadModel(modelText, ModelFile)
	return m
})

// Preload parses the built-in model in the background, so that at
// start-up it overlaps with compiling the lexicons (about 10 ms of a cold
// start).
func Preload() { go builtinModel() }

// knows reports whether the model has a weight for a feature: a weights
// file trained before English had features leaves English to the rules.
func (m *model) knows(feat string) bool {
	_, ok := m.lookup(feat)
	return ok
}

// decide takes a clause whose score (the sum of its features' weights) is
// positive; the confidence is the logistic of the score.
func (m *model) decide(s float64) (bool, float64) {
	return s > 0, math.Round(1/(1+math.Exp(-2*s/m.scale))*1000) / 1000
}

// explain lists the five features that weighed most in a stage (0 or 1),
// either way: by |weight|, then by name.
func (m *model) explain(feats []string, stage int) []string {
	if m == nil {
		return []string{"rules only: no model"}
	}
	var top [5]fw // the best so far, in order: a selection, not a sort of every feature
	n := 0
	for _, f := range feats {
		w := m.weight(f)[stage]
		if w == 0 {
			continue
		}
		x := fw{f, w}
		switch {
		case n < len(top):
			n++
		case !x.before(top[n-1]):
			continue
		}
		i := n - 1 // x takes the last place and moves up past those it beats
		for i > 0 && x.before(top[i-1]) {
			top[i] = top[i-1]
			i--
		}
		top[i] = x
	}
	out := make([]string, 0, n)
	for _, x := range top[:n] {
		out = append(out, fmt.Sprintf("%s %+.2f", x.f, x.w))
	}
	return out
}

// fw is a feature and its weight in one stage.
type fw struct {
	f string
	w float64
}

// before orders features for explain: the heavier either way first, then
// by name.
func (a fw) before(b fw) bool {
	return cmp.Or(cmp.Compare(math.Abs(b.w), math.Abs(a.w)), strings.Compare(a.f, b.f)) < 0
}

// WithModel is a copy of the rules that weighs clauses with the weights
// file text (named name in errors) instead of the built-in model.
func (r *Rules) WithModel(text, name string) (*Rules, error) {
	m, err := loadModel(text, name)
	if err != nil {
		return nil, err
	}
	if m == nil || !m.knows("bias") {
		return nil, fmt.Errorf("%s: not a directive model (no bias weight)", name)
	}
	c := *r
	c.model = m
	return &c, nil
}
