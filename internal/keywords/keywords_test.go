package keywords

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

var (
	once sync.Once
	lex  *lexicon.Set
	seg  *segment.Segmenter
)

func setup(t testing.TB) {
	once.Do(func() {
		var err error
		if lex, err = lexicon.Builtin(); err != nil {
			t.Fatal(err)
		}
		seg = segment.New(lex, segment.Options{})
	})
}

func TestMergePhrases(t *testing.T) {
	c := func(s string) cand { return cand{text: s, content: true, joins: true, pos: "n"} }
	brk := cand{}
	cases := []struct {
		in   [][]cand
		want [][]string
	}{
		// a pair used twice merges; used once it stays apart
		{[][]cand{{c("安全"), c("生产"), brk, c("执法")}, {c("安全"), c("生产")}, {c("监管"), c("执法")}},
			[][]string{{"安全生产", "", "执法"}, {"安全生产"}, {"监管", "执法"}}},
		// never across punctuation
		{[][]cand{{c("安全"), brk, c("生产")}, {c("安全"), brk, c("生产")}},
			[][]string{{"安全", "", "生产"}, {"安全", "", "生产"}}},
		// a merged phrase merges again with its neighbour
		{[][]cand{{c("安全"), c("生产"), c("执法")}, {c("安全"), c("生产"), c("执法")}},
			[][]string{{"安全生产执法"}, {"安全生产执法"}}},
	}
	for _, tc := range cases {
		seqs := tc.in
		for round := 0; round < 2; round++ {
			seqs = mergePhrases(seqs, "zh")
		}
		var got [][]string
		for _, s := range seqs {
			var terms []string
			for _, x := range s {
				terms = append(terms, x.text)
			}
			got = append(got, terms)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func analyze(t *testing.T, path string, record int) []Keyword {
	t.Helper()
	setup(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d *parse.Document
	if strings.HasSuffix(path, ".jsonl") {
		i := 0
		parse.ReadJSONL(strings.NewReader(string(data)), path, parse.DefaultJSONLFields, 0, func(doc *parse.Document, err error) bool {
			if i == record {
				d = doc
			}
			i++
			return i <= record
		})
	} else if d, err = parse.Parse(path, data, parse.Options{}); err != nil {
		t.Fatal(err)
	}
	doc, err := seg.Segment("", d.Title, d.Paragraphs)
	if err != nil {
		t.Fatal(err)
	}
	return Extract(doc, lex, 10)
}

var generic = []string{"发展", "推进", "加强", "建设", "推动", "坚持", "实施"}

func TestSeedKeywords(t *testing.T) {
	kws := analyze(t, filepath.Join("..", "..", "testdata", "docs", "seed.md"), 0)
	terms := map[string]bool{}
	for _, k := range kws {
		terms[k.Term] = true
	}
	if !terms["安全生产"] || !terms["安全生产法"] {
		t.Errorf("seed keywords lack 安全生产 or 安全生产法: %v", kws)
	}
	hasEnforcement := false
	for k := range terms {
		hasEnforcement = hasEnforcement || strings.Contains(k, "执法")
	}
	if !hasEnforcement {
		t.Errorf("no 执法 phrase in %v", kws)
	}
	for _, g := range generic {
		if terms[g] {
			t.Errorf("generic verb %s among keywords %v", g, kws)
		}
	}
	// deterministic
	if again := analyze(t, filepath.Join("..", "..", "testdata", "docs", "seed.md"), 0); !reflect.DeepEqual(again, kws) {
		t.Errorf("keywords differ between runs:\n%v\n%v", kws, again)
	}
}

func TestWorkReport2025(t *testing.T) {
	kws := analyze(t, filepath.Join("..", "..", "testdata", "docs", "gwr", "reports-2024-2025-1954.jsonl"), 0)
	for _, k := range kws {
		for _, g := range generic {
			if k.Term == g {
				t.Errorf("generic %s among the 2025 report's keywords %v", g, kws)
			}
		}
	}
	if len(kws) != 10 {
		t.Errorf("%d keywords", len(kws))
	}
}

func TestTextRankPrefersConnectedTerms(t *testing.T) {
	seqs := [][]string{{"a", "b", "c"}, {"a", "b"}, {"a", "c"}, {"d"}}
	r := textRank(seqs, 5, 30)
	if !(r["a"] > r["b"] && r["b"] > r["d"]) {
		t.Errorf("ranks %v", r)
	}
}

func TestSurfaceForms(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("en", "", []string{
		"Agencies shall support the USDS. The USDS Administrator reports to the USDS team.",
		"Agencies work with agencies and the public. Public health matters.",
	})
	if err != nil {
		t.Fatal(err)
	}
	forms := surfaceForms(doc)
	if forms["usds"] != "USDS" {
		t.Errorf("usds → %q, want USDS", forms["usds"])
	}
	for _, w := range []string{"agencies", "public"} {
		if f, ok := forms[w]; ok {
			t.Errorf("%s → %q: a capital at a sentence's start is no form of its own", w, f)
		}
	}
}

func TestMeasureWordsJoinNoPhrase(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("zh", "", []string{"今年遴选13家企业和20家企业参加试点，13家企业获得资助。", "5月1日至5日放假调休，20家企业值班。"})
	if err != nil {
		t.Fatal(err)
	}
	for _, seq := range Candidates(doc, lex) {
		for _, c := range seq {
			if strings.HasPrefix(c, "家") || strings.HasPrefix(c, "日") {
				t.Errorf("candidate %q starts with a measure word", c)
			}
		}
	}
}

func TestEnglishPhrases(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("en", "", []string{"It is the policy to sustain artificial intelligence dominance. We lead in artificial intelligence today."})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, seq := range Candidates(doc, lex) {
		for _, c := range seq {
			found = found || c == "artificial intelligence"
		}
	}
	if !found {
		t.Errorf("artificial intelligence, used twice, is not a phrase: %v", Candidates(doc, lex))
	}
}

// TestNameEndingsAreNoKeywords checks that the ending of a body's name the
// text only writes after the rest of the name (城西|派出所) is no
// candidate, while the same ending written on its own is.
func TestNameEndingsAreNoKeywords(t *testing.T) {
	setup(t)
	cases := []struct {
		paras []string
		term  string
		want  bool
	}{
		{[]string{"市民就近跑到黄岩城西派出所报案。", "黄岩城西派出所民警赶到现场。", "黄岩分局城西派出所立案调查。"}, "派出所", false},
		{[]string{"派出所是公安机关的派出机构。", "群众可以到派出所报案。", "派出所民警应当及时出警。"}, "派出所", true},
	}
	for _, c := range cases {
		doc, err := seg.Segment("zh", "", c.paras)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, s := range Score(doc, lex) {
			got = got || s.Term == c.term
		}
		if got != c.want {
			t.Errorf("%s: %q shortlisted %v, want %v", c.paras[0], c.term, got, c.want)
		}
	}
}

// TestNumberedOrders checks that an order or memorandum cited by its
// number is one candidate, written as the orders write it, and that the
// document's own number (the first in its title) is none, though an order
// its title cites after it is one.
func TestNumberedOrders(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("en", "Executive Order 14099 of May 9, 2023: Amending Executive Order 13462", []string{
		"Executive Order 14042 of September 9, 2021, is revoked. Executive Order 14099 takes effect today.",
		"Agencies shall follow OMB Memorandum M-08-01 and Executive Order 14042 until then. Executive Order 13462 is amended.",
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, seq := range Candidates(doc, lex) {
		for _, c := range seq {
			got[c] = true
		}
	}
	for term, want := range map[string]bool{"executive order 14042": true, "m-08-01": true, "executive order 14099": false, "14042": false, "executive order 13462": true} {
		if got[term] != want {
			t.Errorf("candidate %q: %v, want %v", term, got[term], want)
		}
	}
	for in, want := range map[string]string{"executive order 12866": "Executive Order 12866", "Executive order 12866": "Executive Order 12866", "m-08-01": "M-08-01", "executive order": "executive order", "regulation": "regulation"} {
		if got := numberedForm(in); got != want {
			t.Errorf("numberedForm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNamedPartiesStayCandidates checks that an addressee naming a kind
// of party (公安机关) is a candidate, and a generic body (有关部门) is not.
func TestNamedPartiesStayCandidates(t *testing.T) {
	setup(t)
	doc, err := seg.Segment("zh", "", []string{"公安机关应当会同有关部门依法处理。", "公安机关和有关部门应当及时通报。"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, seq := range Candidates(doc, lex) {
		for _, c := range seq {
			got[c] = true
		}
	}
	if !got["公安机关"] || got["有关部门"] {
		t.Errorf("公安机关 a candidate: %v (want true); 有关部门: %v (want false)", got["公安机关"], got["有关部门"])
	}
	for text, want := range map[string]bool{"用人单位": true, "纳税人": true, "主管部门": false, "全社会": false, "各地区": false, "企业": false, "相关单位": false} {
		if namedParty(text) != want {
			t.Errorf("namedParty(%q) = %v, want %v", text, !want, want)
		}
	}
}

// TestLeadAndQuotes checks the signs of a term the text sets apart: an
// enumerated point's opening, a heading, quotes around it.
func TestLeadAndQuotes(t *testing.T) {
	setup(t)
	for _, c := range []struct {
		text string
		want bool
	}{
		{"一是加快发展保障性租赁住房", true},
		{"二、主要任务", true},
		{"（三）强化监管", true},
		{"(4) Federal agencies", true},
		{"5. 附则", true},
		{"是否", false},
		{"一个", false},
		{"十分", false},
	} {
		if got := enumerated([]rune(c.text)); got != c.want {
			t.Errorf("enumerated(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"三、加快发展保障性租赁住房", true},
		{"各地区要加快发展保障性租赁住房。", false},
		{"", false},
	} {
		p := segment.Paragraph{Text: c.text, Runes: []rune(c.text)}
		if got := isHeading(&p); got != c.want {
			t.Errorf("isHeading(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	doc, err := seg.Segment("zh", "", []string{"坚持“房住不炒”定位。"})
	if err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, seq := range candidateSeqs(doc, lex) {
		for _, c := range seq {
			if c.text == "房住不炒" && c.qL && c.qR {
				quoted = true
			}
		}
	}
	if !quoted {
		t.Errorf("房住不炒 not seen as quoted in %v", Candidates(doc, lex))
	}
}

// TestEnglishEnding checks the word endings the ranker reads for English.
func TestEnglishEnding(t *testing.T) {
	for w, want := range map[string]string{"voluntary": "ary", "regulation": "ion", "required": "ed", "otherwise": "ise", "regulations": "s", "Act": "other", "funding": "ing", "faith-based": "ed"} {
		if got := ending(w); got != want {
			t.Errorf("ending(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestHoliday checks which time words stand as keywords: days of their own,
// not dates or spans.
func TestHoliday(t *testing.T) {
	for w, want := range map[string]bool{"春节": true, "清明": true, "元旦": true, "中秋节": true, "端午节": true,
		"年底": false, "今年": false, "近期": false, "上午": false, "目前": false, "同期": false, "夜": false} {
		if got := holiday(w); got != want {
			t.Errorf("holiday(%q) = %v, want %v", w, got, want)
		}
	}
}
