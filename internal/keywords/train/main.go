// Command train learns the weights of the keyword ranker from the train
// split of testdata/labels (go generate ./internal/keywords). With -cv it
// writes nothing and instead compares, over five folds of the train
// documents, the linear ranker with boosted trees of depth two added to it
// (or alone, -trees-only): on 144 documents neither beat the linear
// ranker, so the trees are not part of the model. Each
// shortlisted candidate of a train document is an example: positive when
// it names a gold keyword as recall@15 counts it, negative otherwise.
// L2-penalized logistic regression by
// full-batch L-BFGS (the gradient summed in one fixed order) keeps the
// weights deterministic and, unlike stochastic gradient descent, free of
// the order in which the examples come: retraining that learner with the
// documents shuffled moved cv by about ±15 keywords.
package main

import (
	"flag"
	"fmt"
	"log"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

type example struct {
	feats []keywords.Feature
	y     float64 // 1 a keyword, 0 not
	doc   int     // the document it comes from, numbered in load order
	term  string
	gold  []string // the document's gold keywords
	unit  bool     // a named unit, which the shown terms may hold (keywords.Scored.Unit)
	en    bool     // an English document's
	kind  string   // the document's kind: its corpus folder (gwr, laws, …), or old
}

func main() {
	testdata := flag.String("testdata", "../../testdata", "the testdata folder")
	out := flag.String("out", keywords.ModelFile, "the weights file to write (go generate runs in internal/keywords)")
	epochs := flag.Int("epochs", 30, "passes over the examples")
	multi := flag.Bool("multi", false, "label a candidate by the number of gold keywords it names, not 0 or 1")
	listwise := flag.Bool("listwise", false, "learn the order of candidates within a document (softmax over its candidates) instead of each candidate's probability alone")
	cv := flag.Bool("cv", false, "compare the linear ranker with boosted trees over five folds of the train documents, and write nothing")
	rate := flag.Float64("rate", 0.1, "the boosted trees' shrinkage")
	lambda := flag.Float64("lambda", 1, "the boosted trees' L2 penalty on leaves")
	treesOnly := flag.Bool("trees-only", false, "with -cv: boost from a constant score, not from the linear ranker's")
	linear := flag.Bool("linear", false, "with -cv: the linear ranker only, no trees (faster)")
	sgd := flag.Bool("sgd", false, "learn by stochastic gradient descent in load order (the learner before 2026-12-07) instead of full-batch L-BFGS")
	l2 := flag.Float64("l2", 1, "the full-batch learner's L2 penalty (nested cv on train chose 1 of 0.3, 1, 3)")
	iters := flag.Int("iters", 300, "the full-batch learner's L-BFGS steps at most")
	sweep := flag.String("sweep", "", "with -cv: compare learners over partitions of the folds instead (see runSweep): folds=0,1,2;sgd=0;lr=1")
	flag.Parse()
	exs, docs, kp, err := examples(*testdata, *multi)
	if err != nil {
		log.Fatal(err)
	}
	if *cv && *sweep != "" {
		if err := runSweep(exs, *sweep, *epochs); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *cv {
		counts := []int{0, 10, 25, 50, 100, 200, 400}
		if *linear {
			counts = counts[:1]
		}
		fit := func(rest []example) map[string]float64 {
			if *sgd {
				return train(rest, *epochs)
			}
			return trainBatch(toSparse(rest), allRows(len(rest)), *l2, false, *iters)
		}
		crossValidate(exs, fit, counts, *rate, *lambda, *treesOnly)
		return
	}
	w := trainBatch(toSparse(exs), allRows(len(exs)), *l2, false, *iters)
	if *sgd {
		w = train(exs, *epochs)
	}
	if *listwise {
		w = calibrate(exs, trainListwise(exs, *epochs))
	}
	if err := writeKeyphrases(filepath.Join(filepath.Dir(*out), keywords.KeyphrasesFile), kp, docs); err != nil {
		log.Fatal(err)
	}
	if err := write(*out, w, len(exs), docs); err != nil {
		log.Fatal(err)
	}
}

// examples reads the train documents that have gold keywords, and counts
// their keyphrases (keywords.Keyphrases): each document's candidates are
// shortlisted with the counts of the other documents only, as a test
// document's are with those of all train documents.
func examples(testdata string, multi bool) ([]example, int, map[string]int, error) {
	dir := filepath.Join(testdata, "labels")
	if d := os.Getenv("KEYWORD_LABELS"); d != "" {
		dir = d // a frozen copy, to compare changes while labels are added
	}
	golds, err := labels.Load(dir)
	if err != nil {
		return nil, 0, nil, err
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		return nil, 0, nil, err
	}
	seg := segment.New(lex, segment.Options{})
	var exs []example
	docs := 0
	kp := keyphrases(golds)
	for _, g := range golds {
		if labels.SplitOf(g.File) != labels.Train || len(g.Keywords) == 0 {
			continue
		}
		doc, err := load(seg, testdata, g.File)
		if err != nil {
			return nil, 0, nil, err
		}
		docs++
		own := ownKeyphrases(g)
		others := func(t string) int {
			if own[t] {
				return kp[t] - 1
			}
			return kp[t]
		}
		for _, c := range keywords.ScoreWith(doc, lex, others) {
			exs = append(exs, example{c.Features, label(c.Term, g.Keywords, multi), docs, c.Term, g.Keywords, c.Unit, doc.Lang == "en", kindOf(g.File)})
		}
	}
	return exs, docs, kp, nil
}

// ownKeyphrases is the set of a document's first ten gold keywords, as
// keywords.NormTerm writes them.
func ownKeyphrases(g labels.Gold) map[string]bool {
	own := map[string]bool{}
	for _, k := range g.Keywords[:min(10, len(g.Keywords))] {
		own[keywords.NormTerm(k)] = true
	}
	return own
}

// keyphrases counts, for each keyword of the train documents (the first
// ten of each, what is scored), how many documents name it.
func keyphrases(golds []labels.Gold) map[string]int {
	kp := map[string]int{}
	for _, g := range golds {
		if labels.SplitOf(g.File) != labels.Train {
			continue
		}
		for t := range ownKeyphrases(g) {
			kp[t]++
		}
	}
	return kp
}

// writeKeyphrases writes the keyphrases that two documents or more name.
func writeKeyphrases(path string, kp map[string]int, docs int) error {
	var b strings.Builder
	b.WriteString("# The analysts' keywords that two or more train documents name (normalized as score.py compares them), TAB the documents.\n")
	fmt.Fprintf(&b, "# Generated by `go run ./train` from the train split of testdata/labels (%d documents); do not edit.\n", docs)
	for _, t := range slices.Sorted(maps.Keys(kp)) {
		if kp[t] >= keywords.KeyphraseMin && !strings.ContainsAny(t, "\t\n") {
			fmt.Fprintf(&b, "%s\t%d\n", t, kp[t])
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func load(seg *segment.Segmenter, testdata, file string) (*segment.Doc, error) {
	data, err := os.ReadFile(filepath.Join(testdata, file))
	if err != nil {
		return nil, err
	}
	d, err := parse.Parse(file, data, parse.Options{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return seg.Segment(d.Language, d.Title, d.Paragraphs)
}

// label is 1 when a term names a gold keyword as recall@15 counts it (the
// analyze quality test, score.py): the same text, a longer form that holds
// it (中华人民共和国烟草专卖法实施条例 for 烟草专卖法实施条例), or a part of
// it. A stricter label (most of the gold text) was tried and ranked worse
// on both splits.
func label(term string, gold []string, multi bool) float64 {
	pn := labels.Norm(term)
	lp := len([]rune(pn))
	n := 0.0 // the gold keywords it names: 贷款 names 涉房贷款 and 个人住房贷款
	for _, g := range gold {
		if n > 0 && !multi {
			break
		}
		gn := labels.Norm(g)
		if gn == "" || lp < 2 {
			continue
		}
		if strings.Contains(pn, gn) || strings.Contains(gn, pn) {
			n++
		}
	}
	return n
}

// train runs logistic regression with a small L2 penalty.
func train(exs []example, epochs int) map[string]float64 {
	w := map[string]float64{}
	for e := 0; e < epochs; e++ {
		rate := 0.1 / (1 + float64(e)/5)
		for _, ex := range exs {
			s := 0.0
			for _, f := range ex.feats {
				s += w[f.Name] * f.Value
			}
			g := min(ex.y, 1) - 1/(1+math.Exp(-s))
			for _, f := range ex.feats {
				w[f.Name] += rate * (g*f.Value - 1e-4*w[f.Name])
			}
		}
	}
	out := map[string]float64{}
	for f, v := range w {
		if math.Abs(v) >= 0.0005 {
			out[f] = math.Round(v*1000) / 1000
		}
	}
	return out
}

// trainListwise learns to rank the candidates of one document against one
// another: a softmax over the document's candidates, whose loss is the
// mean log-probability of its keywords. What matters for the shown terms
// is their order within a document, not a probability comparable across
// documents, which the candidate-wise loss spends its weights on.
func trainListwise(exs []example, epochs int) map[string]float64 {
	groups := byDoc(exs)
	w := map[string]float64{}
	for e := 0; e < epochs; e++ {
		rate := 0.1 / (1 + float64(e)/5)
		for _, g := range groups {
			listStep(w, g, rate)
		}
	}
	return w
}

// byDoc splits the examples into their documents, in order.
func byDoc(exs []example) [][]example {
	var out [][]example
	for i := 0; i < len(exs); {
		j := i
		for j < len(exs) && exs[j].doc == exs[i].doc {
			j++
		}
		out = append(out, exs[i:j])
		i = j
	}
	return out
}

// listStep is one gradient step of the softmax loss over one document.
func listStep(w map[string]float64, g []example, rate float64) {
	pos := 0.0
	for _, ex := range g {
		pos += ex.y
	}
	if pos == 0 {
		return
	}
	s := make([]float64, len(g))
	hi := math.Inf(-1)
	for i, ex := range g {
		for _, f := range ex.feats {
			s[i] += w[f.Name] * f.Value
		}
		hi = math.Max(hi, s[i])
	}
	z := 0.0
	for i := range s {
		s[i] = math.Exp(s[i] - hi)
		z += s[i]
	}
	for i, ex := range g {
		d := ex.y/pos - s[i]/z
		for _, f := range ex.feats {
			w[f.Name] += rate * (d*f.Value - 1e-4*w[f.Name])
		}
	}
}

// calibrate scales the listwise weights into a probability (the shown
// score): a one-feature logistic regression of the label on the ranker's
// score, folded into the weights and the bias. The order is unchanged.
func calibrate(exs []example, w map[string]float64) map[string]float64 {
	a, b := 1.0, 0.0
	for e := 0; e < 30; e++ {
		rate := 0.05 / (1 + float64(e)/5)
		for _, ex := range exs {
			s := 0.0
			for _, f := range ex.feats {
				s += w[f.Name] * f.Value
			}
			g := min(ex.y, 1) - 1/(1+math.Exp(-(a*s+b)))
			a += rate * g * s
			b += rate * g
		}
	}
	out := map[string]float64{}
	for f, v := range w {
		if v *= a; math.Abs(v) >= 0.0005 {
			out[f] = math.Round(v*1000) / 1000
		}
	}
	out["bias"] = math.Round((out["bias"]+b)*1000) / 1000
	return out
}

func write(path string, w map[string]float64, nEx, docs int) error {
	head := "# The keyword ranker: feature TAB weight. Generated by `go generate ./internal/keywords`\n" +
		fmt.Sprintf("# from the train split of testdata/labels (%d candidates of %d documents); do not edit.\n", nEx, docs)
	return lexicon.WriteWeights(path, head, w, "%g")
}

// kindOf is a labelled document's kind, for the cross-validation's
// figures per kind: the folder under docs/corpus, or "old" for the
// labels made before the corpus.
func kindOf(file string) string {
	parts := strings.Split(file, "/")
	if len(parts) > 3 && parts[1] == "corpus" {
		return parts[2]
	}
	return "old"
}
