// Command train learns the weights of the directive model from the train
// split of testdata/labels (go generate ./internal/directives). Every
// action clause of a Chinese train document is a candidate; it is a
// positive example when a required gold directive matches it, a negative
// one when no gold directive does (clauses matching optional items teach
// nothing). A logistic regression with an L2 penalty (-algo perceptron: an
// averaged perceptron), trained in a fixed order over a fixed number of
// epochs, makes the weights deterministic. -oof writes the out-of-fold
// errors and -unreached the gold directives no candidate reaches: the
// train split's errors, for reading.
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

type example struct {
	feats []string
	y     float64 // +1 directive, -1 not
	doc   int     // the document's index, for cross-validation folds
	text  string  // the clause, for -oof
	file  string
	para  int // the paragraph and its sentence's first rune, for the second stage
	sent  int
}

func main() {
	testdata := flag.String("testdata", "../../testdata", "the testdata folder")
	out := flag.String("out", directives.ModelFile, "the weights file to write (go generate runs in internal/directives)")
	epochs := flag.Int("epochs", 20, "passes over the examples")
	split := flag.String("split", labels.Train, "the split to learn from")
	oof := flag.String("oof", "", "write the out-of-fold errors of 5-fold cross-validation to this file and stop")
	unreached := flag.String("unreached", "", "write the gold directives that no candidate clause matches to this file")
	folds := flag.String("folds", "", "write 5 models to this folder, each trained without one fold of the documents, with the label files of that fold, and stop")
	flag.Parse()
	exs, golds, missed, err := examples(*testdata, *split)
	if err != nil {
		log.Fatal(err)
	}
	if *unreached != "" {
		// the gold directives no candidate reaches bound the recall any
		// weights can give
		if err := os.WriteFile(*unreached, []byte(strings.Join(missed, "")), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if *folds != "" {
		if err := writeFolds(*folds, exs, golds, *epochs, 5); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *oof != "" {
		if err := writeOOF(*oof, exs, *epochs); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := fit(*out, exs, *epochs); err != nil {
		log.Fatal(err)
	}
}

// fit trains the model on exs and writes it. Each stage's decision
// threshold is set where 5-fold cross-validation over the documents gives
// the best F1, and folded into its bias weight. The second stage learns
// from the Chinese clauses with their neighbours' out-of-fold first-stage
// scores, as it will meet them in documents the first stage never saw.
func fit(out string, exs []example, epochs int) error {
	w, oof := stage(exs, epochs)
	if *stack {
		st := stacked(exs, oof)
		w2, oof2 := stage(st, epochs)
		w2["bias"] = math.Round((w2["bias"]-*shift2)*1000) / 1000
		if *newsThreshold {
			w2["kind=news"] = math.Round((w2["kind=news"]-newsOptimum(st, oof2)+*newsShift)*1000) / 1000
		}
		for f, v := range w2 {
			w["s2:"+f] = v
		}
	}
	lab := labelled(exs)
	return write(out, w, medianScore(lab, w), len(lab))
}

// stage trains one stage on the labelled examples of exs, with the
// cross-validated thresholds folded into the bias weights; it also returns
// every example's out-of-fold score less its threshold (above 0: taken).
func stage(exs []example, epochs int) (map[string]float64, []float64) {
	w := train(labelled(exs), epochs)
	oof := outOfFold(exs, epochs, 5)
	t := threshold(exs, oof, 5)
	for b, v := range t {
		w[b] = math.Round((w[b]-v)*1000) / 1000
	}
	for i, ex := range exs {
		oof[i] -= t[biasOf(ex)]
	}
	return w, oof
}

var (
	stack = flag.Bool("stack", true, "train the second stage, which weighs the neighbours' first-stage verdicts")
	// shift2 raises the second stage's threshold above the clause-level
	// optimum. Scored document by document out of fold (score_oof.sh), the
	// train split's F1 peaked at +0.5 on 156 documents (0.9239 at 0, 0.9245
	// at 0.5, 0.9244 at 1) and at 0 on 181 (0.9210 at -0.5, 0.9224 at 0,
	// 0.9210 at 0.5, 0.9189 at 1) and on 222 (0.9226 at -0.5, 0.9232 at 0,
	// 0.9220 at 0.5), so the optimum stands.
	shift2 = flag.Float64("shift2", 0, "raise the second stage's decision threshold by this much")
	// newsThreshold gives news clauses a second-stage threshold of their
	// own, the one cross-validation finds best on them (folded into
	// s2:kind=news): news recall lagged its precision (train out of fold
	// P 0.82 R 0.71) and the other kinds' threshold is left as it was.
	// Scored out of fold, news F1 0.762 at the shared threshold, 0.774 at
	// its own and 0.778 lowered by 0.5 more (-newsshift), overall 0.9241,
	// 0.9242, 0.9242 (tenth session), so the optimum stands.
	newsThreshold = flag.Bool("newsthreshold", true, "a cross-validated second-stage threshold for news clauses")
	newsShift     = flag.Float64("newsshift", 0, "lower the news threshold by this much more")
)

// newsOptimum is the threshold, over the second stage's out-of-fold
// scores, that gives the news clauses their best F1.
func newsOptimum(exs []example, scores []float64) float64 {
	var all []scored
	for i, ex := range exs {
		if ex.y != 0 && slices.Contains(ex.feats, "kind=news") {
			all = append(all, scored{scores[i], ex.y})
		}
	}
	return bestThreshold("news", all)
}

// stacked is the Chinese examples of exs with the features of their
// neighbours' first-stage scores (directives.StackFeatures), document by
// document.
func stacked(exs []example, scores []float64) []example {
	var out []example
	for lo := 0; lo < len(exs); {
		hi := lo
		for hi < len(exs) && exs[hi].doc == exs[lo].doc {
			hi++
		}
		if biasOf(exs[lo]) == "bias" {
			in := make([]directives.StackInput, 0, hi-lo)
			for i := lo; i < hi; i++ {
				in = append(in, directives.StackInput{Para: exs[i].para, Sent: exs[i].sent, Score: scores[i]})
			}
			for k, nb := range directives.StackFeatures(in) {
				ex := exs[lo+k]
				ex.feats = append(slices.Clip(ex.feats), nb...)
				out = append(out, ex)
			}
		}
		lo = hi
	}
	return out
}

// labelled leaves out the examples that teach nothing (a clause matching
// an optional gold item only); they still count as neighbours.
func labelled(exs []example) []example {
	return slices.DeleteFunc(slices.Clone(exs), func(ex example) bool { return ex.y == 0 })
}

// writeFolds writes, for each of k folds of the documents, a model fitted
// without them (fold-F.tsv) and the list of their label files
// (fold-F.txt): analysing each fold with its model (--directive-model)
// scores the train split on documents the model did not learn from.
func writeFolds(dir string, exs []example, golds []string, epochs, k int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for f := 0; f < k; f++ {
		var in []example
		for _, ex := range exs {
			if ex.doc%k != f {
				in = append(in, ex)
			}
		}
		var list strings.Builder
		for d, g := range golds {
			if d%k == f {
				fmt.Fprintln(&list, g)
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("fold-%d", f))
		if err := os.WriteFile(name+".txt", []byte(list.String()), 0o644); err != nil {
			return err
		}
		if err := fit(name+".tsv", in, epochs); err != nil {
			return err
		}
	}
	return nil
}

// examples reads the labelled documents of a split and turns their action
// clauses into examples; it also returns the label file of each document
// by index and the gold directives no candidate reaches (file TAB text
// lines).
func examples(testdata, split string) ([]example, []string, []string, error) {
	lex, err := lexicon.Builtin()
	if err != nil {
		return nil, nil, nil, err
	}
	var missed []string
	var golds []string // the label files, by document index
	seg := segment.New(lex, segment.Options{})
	rules := directives.Compile(lex)
	var exs []example
	nDocs := 0
	err = labels.EachParsed(testdata, split, func(g labels.Gold, d *parse.Document) error {
		doc, err := seg.Segment("", d.Title, d.Paragraphs)
		if err != nil {
			return err
		}
		// the officials come from the entities, as in the analyzer
		officials := entities.Officials(nil, entities.Extract(doc, lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format}))
		cands := directives.Candidates(doc, rules, directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format, Officials: officials})
		ex, miss := label(g, cands, nDocs)
		exs, missed = append(exs, ex...), append(missed, miss...)
		nDocs++
		golds = append(golds, g.Path)
		return nil
	})
	return exs, golds, missed, err
}

// label aligns a document's candidates with its gold directives: the
// examples, and the required gold directives no candidate matches.
func label(g labels.Gold, cands []directives.Candidate, doc int) ([]example, []string) {
	texts := make([]string, len(cands))
	for i, c := range cands {
		texts[i] = c.Directive.Text
	}
	match, _ := labels.Align(g.Directives, texts)
	y := make([]float64, len(cands)) // 0: matches an optional item only
	for i := range y {
		y[i] = -1
	}
	var missed []string
	for gi, j := range match {
		if j < 0 {
			if !g.Directives[gi].Optional {
				missed = append(missed, g.File+"\t"+g.Directives[gi].Text+"\n")
			}
			continue
		}
		if g.Directives[gi].Optional {
			y[j] = 0
		} else {
			y[j] = 1
		}
	}
	var out []example
	for i, c := range cands {
		out = append(out, example{feats: c.Features, y: y[i], doc: doc, text: c.Directive.Text, file: g.File, para: c.Directive.Paragraph, sent: c.Sent})
	}
	return out, missed
}

// threshold trains on all folds but one and scores the one left out, in
// turn, and returns for each language (by its bias feature) the score
// threshold that gives the best F1 over its out-of-fold scores (0 when
// nothing beats it). A threshold of its own keeps one language's changes
// from moving the other's verdicts.
func threshold(exs []example, scores []float64, k int) map[string]float64 {
	all := map[string][]scored{}
	for f := 0; f < k; f++ { // fold by fold, as the models were trained
		for i, ex := range exs {
			if ex.doc%k == f && ex.y != 0 {
				all[biasOf(ex)] = append(all[biasOf(ex)], scored{scores[i], ex.y})
			}
		}
	}
	ts := map[string]float64{}
	for _, b := range []string{"bias", "en:bias"} {
		if len(all[b]) > 0 {
			ts[b] = bestThreshold(b, all[b])
		}
	}
	var joint []scored // the figure logged before: one threshold per language
	for f := 0; f < k; f++ {
		for i, ex := range exs {
			if ex.doc%k == f && ex.y != 0 {
				joint = append(joint, scored{scores[i] - ts[biasOf(ex)], ex.y})
			}
		}
	}
	log.Printf("cross-validated clause F1 %.3f", f1At(joint, 0))
	logByGroup(exs, scores, ts)
	return ts
}

type scored struct{ s, y float64 }

// biasOf names the language of an example by its bias feature.
func biasOf(ex example) string {
	for _, f := range ex.feats {
		if f == "en:bias" {
			return f
		}
	}
	return "bias"
}

func f1At(all []scored, t float64) float64 {
	var c counts
	for _, x := range all {
		c.add(x.s, x.y, t)
	}
	return c.f1()
}

func bestThreshold(name string, all []scored) float64 {
	best, bestF := 0.0, f1At(all, 0)
	for _, x := range all {
		if f := f1At(all, x.s); f > bestF+1e-9 {
			best, bestF = x.s, f
		}
	}
	log.Printf("%s: threshold %.3f: cross-validated clause F1 %.3f (at 0: %.3f)", name, best, bestF, f1At(all, 0))
	return best
}

// counts are a clause classifier's hits and misses at a threshold.
type counts struct{ tp, fp, fn float64 }

func (c *counts) add(score, y, t float64) {
	switch {
	case score > t && y > 0:
		c.tp++
	case score > t:
		c.fp++
	case y > 0:
		c.fn++
	}
}

func (c counts) f1() float64 { return 2 * c.tp / (2*c.tp + c.fp + c.fn) }

// logByGroup logs the out-of-fold clause F1 by folder of the labelled
// documents (zh-news, laws, en…), where the errors are.
func logByGroup(exs []example, scores []float64, ts map[string]float64) {
	by := map[string]*counts{}
	for i, ex := range exs {
		if ex.y == 0 {
			continue
		}
		g := path.Base(path.Dir(ex.file))
		if by[g] == nil {
			by[g] = &counts{}
		}
		by[g].add(scores[i], ex.y, ts[biasOf(ex)])
	}
	groups := make([]string, 0, len(by))
	for g := range by {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		c := by[g]
		log.Printf("  %-10s clause P %.3f R %.3f F1 %.3f", g, c.tp/(c.tp+c.fp), c.tp/(c.tp+c.fn), c.f1())
	}
}

// lrL2 and lrRate set the logistic regression that -algo lr trains.
var algo = flag.String("algo", "lr", "perceptron or lr (L2-regularized logistic regression)")
var lrL2 = flag.Float64("l2", 1e-4, "L2 penalty per example for -algo lr")

func train(exs []example, epochs int) map[string]float64 {
	if *algo == "lr" {
		return trainLR(exs, epochs)
	}
	return trainPerceptron(exs, epochs)
}

// trainLR runs stochastic gradient descent on the logistic loss with an L2
// penalty, in the examples' fixed order, with a decaying step.
func trainLR(exs []example, epochs int) map[string]float64 {
	w := map[string]float64{}
	t := 0.0
	for e := 0; e < epochs; e++ {
		for _, ex := range exs {
			t++
			eta := 0.5 / (1 + t*1e-4)
			s := 0.0
			for _, f := range ex.feats {
				s += w[f]
			}
			y := (ex.y + 1) / 2
			g := y - 1/(1+math.Exp(-s))
			for _, f := range ex.feats {
				w[f] += eta * (g - *lrL2*w[f])
			}
		}
	}
	out := map[string]float64{}
	for f, v := range w {
		if math.Abs(v) >= 0.005 {
			out[f] = math.Round(v*1000) / 1000
		}
	}
	return out
}

// trainPerceptron runs the averaged perceptron.
func trainPerceptron(exs []example, epochs int) map[string]float64 {
	w, sum := map[string]float64{}, map[string]float64{}
	n := 0.0
	for e := 0; e < epochs; e++ {
		for _, ex := range exs {
			n++
			s := 0.0
			for _, f := range ex.feats {
				s += w[f]
			}
			if s*ex.y <= 0 {
				for _, f := range ex.feats {
					w[f] += ex.y
					sum[f] += ex.y * n // the lazy average: Daumé's trick
				}
			}
		}
	}
	avg := map[string]float64{}
	for f, v := range w {
		if a := v - sum[f]/(n+1); math.Abs(a) >= 0.005 {
			avg[f] = math.Round(a*1000) / 1000
		}
	}
	return avg
}

// medianScore is the median absolute score of the examples, the scale
// that turns scores into confidences.
func medianScore(exs []example, w map[string]float64) float64 {
	abs := make([]float64, len(exs))
	for i, ex := range exs {
		for _, f := range ex.feats {
			abs[i] += w[f]
		}
		abs[i] = math.Abs(abs[i])
	}
	sort.Float64s(abs)
	if len(abs) == 0 {
		return 1
	}
	return math.Round(abs[len(abs)/2]*1000) / 1000
}

func write(path string, w map[string]float64, scale float64, nEx int) error {
	head := "# The directive model: feature TAB weight. Generated by `go generate ./internal/directives`\n" +
		fmt.Sprintf("# from the train split of testdata/labels (%d action clauses); do not edit.\n", nEx) +
		fmt.Sprintf("_scale\t%g\n", scale)
	return lexicon.WriteWeights(path, head, w, "%g")
}

// writeOOF scores every example by a model trained without its fold and
// writes the wrong ones: the errors the model makes on documents it did
// not learn from, for reading without touching the test split.
func writeOOF(path string, exs []example, epochs int) error {
	var out strings.Builder
	_, scores := stage(exs, epochs)
	if *stack { // the Chinese clauses' verdicts are the second stage's
		zh := stacked(exs, scores)
		_, s2 := stage(zh, epochs)
		j := 0
		for i, ex := range exs {
			if biasOf(ex) == "bias" {
				scores[i] = s2[j]
				j++
			}
		}
	}
	for i, s := range scores {
		if ex := exs[i]; ex.y != 0 && (s > 0) != (ex.y > 0) {
			fmt.Fprintf(&out, "%+.0f\t%.2f\t%s\t%s\t%s\n", ex.y, s, ex.file, ex.text, strings.Join(ex.feats, " "))
		}
	}
	return os.WriteFile(path, []byte(out.String()), 0o644)
}

// outOfFold scores each example by a model trained on the other folds of
// the documents (k folds by document index).
func outOfFold(exs []example, epochs, k int) []float64 {
	scores := make([]float64, len(exs))
	for f := 0; f < k; f++ {
		var in []example
		for _, ex := range exs {
			if ex.doc%k != f && ex.y != 0 {
				in = append(in, ex)
			}
		}
		w := train(in, epochs)
		for i, ex := range exs {
			if ex.doc%k == f {
				for _, ft := range ex.feats {
					scores[i] += w[ft]
				}
			}
		}
	}
	return scores
}
