package keywords

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
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
	m := &Model{W: map[string]float64{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		w, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%s:%d: want feature TAB weight", ModelFile, n)
		}
		m.W[k] = w
	}
	return m, sc.Err()
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
