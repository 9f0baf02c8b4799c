// Command train learns the name model of internal/entities (an averaged
// multiclass perceptron over proper-noun tokens) from character-level BIO
// NER files and writes its weights. `go generate ./internal/entities` runs
// it on testdata/ner; the order and the number of epochs are fixed, so the
// file is reproducible.
//
//	go run ./train -out name_model.tsv testdata/ner/*.bio
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/entities/nereval"
	"github.com/policylens/policylens/internal/labels"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// example is one candidate token: its features and its gold class.
type example struct {
	feats []string
	class int
}

func main() {
	out := flag.String("out", entities.NameModelFile, "weights file to write")
	epochs := flag.Int("epochs", 30, "passes over the examples")
	minCount := flag.Int("min-count", 2, "keep features seen at least this often")
	margins := flag.String("margins", "PER=3,ORG=0,LOC=4,SPAN=0,ABBR=0,ABBRX=5,ORGSPAN=0",
		"least margins of each kind of candidate, chosen on a held-out half of the dev split and the labelled train split")
	repeat := flag.Int("repeat", 2, "passes over the first BIO file's examples in each epoch: its tagging conventions are the ones scored")
	testdata := flag.String("labels", "", "the repository's testdata folder: also learn from the train split of its labelled corpus")
	bag := flag.Int("bag", 3, "average the weights of this many runs, shuffled from seeds shuffle, shuffle+1, …")
	seed := flag.Uint64("shuffle", 1, "seed of the order the examples are seen in, drawn anew each epoch (0: the files' order)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: train [-out FILE] BIO...")
		os.Exit(2)
	}
	if err := run(context.Background(), flag.Args(), *testdata, *out, *margins, *epochs, *minCount, *repeat, *seed, *bag); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, files []string, testdata, out, margins string, epochs, minCount, repeat int, seed uint64, bag int) error {
	lex, err := lexicon.Builtin()
	if err != nil {
		return fmt.Errorf("lexicons: %w", err)
	}
	seg := segment.New(lex, segment.Options{})
	abbr, orgEnd, translit, err := abbreviations(files, lex.Surnames)
	if err != nil {
		return err
	}
	var exs []example
	for i, f := range files {
		e, err := examples(ctx, seg, lex, f, abbr, orgEnd)
		if err != nil {
			return err
		}
		for n := 0; n < 1 || i == 0 && n < repeat; n++ {
			exs = append(exs, e...) // the first file's conventions weigh more
		}
	}
	if testdata != "" {
		e, err := policyExamples(seg, lex, testdata, orgEnd)
		if err != nil {
			return err
		}
		exs = append(exs, e...)
		files = append(files, "the train split of "+filepath.Join(testdata, "labels"))
	}
	w := map[string]float64{} // the mean of bag runs: less of one order's chance
	for k := uint64(0); k < uint64(max(bag, 1)); k++ {
		for f, v := range train(slices.Clone(exs), epochs, minCount, seed+k) {
			w[f] += v / float64(max(bag, 1))
		}
	}
	for f, v := range w {
		if math.Abs(v) < 0.5 {
			delete(w, f)
		}
	}
	for r := range abbr {
		w["_abbr|"+string(r)] = 1
	}
	for r := range orgEnd {
		w["_orgend|"+string(r)] = 1
	}
	for r := range translit {
		w["_translit|"+string(r)] = 1
	}
	for _, kv := range strings.Split(margins, ",") {
		k, v, _ := strings.Cut(kv, "=")
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("-margins %q: %w", kv, err)
		}
		w["_margin|"+k] = x
	}
	return write(out, w, len(exs), files)
}

// examples segments each sentence of a BIO file and labels its candidate
// tokens: the gold type when a gold mention has exactly the token's span.
func examples(ctx context.Context, seg *segment.Segmenter, lex *lexicon.Set, file string, abbr, orgEnd map[rune]bool) ([]example, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	sents, err := nereval.ReadBIO(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []example
	f := &entities.Features{}
	feats := func() []string { return slices.Clone(f.List) }
	for _, s := range sents {
		doc, err := seg.SegmentContext(ctx, "zh", "", []string{s.Text})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		gold := map[[2]int]string{}
		for _, g := range s.Spans {
			gold[[2]int{g.Start, g.End}] = g.Type
		}
		for _, p := range doc.Paragraphs {
			for k, t := range p.Tokens {
				if !entities.NameCandidate(&p, k) {
					continue
				}
				f.Reset()
				entities.NameFeatures(f, &p, k, lex)
				out = append(out, example{feats(), classIndex(gold[[2]int{t.Start, t.End}])})
			}
			for k, t := range p.Tokens {
				for i := t.Start; i < t.End; i++ {
					if abbr[p.Runes[i]] {
						f.Reset()
						entities.AbbrFeatures(f, &p, i, k, func(r rune) bool { return abbr[r] })
						out = append(out, example{feats(), classIndex(gold[[2]int{i, i + 1}])})
					}
				}
			}
			for _, sp := range entities.OrgSpans(&p, func(r rune) bool { return orgEnd[r] }, lex) {
				f.Reset()
				entities.OrgSpanFeatures(f, &p, sp, lex)
				out = append(out, example{feats(), classIndex(gold[[2]int{sp.Start, sp.End}])})
			}
			for _, sp := range entities.NameSpans(&p, lex.Surnames) {
				f.Reset()
				entities.NameSpanFeatures(f, &p, sp, lex)
				out = append(out, example{feats(), classIndex(gold[[2]int{sp.Start, sp.End}])})
			}
		}
	}
	return out, nil
}

// abbreviations are the characters that the NER files tag as a place on
// their own at least three times; orgEnd those that end a body's name at
// least ten times; translit those found at least three times in foreign
// names: names joined by a middle dot, or of three or more characters
// that start with no Chinese surname.
func abbreviations(files []string, surnames map[string]bool) (abbr, orgEnd, translit map[rune]bool, err error) {
	count, ends, dotted := map[rune]int{}, map[rune]int{}, map[rune]int{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, nil, nil, err
		}
		sents, err := nereval.ReadBIO(fh)
		fh.Close()
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, s := range sents {
			rs := []rune(s.Text)
			for _, sp := range s.Spans {
				if sp.Type == "LOC" && sp.End-sp.Start == 1 {
					count[rs[sp.Start]]++
				}
				if sp.Type == "ORG" && sp.End-sp.Start > 2 {
					ends[rs[sp.End-1]]++
				}
				if name := rs[sp.Start:sp.End]; sp.Type == "PER" && foreignName(name, surnames) {
					for _, r := range name {
						dotted[r]++ // 卡洛斯·阿马特, 斯特伦: the characters of transliterations
					}
				}
			}
		}
	}
	abbr, orgEnd = map[rune]bool{}, map[rune]bool{}
	for r, n := range count {
		if n >= 3 {
			abbr[r] = true
		}
	}
	for r, n := range ends {
		if n >= 10 {
			orgEnd[r] = true
		}
	}
	translit = map[rune]bool{}
	for r, n := range dotted {
		if n >= 3 && r != '·' {
			translit[r] = true
		}
	}
	return abbr, orgEnd, translit, nil
}

// foreignName reports a name joined by a middle dot (卡洛斯·阿马特), or of
// three or more characters that starts with no Chinese surname (斯特伦).
func foreignName(name []rune, surnames map[string]bool) bool {
	if slices.Contains(name, '·') {
		return true
	}
	return len(name) >= 3 && !surnames[string(name[:1])] && !surnames[string(name[:2])]
}

// policyExamples labels the candidate tokens of the labelled corpus's
// train documents by their text: a token is a person, body or place when
// the document's gold entities of that type hold it (text or alternative).
func policyExamples(seg *segment.Segmenter, lex *lexicon.Set, testdata string, orgEnd map[rune]bool) ([]example, error) {
	var out []example
	f := &entities.Features{}
	feats := func() []string { return slices.Clone(f.List) }
	err := labels.EachParsed(testdata, labels.Train, func(g labels.Gold, d *parse.Document) error {
		doc, err := seg.Segment("", d.Title, d.Paragraphs)
		if err != nil || doc.Lang != "zh" {
			return err
		}
		gold := goldTypes(g)
		for _, p := range append([]segment.Paragraph{doc.Title}, doc.Paragraphs...) {
			for k, t := range p.Tokens {
				if entities.NameCandidate(&p, k) {
					f.Reset()
					entities.NameFeatures(f, &p, k, lex)
					out = append(out, example{feats(), classIndex(gold[labels.Norm(t.Text)])})
				}
			}
			for _, sp := range entities.NameSpans(&p, lex.Surnames) {
				f.Reset()
				entities.NameSpanFeatures(f, &p, sp, lex)
				out = append(out, example{feats(), classIndex(gold[labels.Norm(string(p.Runes[sp.Start:sp.End]))])})
			}
			for _, sp := range entities.OrgSpans(&p, func(r rune) bool { return orgEnd[r] }, lex) {
				f.Reset()
				entities.OrgSpanFeatures(f, &p, sp, lex)
				out = append(out, example{feats(), classIndex(gold[labels.Norm(string(p.Runes[sp.Start:sp.End]))])})
			}
		}
		return nil
	})
	return out, err
}

// goldTypes maps the normalized texts of a label's persons, bodies and
// places to their NER class.
func goldTypes(g labels.Gold) map[string]string {
	class := map[string]string{"person": "PER", "organization": "ORG", "location": "LOC"}
	out := map[string]string{}
	for _, e := range g.Entities {
		c, ok := class[e.Type]
		if !ok {
			continue
		}
		for _, s := range append([]string{e.Text}, e.Alt...) {
			if _, seen := out[labels.Norm(s)]; !seen {
				out[labels.Norm(s)] = c
			}
		}
	}
	return out
}

func classIndex(typ string) int {
	for i, c := range entities.NameClasses {
		if c == typ {
			return i
		}
	}
	return len(entities.NameClasses) - 1 // O
}

// train runs an averaged perceptron over the examples. With a seed other
// than 0 it shuffles them before each epoch (a fixed generator, so the
// weights are the same on every run): in the files' order the labelled
// corpus's examples always came last and the weights leaned to them.
func train(exs []example, epochs, minCount int, seed uint64) map[string]float64 {
	count := map[string]int{}
	for _, e := range exs {
		for _, f := range e.feats {
			count[f]++
		}
	}
	nc := len(entities.NameClasses)
	w, total, stamp := map[string][]float64{}, map[string][]float64{}, map[string][]int{}
	vec := func(m map[string][]float64, f string) []float64 {
		if m[f] == nil {
			m[f] = make([]float64, nc)
		}
		return m[f]
	}
	step := 0
	bump := func(f string, c int, d float64) {
		wf, tf := vec(w, f), vec(total, f)
		if stamp[f] == nil {
			stamp[f] = make([]int, nc)
		}
		tf[c] += float64(step-stamp[f][c]) * wf[c]
		stamp[f][c] = step
		wf[c] += d
	}
	var rng *rand.Rand
	if seed != 0 {
		rng = rand.New(rand.NewPCG(seed, 0))
	}
	for ep := 0; ep < epochs; ep++ {
		if rng != nil {
			rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		}
		for _, e := range exs {
			step++
			feats := e.feats[:0:0]
			for _, f := range e.feats {
				if count[f] >= minCount {
					feats = append(feats, f)
				}
			}
			best, bs := 0, math.Inf(-1)
			for c := 0; c < nc; c++ {
				s := 0.0
				for _, f := range feats {
					if v := w[f]; v != nil {
						s += v[c]
					}
				}
				if s > bs {
					best, bs = c, s
				}
			}
			if best == e.class {
				continue
			}
			for _, f := range feats {
				bump(f, e.class, 1)
				bump(f, best, -1)
			}
		}
	}
	avg := map[string]float64{}
	for f, wf := range w {
		for c := 0; c < nc; c++ {
			t := total[f][c] + float64(step-stamp[f][c])*wf[c]
			if a := t / float64(step); math.Abs(a) >= 0.5 {
				avg[entities.NameClasses[c]+"|"+f] = a
			}
		}
	}
	return avg
}

func write(out string, w map[string]float64, n int, files []string) error {
	head := "# The name model: CLASS|feature TAB weight. Generated by `go generate ./internal/entities`\n" +
		fmt.Sprintf("# from %s (%d candidate tokens); do not edit.\n", strings.Join(files, " "), n)
	return lexicon.WriteWeights(out, head, w, "%.3f")
}
