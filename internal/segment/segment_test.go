package segment

import (
	"fmt"
	"github.com/policylens/policylens/internal/fold"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/golden"
	"github.com/policylens/policylens/internal/lexicon"
)

var (
	once   sync.Once
	shared *Segmenter
)

func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	once.Do(func() {
		lex, err := lexicon.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		shared = New(lex, Options{})
	})
	return shared
}

// seedParagraphs are the body of testdata/docs/seed.md, as the parser gives them.
var seedParagraphs = []string{
	"新修改的安全生产法于9月1日起正式施行，8月31日，国务院安委会办公室召开视频会议，部署加强安全生产执法工作。国务院安委会副主任、应急管理部部长黄明强调，要深入贯彻落实习近平总书记关于安全生产重要指示精神。",
	"会议要求，切实增强政治自觉和责任自觉，践行“两个维护”，加快“互联网+监管”试点，突出企业主要负责人这个“关键少数”。",
}

func render(p Paragraph) string {
	var b strings.Builder
	for _, t := range p.Tokens {
		fmt.Fprintf(&b, "%s/%s ", t.Text, t.POS)
	}
	b.WriteString("\n")
	for _, s := range p.Sentences {
		for _, c := range s.Clauses {
			fmt.Fprintf(&b, "[%s]", p.Slice(c.Span))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestGoldenSeed(t *testing.T) {
	doc, err := segmenter(t).Segment("", "", seedParagraphs)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "zh" || doc.Traditional {
		t.Fatalf("lang %s traditional %v", doc.Lang, doc.Traditional)
	}
	var b strings.Builder
	for _, p := range doc.Paragraphs {
		b.WriteString(render(p))
	}
	golden.Check(t, "testdata/seed.golden", []byte(b.String()))
	// policy terms come out whole
	words := map[string]bool{}
	for _, p := range doc.Paragraphs {
		for _, tk := range p.Tokens {
			words[tk.Text] = true
		}
	}
	for _, w := range []string{"安全生产法", "国务院安委会办公室", "国务院安委会", "应急管理部", "两个维护", "互联网+监管", "关键少数", "习近平"} {
		if !words[w] {
			t.Errorf("%s is not one token", w)
		}
	}
}

// TestTraditional segments a 1954 work report in traditional characters
// into words, not single characters.
func TestTraditional(t *testing.T) {
	para := "五年以來，中央人民政府在中國共産黨和毛澤東主席的領導之下，根據共同綱領所規定的目標進行了自己的工作，得到了全國人民的支持。"
	doc, err := segmenter(t).Segment("", "", []string{para})
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Traditional {
		t.Fatal("not detected as traditional")
	}
	p := doc.Paragraphs[0]
	han, multi := 0, 0
	for _, tk := range p.Tokens {
		if tk.POS == "w" {
			continue
		}
		han++
		if len([]rune(tk.Text)) > 1 {
			multi++
		}
	}
	if multi*2 < han {
		t.Errorf("only %d of %d words have more than one character: %s", multi, han, render(p))
	}
	golden.Check(t, "testdata/traditional.golden", []byte(render(p)))
}

func TestSentencesAndClauses(t *testing.T) {
	cases := []struct {
		text string
		want [][]string
	}{
		{"会议要求，加强执法。要突出重点！是否可行？", [][]string{{"会议要求", "加强执法"}, {"要突出重点"}, {"是否可行"}}},
		{"他说：“要加强监管。”随后离开。", [][]string{{"他说", "“要加强监管"}, {"随后离开"}}},
		{"一是加强监管；二是严格执法……三是完善制度", [][]string{{"一是加强监管"}, {"二是严格执法"}, {"三是完善制度"}}},
		{"根据《关于修改〈条例〉的决定，附件》执行，不得延误。", [][]string{{"根据《关于修改〈条例〉的决定，附件》执行", "不得延误"}}},
		{"煤炭产量62，000万吨，增加1，000万吨，达到2,500。", [][]string{{"煤炭产量62，000万吨", "增加1，000万吨", "达到2,500"}}},
		{"增加1，0000万吨，共12，34项，截至2019，100家。", [][]string{{"增加1", "0000万吨", "共12", "34项", "截至2019", "100家"}}},
	}
	for _, c := range cases {
		runes := []rune(c.text)
		var got [][]string
		for _, s := range splitZh(runes) {
			var cl []string
			for _, x := range s.Clauses {
				cl = append(cl, string(runes[x.Start:x.End]))
			}
			got = append(got, cl)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
	// the closing quote stays with its sentence
	runes := []rune("他说：“要加强监管。”随后离开。")
	if s := splitZh(runes)[0]; string(runes[s.Start:s.End]) != "他说：“要加强监管。”" {
		t.Errorf("first sentence %q", string(runes[s.Start:s.End]))
	}
}

func TestEnglishOffsets(t *testing.T) {
	text := "The Secretary of Commerce shall submit a report. Agencies may not delay; the Director will review it."
	doc, err := segmenter(t).Segment("", "", []string{text})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "en" {
		t.Fatalf("lang %s", doc.Lang)
	}
	p := doc.Paragraphs[0]
	for _, tk := range p.Tokens {
		if got := string(p.Runes[tk.Start:tk.End]); got != tk.Text {
			t.Errorf("token %q at %d-%d reads %q", tk.Text, tk.Start, tk.End, got)
		}
	}
	if len(p.Sentences) != 2 || len(p.Sentences[1].Clauses) != 2 {
		t.Errorf("sentences %+v", p.Sentences)
	}
}

// TestEnglishCitations: a sentence goes on after the abbreviations of
// legal citations (abbreviations.en.txt) and before a bracket around a
// lower-case word; a list mark opens a new one.
func TestEnglishCitations(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Agencies shall comply with Pub. L. No. 117-8 and 42 U.S.C. 263-1 et seq. as needed.", 1},
		{"Insofar as the Act (5 U.S.C. App.) (the “Act”), may apply, the Secretary shall act. It ends.", 2},
		{"It applies to Sec. 3 of E.O. 13526 and to the Dept. of Energy.", 1},
		{"The Secretary shall report. (b) The Director shall act. (ii) Agencies shall help.", 3},
		{"The U.S. Postal Service shall establish a national U.S. Postal Service model.", 1},
		{"It applies in the U.S. The Secretary shall act.", 2},
	} {
		doc, err := segmenter(t).Segment("en", "", []string{c.text})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(doc.Paragraphs[0].Sentences); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}

func TestKeepsLatinCase(t *testing.T) {
	doc, _ := segmenter(t).Segment("zh", "", []string{"GDP增长5%，COVID-19疫情"})
	var got []string
	for _, tk := range doc.Paragraphs[0].Tokens {
		got = append(got, tk.Text)
	}
	if !reflect.DeepEqual(got[:1], []string{"GDP"}) || !strings.Contains(strings.Join(got, " "), "COVID-19") {
		t.Errorf("tokens %q", got)
	}
}

func TestDetectLanguage(t *testing.T) {
	if DetectLanguage("", []string{"The order is revoked."}) != "en" || DetectLanguage("国务院通知", []string{"GDP增长5%"}) != "zh" {
		t.Error("language detection")
	}
}

// TestConcurrent segments documents from several goroutines at once with
// the one shared Segmenter (run with -race).
func TestConcurrent(t *testing.T) {
	s := segmenter(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "docs", "en", "eo-2025-01-23-executive-order-14179.md"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			paras := seedParagraphs
			if i%2 == 1 {
				paras = strings.Split(string(data), "\n\n")[:20]
			}
			doc, err := s.Segment("", "", paras)
			if err != nil {
				t.Error(err)
				return
			}
			results[i] = render(doc.Paragraphs[0])
		}(i)
	}
	wg.Wait()
	for i := 2; i < 8; i++ {
		if results[i] != results[i%2] {
			t.Errorf("goroutine %d segmented differently", i)
		}
	}
}

// TestSliceIsTheCopy: a span's text is the same whether it is found in
// Text or copied from Runes, for valid and invalid UTF-8 and spans past
// the walk's bound.
func TestSliceIsTheCopy(t *testing.T) {
	texts := []string{
		"国务院办公厅关于加强安全生产的通知。要求各地立即部署！",
		"mixed 中文 and English, 5G网络；COVID-19",
		"bad \xff byte 中文",
		"U+FFFD is \uFFFD itself",
		strings.Repeat("长", sliceWalk+10),
	}
	for _, text := range texts {
		p := Paragraph{Text: text, Runes: []rune(text)}
		n := len(p.Runes)
		for _, sp := range []Span{{0, n}, {0, 1}, {n - 1, n}, {n / 3, n / 2}, {2, 5}, {sliceWalk - 1, sliceWalk + 1}, {-1, 2}, {3, 3}, {0, n + 1}} {
			want := ""
			if sp.Start >= 0 && sp.End <= n && sp.Start < sp.End {
				want = string(p.Runes[sp.Start:sp.End])
			}
			if got := p.Slice(sp); got != want {
				t.Errorf("%.20q %v: %q, want %q", text, sp, got, want)
			}
		}
	}
}

// FuzzSlice: Slice equals the copy from Runes for any text and span.
func FuzzSlice(f *testing.F) {
	f.Add("国务院办公厅关于加强安全生产的通知。", 2, 7)
	f.Add("bad \xff byte 中文", 0, 8)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		p := Paragraph{Text: text, Runes: []rune(text)}
		want := ""
		if a >= 0 && b <= len(p.Runes) && a < b {
			want = string(p.Runes[a:b])
		}
		if got := p.Slice(Span{a, b}); got != want {
			t.Fatalf("%q [%d,%d): %q, want %q", text, a, b, got, want)
		}
	})
}

// TestIsHan: isHan's shortcuts agree with unicode.Is over every rune.
func TestIsHan(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		want := unicode.Is(unicode.Han, r) || r == '〇'
		if got := isHan(r); got != want {
			t.Fatalf("isHan(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestScriptOf: the table of scripts says what package fold's tables
// say of the ideographs, and nothing of other runes.
func TestScriptOf(t *testing.T) {
	want := map[rune]int8{}
	fold.Scripts(func(r rune, traditional bool) {
		if traditional {
			want[r] = 1
		} else {
			want[r] = -1
		}
	})
	tab := script()
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		w := want[r]
		if !isIdeograph(r) {
			w = 0
		}
		if got := scriptOf(tab, r); got != w {
			t.Fatalf("scriptOf(%U) = %d, want %d", r, got, w)
		}
	}
}

// TestIsTraditional: short sentences in either script, and the
// characters both scripts write (只, 后, 台) tell nothing.
func TestIsTraditional(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"鼓勵社會資本參與。", true},
		{"鼓励社会资本参与。", false},
		{"各單位嚴禁違規生產。", true},
		{"各单位严禁违规生产。", false},
		{"只有台后面", false},
		{"國務院辦公廳通知要求，各地區、各部門嚴禁違規審批項目。", true},
	} {
		if got := IsTraditional([]string{c.text}); got != c.want {
			t.Errorf("IsTraditional(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLower: lower is strings.ToLower.
func TestLower(t *testing.T) {
	for _, w := range []string{"", "经济", "GDP", "5G", "Ｇ２０", "ΑΒΓ", "互联网+监管", "中国Nasdaq", "\xff中", "ǅ", "一丿"} {
		if got, want := lower(w), strings.ToLower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}
