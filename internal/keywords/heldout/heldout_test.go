package heldout

import "testing"

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
