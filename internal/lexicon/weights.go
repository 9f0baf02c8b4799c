package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ParseWeights reads a learned model's weights file: feature TAB weight, a
// line each, # comments. The directive model and the keyword ranker are
// written in this form by their trainers (go generate).
func ParseWeights(r io.Reader, name string) (map[string]float64, error) {
	w := map[string]float64{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%s:%d: want feature TAB weight", name, n)
		}
		w[k] = x
	}
	return w, sc.Err()
}
