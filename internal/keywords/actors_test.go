package keywords

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// seedActors are the persons and bodies the entities find in the seed
// (testdata/docs/seed.md), as the analyzer hands them over.
func seedActors() []Actor {
	return []Actor{
		{Name: "国务院安委会办公室", Forms: []string{"国务院安委办"}, Count: 2,
			Mentions: []Span{{TitleParagraph, 0, 6}, {0, 21, 30}}},
		{Name: "国务院安委会", Count: 1, Mentions: []Span{{0, 50, 56}}},
		{Name: "应急管理部", Count: 1, Mentions: []Span{{0, 59, 64}}},
		{Name: "黄明", Person: true, Titles: []string{"国务院安委会副主任", "应急管理部部长"}, Count: 1,
			Mentions: []Span{{0, 66, 68}}},
		{Name: "习近平", Person: true, Titles: []string{"总书记"}, Count: 1, Mentions: []Span{{0, 80, 83}}},
	}
}

func TestCentral(t *testing.T) {
	const seedTitle = "国务院安委办部署加强安全生产执法工作，注重抓重点抓关键"
	reporter := Actor{Name: "邹多", Person: true, Titles: []string{"记者"}, Count: 1, Mentions: []Span{{0, 0, 2}}}
	expert := Actor{Name: "刘向东", Person: true, Titles: []string{"中国国际经济交流中心经济研究部副部长"}, Count: 2,
		Mentions: []Span{{2, 0, 3}}}
	centre := Actor{Name: "中国国际经济交流中心", Count: 1, Mentions: []Span{{2, 4, 14}}}
	tests := []struct {
		name    string
		actors  []Actor
		issuers map[string]int
		title   string
		want    []string
	}{
		{"the seed: the speaker, then the body the headline names", seedActors(), map[string]int{"黄明": 4, "会议": 62}, seedTitle,
			[]string{"黄明", "国务院安委会办公室"}},
		{"no directives: the headline's body only", seedActors(), nil, seedTitle, []string{"国务院安委会办公室"}},
		{"a formal document's author is not its subject",
			[]Actor{{Name: "国务院办公厅", Count: 4, Mentions: []Span{{TitleParagraph, 0, 6}}}},
			map[string]int{"国务院办公厅": 60}, "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知", nil},
		{"a body named in the title only heads it as its author",
			[]Actor{{Name: "中华人民共和国国务院政府", Count: 1, Mentions: []Span{{TitleParagraph, 5, 17}}}},
			map[string]int{"国务院": 300}, "2025年中华人民共和国国务院政府工作报告", nil},
		{"a reporter of the byline holds no office of a body named", []Actor{reporter}, map[string]int{"邹多": 4}, "27地获批设立跨境电商综合试验区", nil},
		{"an expert quoted after the lead is no speaker", []Actor{expert, centre}, map[string]int{"刘向东": 8}, "商务发展施工图发布", nil},
		{"a mention beyond the title's end is ignored",
			[]Actor{{Name: "工信部", Count: 1, Mentions: []Span{{TitleParagraph, 3, 40}}}}, nil, "工信部征意见", nil},
		{"at most two", append(seedActors(), Actor{Name: "安全生产", Count: 1, Mentions: []Span{{TitleParagraph, 10, 14}}}),
			map[string]int{"黄明": 4}, seedTitle, []string{"黄明", "国务院安委会办公室"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Central(tc.actors, tc.issuers, tc.title); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Central = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestWithActors(t *testing.T) {
	idf := map[string]float64{"精神": 4.7, "会议": 5.1, "事故": 6.2, "隐患": 6.5, "解决问题": 8.0, "执法": 6.0, "安全生产": 4.0}
	kw := func(terms ...string) []Keyword {
		out := make([]Keyword, len(terms))
		for i, t := range terms {
			out[i] = Keyword{Term: t, Score: 0.9 - 0.1*float64(i), Count: 1}
		}
		return out
	}
	look := func(t string) float64 {
		if v, ok := idf[t]; ok {
			return v
		}
		return 9.9
	}
	terms := func(ks []Keyword) string {
		s := make([]string, len(ks))
		for i, k := range ks {
			s[i] = k.Term
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name    string
		top     []Keyword
		n       int
		central []string
		want    string
	}{
		{"the commonest of the weakest five yields", kw("安全生产", "执法", "会议", "精神", "解决问题", "事故", "隐患"), 7,
			[]string{"黄明", "国务院安委会办公室"}, "安全生产 执法 解决问题 事故 隐患 黄明 国务院安委会办公室"},
		{"room left: nothing yields", kw("安全生产", "执法"), 5, []string{"黄明"}, "安全生产 执法 黄明"},
		{"an actor a keyword holds or lies inside is not added", kw("住房", "工信部"), 2,
			[]string{"住房和城乡建设部", "工信部"}, "住房 工信部"},
		{"no keywords", nil, 3, []string{"黄明"}, "黄明"},
		{"no slots", kw("安全生产"), 0, []string{"黄明"}, "安全生产"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := withActors(tc.top, tc.n, tc.central, map[string]int{"黄明": 1}, look)
			if terms(got) != tc.want {
				t.Errorf("withActors = %s, want %s", terms(got), tc.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("scores out of order: %v", got)
				}
			}
		})
	}
}

// FuzzCentral feeds Central any title and any mention offsets: the title
// is the input's text, the offsets another extractor's.
func FuzzCentral(f *testing.F) {
	f.Add("国务院安委办部署加强安全生产执法工作", 0, 6, "国务院安委办", "黄明")
	f.Add("国务院办公厅关于…的通知", 0, 6, "国务院办公厅", "")
	f.Add("", -1, 90, "", "")
	f.Fuzz(func(t *testing.T, title string, start, end int, body, person string) {
		actors := []Actor{
			{Name: body, Forms: []string{body}, Mentions: []Span{{TitleParagraph, start, end}}},
			{Name: person, Person: true, Titles: []string{body + "部长"}, Mentions: []Span{{0, start, end}}},
		}
		got := Central(actors, map[string]int{person: 1}, title)
		if len(got) > maxActors {
			t.Errorf("%d actors, at most %d", len(got), maxActors)
		}
	})
}

// TestKeywordsCentralSlots checks on the seed that the central actors take
// at most one slot in five: both of 15 and of 10, one of 5, none of 4.
func TestKeywordsCentralSlots(t *testing.T) {
	setup(t)
	doc := segmentFile(t, "seed.md")
	issuers := map[string]int{"黄明": 4, "会议": 62}
	for _, tc := range []struct {
		n    int
		want []string
	}{{15, []string{"黄明", "国务院安委会办公室"}}, {10, []string{"黄明", "国务院安委会办公室"}}, {5, []string{"黄明"}}, {4, nil}} {
		acc := NewAccumulator(lex, doc.Lang)
		acc.Add(doc)
		got := acc.KeywordsCentral(tc.n, nil, seedActors(), issuers)
		var actors []string
		for _, k := range got {
			if k.Term == "黄明" || k.Term == "国务院安委会办公室" {
				actors = append(actors, k.Term)
			}
		}
		if len(got) != tc.n || !reflect.DeepEqual(actors, tc.want) {
			t.Errorf("%d keywords: %d shown, actors %v, want %v", tc.n, len(got), actors, tc.want)
		}
	}
}

// segmentFile parses and segments a document of testdata/docs.
func segmentFile(t *testing.T, name string) *segment.Doc {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "docs", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := parse.Parse(path, data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := seg.Segment(d.Language, d.Title, d.Paragraphs)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
