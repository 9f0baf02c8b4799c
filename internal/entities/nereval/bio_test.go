package nereval

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadBIO(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []NERSentence
	}{
		{"two sentences", "李 B-PER\n鹏 I-PER\n说 O\n\n在 O\n京 B-LOC\n", []NERSentence{
			{Text: "李鹏说", Spans: []NERSpan{{"PER", 0, 2}}},
			{Text: "在京", Spans: []NERSpan{{"LOC", 1, 2}}},
		}},
		{"TAB, CRLF, blank lines", "北\tB-LOC\r\n京\tI-LOC\r\n\r\n\r\n", []NERSentence{{Text: "北京", Spans: []NERSpan{{"LOC", 0, 2}}}}},
		{"adjacent B tags", "中 B-LOC\n美 B-LOC\n", []NERSentence{{Text: "中美", Spans: []NERSpan{{"LOC", 0, 1}, {"LOC", 1, 2}}}}},
		{"I without B opens a span", "新 O\n华 I-ORG\n社 I-ORG\n", []NERSentence{{Text: "新华社", Spans: []NERSpan{{"ORG", 1, 3}}}}},
		{"type change closes", "中 B-ORG\n国 I-LOC\n", []NERSentence{{Text: "中国", Spans: []NERSpan{{"ORG", 0, 1}, {"LOC", 1, 2}}}}},
	}
	for _, c := range cases {
		got, err := ReadBIO(strings.NewReader(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestReadBIOErrors(t *testing.T) {
	for _, in := range []string{"北京 B-LOC\n", "北 X-LOC\n", "北\n", "北 B-LOC extra\n", "北 B-\n"} {
		if _, err := ReadBIO(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: error %v, want one naming line 1", in, err)
		}
	}
}

func FuzzReadBIO(f *testing.F) {
	for _, s := range []string{"李 B-PER\n鹏 I-PER\n\n", "北\tB-LOC\r\n", "x O\n\n\n", "中 I-LOC\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadBIO(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			n := len([]rune(s.Text))
			for _, sp := range s.Spans {
				if sp.Start < 0 || sp.End > n || sp.Start >= sp.End || sp.Type == "" {
					t.Fatalf("bad span %+v in %q", sp, s.Text)
				}
			}
		}
	})
}
