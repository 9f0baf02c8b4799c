package lexicon

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// ParseWeights reads a learned model's weights file: feature TAB weight, a
// line each, # comments. The directive model and the keyword ranker are
// written in this form by their trainers (go generate).
func ParseWeights(r io.Reader, name string) (map[string]float64, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return ParseWeightsText(string(b), name)
}

// ParseWeightsText reads a weights file held in a string (an embedded
// file): its keys are substrings of text, not copies, so a model of tens
// of thousands of rows loads without an allocation per row.
func ParseWeightsText(text, name string) (map[string]float64, error) {
	w := make(map[string]float64, strings.Count(text, "\n"))
	err := EachWeight(text, name, func(k string, v float64) { w[k] = v })
	if err != nil {
		return nil, err
	}
	return w, nil
}

// EachWeight hands each row of a weights file held in a string to fn, in
// file order, for a model that keeps its weights in a shape of its own.
func EachWeight(text, name string, fn func(feature string, weight float64)) error {
	for n := 1; text != ""; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return fmt.Errorf("%s:%d: want feature TAB weight", name, n)
		}
		fn(k, x)
	}
	return nil
}

// WriteWeights writes a weights file as ParseWeights reads it: head as it
// is (comment lines, fixed rows), then one "feature TAB weight" row per
// key in sorted order, each weight printed with format. It writes a
// temporary file and renames it, so that a failed run leaves the old file
// whole; the trainers of the learned models share it.
func WriteWeights(path, head string, w map[string]float64, format string) error {
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(head)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t"+format+"\n", k, w[k])
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
