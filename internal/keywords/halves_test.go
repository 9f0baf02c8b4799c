package keywords

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/internal/parse"
)

// TestNeighbours checks the counts the half-phrase rule and the corpus
// junk test share.
func TestNeighbours(t *testing.T) {
	for _, c := range []struct {
		texts   []string
		term    string
		n, l, r int
		half    bool
	}{
		{[]string{"县市区人民政府和县市区人民政府", "县市区人民政府、县市区人民政府，县市区人民政府"}, "县市区", 5, 0, 5, true},
		{[]string{"网约车、网约车", "网约车网约车。网约车"}, "网约", 5, 1, 5, true},
		{[]string{"加强财政政策，中央财政，财政赤字，财政收入，财政"}, "财政", 5, 1, 1, false},
		{[]string{"的保障性的保障性的保障性的保障性的保障性的"}, "保障性", 5, 0, 0, false}, // 的 is no glue
		{[]string{"租赁住房租赁住房"}, "租赁住房", 2, 1, 1, false},             // too few
		{[]string{"abc"}, "", 0, 0, 0, false},
	} {
		n, l, r := Neighbours(c.texts, c.term)
		if got := halves(c.texts, []string{c.term})[0]; got != c.half {
			t.Errorf("halves(%q) = %v, want %v", c.term, got, c.half)
		}
		if n != c.n || l != c.l || r != c.r || IsHalf(n, l, r) != c.half {
			t.Errorf("Neighbours(%q) = %d, %d, %d (half %v), want %d, %d, %d (half %v)", c.term, n, l, r, IsHalf(n, l, r), c.n, c.l, c.r, c.half)
		}
	}
}

// TestDropHalves checks that a term always written against the same
// character is no keyword, and a term written on its own stays.
func TestDropHalves(t *testing.T) {
	setup(t)
	paras := []string{}
	for i := 0; i < 6; i++ {
		paras = append(paras, "各县市区人民政府应当加强生态环境保护，落实生态环境保护责任。")
	}
	doc, err := seg.Segment("zh", "生态环境保护条例", paras)
	if err != nil {
		t.Fatal(err)
	}
	a := NewAccumulator(lex, "zh")
	a.Add(doc)
	got := a.dropHalves([]Keyword{{Term: "县市区"}, {Term: "生态环境保护"}, {Term: "人民政府"}}, lex.IDF)
	// 人民政府 is always written after 县市区 here: half of a longer name too
	if len(got) != 1 || got[0].Term != "生态环境保护" {
		t.Errorf("dropHalves kept %v, want 生态环境保护 only", got)
	}
}

// BenchmarkHalves compares the half-phrase pass with the rest of ranking
// on the longest shipped Chinese document: Keywords includes it.
func BenchmarkHalves(b *testing.B) {
	setup(b)
	path := filepath.Join("..", "..", "testdata", "docs", "zh-docs", "govcn-20181205-content_5345808.html")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	d, err := parse.Parse(path, data, parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := seg.Segment(d.Language, d.Title, d.Paragraphs)
	if err != nil {
		b.Fatal(err)
	}
	a := NewAccumulator(lex, doc.Lang)
	a.Add(doc)
	var terms []string
	for _, c := range a.Scored() {
		terms = append(terms, c.Term)
	}
	b.Run("halves", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			halves(a.text, terms)
		}
	})
	b.Run("keywords", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			a.Keywords(15)
		}
	})
}

// TestPieceOfWord checks the rule for two-character pieces of one longer
// word: unseen or rare words mostly written against the same character
// go, words of policy text and words the text often writes alone stay.
func TestPieceOfWord(t *testing.T) {
	setup(t)
	rep := func(s string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = s
		}
		return out
	}
	cases := []struct {
		name, term string
		text       []string
		count      int
		want       bool
	}{
		{"unseen, twice of twice after 订", "量涨", rep("春节机票预订量涨150%", 2), 2, true},
		{"rare, eleven of thirteen inside 网约车", "约车", append(rep("全国网约车平台", 11), "首汽约车", "交通约车"), 2, true},
		{"rare, but written alone as often", "约车", append(rep("网约车", 3), "首汽约车", "交通约车"), 2, false},
		{"a word of policy text", "事故", rep("特大安全事故", 12), 1, false},
		{"unseen, written as a word six times", "书据", rep("产权转移书据", 6), 6, false},
		{"never twice against the same character", "量涨", []string{"预订量涨", "销量涨"}, 2, false},
	}
	for _, tc := range cases {
		a := NewAccumulator(lex, "zh")
		a.text = tc.text
		if got := a.pieceOfWord(tc.term, &termStat{count: tc.count, pos: "n"}, lex.IDF); got != tc.want {
			t.Errorf("%s: pieceOfWord(%s) = %v, want %v", tc.name, tc.term, got, tc.want)
		}
	}
}
