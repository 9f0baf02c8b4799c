package keywords

import (
	"github.com/policylens/policylens/internal/fold"
	"reflect"
	"strings"
	"testing"
)

func TestBuiltinModel(t *testing.T) {
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	for _, f := range []string{"bias", "tfidf", "textrank", "idf", "contained"} {
		if _, ok := builtin.W[f]; !ok {
			t.Errorf("the ranker has no weight for %s: run go generate ./internal/keywords", f)
		}
	}
	if _, err := ParseModel("bias\tx\n"); err == nil {
		t.Error("a bad weight parsed")
	}
}

func TestSingulars(t *testing.T) {
	cases := map[string][]string{
		"regulations": {"regulation"},
		"agencies":    {"agency"},
		"processes":   {"process", "processe"},
		"business":    nil,
		"status":      nil,
		"act":         nil,
	}
	for w, want := range cases {
		if got := singulars(w); !reflect.DeepEqual(got, want) {
			t.Errorf("singulars(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestEnglishLemmasFoldPlurals(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("en", "", []string{"Each agency shall review its regulations. A regulation that agencies find outdated is repealed."})
	if err != nil {
		t.Fatal(err)
	}
	kws := Extract(doc, lex, 10)
	for _, k := range kws {
		if k.Term == "regulations" || k.Term == "agencies" {
			t.Errorf("a plural stands apart from its singular: %v", kws)
		}
	}
}

func TestDistinctKeepsUnits(t *testing.T) {
	ranked := []Keyword{{Term: "电子烟"}, {Term: "电子烟监管"}, {Term: "安全生产"}, {Term: "安全生产法"}, {Term: "卷烟"}}
	got := distinct(ranked, 4, "zh", map[string]bool{"安全生产法": true})
	var terms []string
	for _, k := range got {
		terms = append(terms, k.Term)
	}
	if want := []string{"电子烟", "安全生产", "安全生产法", "卷烟"}; !reflect.DeepEqual(terms, want) {
		t.Errorf("distinct = %v, want %v", terms, want)
	}
}

func TestFragmentsNeverKeywords(t *testing.T) {
	setup(t)
	// 风险较 is always written against 高/低: a piece of a word
	doc, err := seg.Segment("zh", "", []string{"口岸所在地风险较高，重点人群风险较高，风险较低的地区有序推进疫苗接种。疫苗接种工作有序推进。"})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Extract(doc, lex, 15) {
		if k.Term == "风险较" {
			t.Errorf("fragment %q among the keywords", k.Term)
		}
	}
}

func TestTraditionalKeywordsFold(t *testing.T) {
	setup(t)
	simp := []string{"国务院要求加强安全生产执法，严厉打击非法违法生产经营行为。", "各地区要落实安全生产责任，加强执法检查，推动经济发展。"}
	trad := []string{"國務院要求加強安全生產執法，嚴厲打擊非法違法生產經營行為。", "各地區要落實安全生產責任，加強執法檢查，推動經濟發展。"}
	ds, err := seg.Segment("zh", "安全生产执法检查", simp)
	if err != nil {
		t.Fatal(err)
	}
	dt, err := seg.Segment("zh", "安全生產執法檢查", trad)
	if err != nil {
		t.Fatal(err)
	}
	if !dt.Traditional {
		t.Fatal("the traditional text is not seen as traditional")
	}
	ks, kt := Extract(ds, lex, 5), Extract(dt, lex, 5)
	if len(kt) == 0 {
		t.Fatal("no keywords for the traditional text")
	}
	for _, k := range kt {
		if fold.String(k.Term) != k.Term {
			t.Errorf("a traditional keyword is not folded: %q", k.Term)
		}
	}
	if kt[0].Term != ks[0].Term {
		t.Errorf("the best keyword differs: traditional %v, simplified %v", kt, ks)
	}
}

func TestEnglishBoilerplateNeverKeywords(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("en", "Promoting Open Source Software", []string{
		"Sec. 1. Policy. The Director of the Office of Management and Budget shall issue guidance on open source software.",
		"Sec. 2. Agencies are required to release custom code as open source software. Each agency shall report to the Director.",
		"Sec. 3. The Director shall publish an inventory of open source software that agencies are required to maintain.",
	})
	if err != nil {
		t.Fatal(err)
	}
	kws := Extract(doc, lex, 10)
	for _, k := range kws {
		switch strings.ToLower(k.Term) {
		case "sec", "director", "required", "agency", "agencies":
			t.Errorf("boilerplate %q among the keywords %v", k.Term, kws)
		}
	}
	if len(kws) == 0 || !strings.Contains(strings.ToLower(kws[0].Term), "open source") {
		t.Errorf("the subject is not the first keyword: %v", kws)
	}
}
