package heldout

import (
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/lexicons"
)

func TestCovers(t *testing.T) {
	s := Set{key("国务院关于进一步优化营商环境更好服务市场主体的实施意见"): true, key("各省、自治区、直辖市人民政府，国务院各部委、各直属机构"): true}
	cases := []struct {
		name  string
		paras []string
		want  bool
	}{
		{"a copy with another header", []string{"转发", "国务院关于进一步优化营商环境更好服务市场主体的实施意见", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"}, true},
		{"half the long paragraphs", []string{"国务院关于进一步优化营商环境更好服务市场主体的实施意见", "另一段足够长的段落，讲的是完全不同的事情。"}, true},
		{"one shared paragraph of three", []string{"各省、自治区、直辖市人民政府，国务院各部委、各直属机构", "另一段足够长的段落，讲的是完全不同的事情。", "第三段也足够长，讲的还是另外一件事情。"}, false},
		{"short paragraphs only", []string{"通知", "附件"}, false},
		{"nothing", nil, false},
	}
	for _, c := range cases {
		if got := s.Covers(c.paras); got != c.want {
			t.Errorf("%s: Covers = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTablesHeldOutCurrent fails when a committed table that must not count
// labelled documents was built from other labels than today's: its header
// holds the stamp of what genidf (test split) or gencdf (both splits) left
// out, and the stamp of testdata/labels must be the same. The eighth
// session's IDF still counted six test documents; this test would have
// said so. Fix: `go generate ./internal/keywords` (README "Keywords").
func TestTablesHeldOutCurrent(t *testing.T) {
	_, test, err := Stamp("../../../testdata", false)
	if err != nil {
		t.Fatal(err)
	}
	_, all, err := Stamp("../../../testdata", true)
	if err != nil {
		t.Fatal(err)
	}
	cdf, err := os.ReadFile("../candidate_df.tsv")
	if err != nil {
		t.Fatal(err)
	}
	tables := []struct{ name, text, want string }{
		{"lexicons/idf.zh.tsv", lexicons.IDFZh, test},
		{"lexicons/idf.en.tsv", lexicons.IDFEn, test},
		{"internal/keywords/candidate_df.tsv", string(cdf), all},
	}
	for _, tb := range tables {
		got := headerStamp(tb.text)
		if got != tb.want {
			t.Errorf("%s was built with %q, the labels now give %q: regenerate it (go generate ./internal/keywords)", tb.name, got, tb.want)
		}
	}
}

// headerStamp is the held-out line of a table's leading comments.
func headerStamp(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		if s, ok := strings.CutPrefix(line, "# held out: "); ok {
			return "held out: " + s
		}
	}
	return "(no held-out line)"
}
