package directives

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
)

// TestShortAsNamed: the model finds every feature of the built-in weights
// file with the weights the file gives it (read into one map, as the model
// was before its table of short features), by name and, for a hot
// family's, by number; and it finds no weight for values the file lacks:
// none, three runes, spaces, control and invalid bytes, an = inside.
func TestShortAsNamed(t *testing.T) {
	m := builtinModel()
	if m == nil || m.short == nil {
		t.Fatal("no built-in model or no table of its short features")
	}
	ref := map[string][2]float64{}
	err := lexicon.EachWeight(modelText, ModelFile, func(k string, v float64) {
		stage := 0
		if rest, ok := strings.CutPrefix(k, stage2Prefix); ok {
			k, stage = rest, 1
		}
		w := ref[k]
		w[stage] = v
		ref[k] = w
	})
	if err != nil {
		t.Fatal(err)
	}
	type probe struct {
		fam   family
		value string
	}
	var probes []probe
	for name, want := range ref {
		if got, ok := m.lookup(name); (!ok || got != want) && name != scaleKey {
			t.Fatalf("%s: %v (%v), want %v", name, got, ok, want)
		}
		head, value, _ := strings.Cut(name, "=")
		if fam := familyOf(head); fam != 0 {
			probes = append(probes, probe{fam, value}, probe{fam, strings.ReplaceAll(value, "_", "\u3000")}) // a space is named _
		}
	}
	odd := []string{"", "一", "一是", "一是要", " ", "\t是", "一\n", "\x00", "\xff", "\xe4\xb8", "=", "a=", "是=", "_是", "v", "vn", "nrfg"}
	r := rand.New(rand.NewPCG(5, 6))
	for _, v := range odd {
		for fam := famC2; fam < famCount; fam++ {
			probes = append(probes, probe{fam, v})
		}
	}
	for range 2000 { // a known value's runes with another family's
		p := probes[r.IntN(len(probes))]
		probes = append(probes, probe{family(1 + r.IntN(int(famCount)-1)), p.value})
	}
	for _, p := range probes {
		byNumber := featureSet{m: m}
		byNumber.addShort(p.fam, p.value)
		named := featureSet{m: m, keep: true}
		named.add(p.fam.name(), p.value)
		if want := ref[named.names[0]]; byNumber.score != want || named.score != want {
			t.Fatalf("%s: %v by number, %v by name, want %v", named.names[0], byNumber.score, named.score, want)
		}
	}
}

// TestShortFeaturesKeepDirectives: the directives of the Chinese test
// documents, confidences to the last bit, are the same whether the model
// weighs the features by number (a plain run) or by name (--explain, which
// keeps the names).
func TestShortFeaturesKeepDirectives(t *testing.T) {
	setup(t)
	rules := Compile(lex)
	files, _ := filepath.Glob("../../testdata/docs/zh-*/*")
	gwr, _ := filepath.Glob("../../testdata/docs/gwr/*")
	files = append(files, gwr...)
	if len(files) < 10 {
		t.Fatalf("only %d test documents", len(files))
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := seg.Segment("zh", "", strings.Split(string(b), "\n"))
		if err != nil {
			t.Fatal(err)
		}
		for _, meta := range []Meta{news, plan} {
			plain := Extract(doc, rules, meta)
			meta.Explain = true
			named := Extract(doc, rules, meta)
			for i := range named {
				named[i].Why = nil
			}
			if !reflect.DeepEqual(plain, named) {
				t.Fatalf("%s as %s: the directives by number differ from those by name", file, meta.Format)
			}
		}
	}
}

// BenchmarkFeatureLookups weighs the hot families' features of the work
// reports' action clauses (as Candidates names them) by number and by
// name.
func BenchmarkFeatureLookups(b *testing.B) {
	setup(b)
	m := builtinModel()
	text, err := os.ReadFile("../../testdata/docs/gwr/reports-2024-2025-1954.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := seg.Segment("zh", "", strings.Split(string(text), "\n"))
	if err != nil {
		b.Fatal(err)
	}
	type probe struct {
		fam   family
		value string
	}
	var probes []probe
	for _, c := range Candidates(doc, Compile(lex), plan) {
		for _, name := range c.Features {
			head, value, _ := strings.Cut(name, "=")
			if fam := familyOf(head); fam != 0 {
				probes = append(probes, probe{fam, value})
			}
		}
	}
	b.Logf("%d look-ups", len(probes))
	b.Run("number", func(b *testing.B) {
		f := featureSet{m: m}
		for b.Loop() {
			for _, p := range probes {
				f.addShort(p.fam, p.value)
			}
		}
	})
	b.Run("name", func(b *testing.B) {
		f := featureSet{m: m}
		for b.Loop() {
			for _, p := range probes {
				f.add(p.fam.name(), p.value)
			}
		}
	})
}

// BenchmarkLoadModel: parsing the built-in weights, the table of short
// features included (a cold start waits for it).
func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := loadModel(modelText, ModelFile); err != nil {
			b.Fatal(err)
		}
	}
}

// shortKey, with its shortcut for Chinese characters, numbers a value as
// the loop over its runes does, on random strings of ASCII, spaces,
// punctuation, ideographs, surrogates' bytes and invalid bytes.
func TestShortKeyAsSimple(t *testing.T) {
	simple := func(fam family, value string) (uint64, bool) {
		var r [2]rune
		n := 0
		for _, c := range value {
			if n == 2 {
				return 0, false
			}
			r[n] = nameRune(c)
			n++
		}
		if n == 0 {
			return 0, false
		}
		return keyOf(fam, r, n), true
	}
	parts := []string{"a", " ", "\t", "，", "\u3000", "要", "应", "\u4000", "\u3fff", "\uffff", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe4\xb8", "\x80", "\xff", "𠀀", "é"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		v := b.String()
		gk, gok := shortKey(famV0, v)
		wk, wok := simple(famV0, v)
		if gk != wk || gok != wok {
			t.Fatalf("shortKey(%q) = %x %v, want %x %v", v, gk, gok, wk, wok)
		}
	}
}

// addShort weighs a value as add does through the model's look-up, for
// the values of every hot family the weights file names, longer ones and
// odd ones (spaces, invalid bytes, none).
func TestAddShortAsAdd(t *testing.T) {
	m := builtinModel()
	if m == nil || m.short == nil {
		t.Fatal("no built-in model or no table of its short features")
	}
	values := []string{"", " ", "\xff", "a b", "要", "加强", "进一步", "进一步加强", "\xff\xfe\xfd", "推 进"}
	for name := range m.w {
		if len(name) > 3 && name[2] == '=' {
			values = append(values, name[3:])
		}
	}
	for fam := famC2; fam < famCount; fam++ {
		for _, v := range values {
			short, named := featureSet{m: m}, featureSet{m: m}
			short.addShort(fam, v)
			named.add(fam.name(), v)
			if short.score != named.score {
				t.Fatalf("%s=%q: addShort %v, add %v", fam.name(), v, short.score, named.score)
			}
		}
	}
}
