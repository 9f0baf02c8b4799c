package keywords

import (
	_ "embed"
	"math"

	"github.com/policylens/policylens/internal/lexicon"
)

// ModelFile is the embedded weights file of the keyword ranker, written by
// `go generate ./internal/keywords` from the train split of the labelled
// corpus.
const ModelFile = "rank_model.tsv"

//go:embed rank_model.tsv
var modelData string

// Model is a linear ranker: a candidate's score is the sum of its
// features' values times their weights.
type Model struct {
	W map[string]float64
}

// ParseModel reads a weights file (feature TAB weight; # comments).
func ParseModel(data string) (*Model, error) {
	w, err := lexicon.ParseWeightsText(data, ModelFile)
	if err != nil {
		return nil, err
	}
	return &Model{W: w}, nil
}

// Score is the model's score of a feature list.
func (m *Model) Score(fs []Feature) float64 {
	s := 0.0
	for _, f := range fs {
		s += m.W[f.Name] * f.Value
	}
	return s
}

// builtin is the embedded model, parsed once at package start: it is
// generated data, so a parse error is a build defect caught by the tests,
// and the ranker then falls back to TF-IDF and TextRank.
var builtin, builtinErr = ParseModel(modelData)

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
