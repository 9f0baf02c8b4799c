package keywords

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/internal/labels"
)

func TestBuiltinKeyphrases(t *testing.T) {
	if builtinKeyphrasesErr != nil {
		t.Fatal(builtinKeyphrasesErr)
	}
	if len(builtinKeyphrases) == 0 {
		t.Fatal("no keyphrases: run go generate ./internal/keywords")
	}
	for term, n := range builtinKeyphrases {
		if n < KeyphraseMin || NormTerm(term) != term {
			t.Errorf("row %q %d: want a normalized term named by %d documents or more", term, n, KeyphraseMin)
		}
	}
}

// NormTerm must compare as the scorer does (labels.Norm), or a keyphrase
// would never be found again.
func TestNormTermIsLabelsNorm(t *testing.T) {
	for _, s := range []string{"积极的财政政策", "“三农”", "Acting Capacity", "Executive Order 12866", "调整、改革、整顿、提高", "ＡＰＰ", "1+N", "《数据安全法》", "COVID-19"} {
		if got, want := NormTerm(s), labels.Norm(s); got != want {
			t.Errorf("NormTerm(%q) = %q, labels.Norm gives %q", s, got, want)
		}
	}
}

func TestKeyphrasesBeyond(t *testing.T) {
	kp := func(t string) int { return map[string]int{"扩大内需": 6, "三农": 1}[t] }
	best := []Keyword{{Term: "结构"}}
	combined := map[string]float64{"结构": 0.9, "扩大内需": 0.01, "三农": 0.02, "其他": 0.5}
	got := keyphrasesBeyond(kp, best, combined, map[string]int{})
	if len(got) != 1 || got[0].Term != "扩大内需" {
		t.Errorf("keyphrasesBeyond = %v, want only 扩大内需 (三农 is named by one document, 结构 is shortlisted)", got)
	}
	if keyphrasesBeyond(nil, best, combined, nil) != nil {
		t.Error("no table must shortlist nothing")
	}
}

// TestKeyphrasesCurrent fails when the embedded keyphrase table was built
// from other labels than today's (go run ./train rewrites it): the counts
// are those of the train split's first ten keywords per document.
func TestKeyphrasesCurrent(t *testing.T) {
	golds, err := labels.Load(filepath.Join("..", "..", "testdata", "labels"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, g := range golds {
		if labels.SplitOf(g.File) != labels.Train {
			continue
		}
		own := map[string]bool{}
		for _, k := range g.Keywords[:min(10, len(g.Keywords))] {
			own[NormTerm(k)] = true
		}
		for k := range own {
			want[k]++
		}
	}
	maps.DeleteFunc(want, func(_ string, n int) bool { return n < KeyphraseMin })
	if !maps.Equal(want, builtinKeyphrases) {
		t.Errorf("%s holds %d keyphrases, the train labels now give %d or other counts: regenerate it (go generate ./internal/keywords)", KeyphrasesFile, len(builtinKeyphrases), len(want))
	}
}
