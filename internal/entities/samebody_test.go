package entities

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestSameBodies(t *testing.T) {
	extract(t, "zh", Meta{}, "。") // loads the lexicons
	org := func(text, norm string) Entity {
		return Entity{Type: "organization", Text: text, Normalized: norm, Count: 1}
	}
	for _, c := range []struct {
		name string
		in   []Entity
		want map[string][]string // text → aliases
	}{
		{"places and levels", []Entity{org("呼和浩特市公安局", "呼和浩特市公安局"), org("内蒙古呼和浩特市公安局", "内蒙古呼和浩特市公安局"),
			org("呼和浩特公安局", "呼和浩特公安局"), org("市公安局", "市公安局"), org("呼和浩特市公安局政治部", "呼和浩特市公安局政治部")},
			map[string][]string{"内蒙古呼和浩特市公安局": {"呼和浩特市公安局", "呼和浩特公安局", "市公安局"}, "呼和浩特市公安局政治部": nil}},
		{"a short place", []Entity{org("内蒙古高级人民法院", "内蒙古高级人民法院"), org("内蒙古自治区高级人民法院", "内蒙古自治区高级人民法院")},
			map[string][]string{"内蒙古自治区高级人民法院": {"内蒙古高级人民法院"}}},
		{"two bodies fit: left alone", []Entity{org("北京市公安局", "北京市公安局"), org("上海市公安局", "上海市公安局"), org("市公安局", "市公安局")},
			map[string][]string{"北京市公安局": nil, "上海市公安局": nil, "市公安局": nil}},
		{"a parent body is another body", []Entity{org("财政部", "中华人民共和国财政部"), org("财政部办公厅", "财政部办公厅")},
			map[string][]string{"财政部": nil, "财政部办公厅": nil}},
	} {
		got := map[string][]string{}
		for _, e := range sameBodies(c.in, lex) {
			sort.Strings(e.Aliases)
			got[e.Text] = e.Aliases
		}
		for k := range c.want {
			sort.Strings(c.want[k])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSameBodyTerm(t *testing.T) {
	es := extract(t, "zh", Meta{}, "经第十三届全国人民代表大会第四次会议审议批准，全国人大常委会和全国人大要求加强监督。")
	e := find(es, "organization", "第十三届全国人民代表大会")
	if e == nil || e.Normalized != "全国人民代表大会" || find(es, "organization", "全国人大") != nil {
		t.Errorf("全国人大 not folded into the numbered body: %+v", es)
	}
}

func TestCompanyNames(t *testing.T) {
	es := extract(t, "zh", Meta{},
		"宁夏苏融达化工有限公司负责人表示，共享装备股份有限公司和大同秦淮数据有限公司签约。",
		"黄维斌离开小巨人，创办银川华信智信息技术有限公司。省数字产业协会会长、山西数据流量生态园运营管理有限公司董事长出席。")
	got := keys(es)
	for _, w := range []string{"organization:宁夏苏融达化工有限公司", "organization:共享装备股份有限公司", "organization:大同秦淮数据有限公司",
		"organization:银川华信智信息技术有限公司", "organization:山西数据流量生态园运营管理有限公司"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

func TestDatelineYear(t *testing.T) {
	es := extract(t, "zh", Meta{Date: "2021-11-26T00:21:19Z", Title: "16省份出手根治欠薪！2022年春节前全部清零"},
		"中新经纬11月26日电 国务院决定从2021年11月1日至2022年1月30日开展专项行动。")
	got := keys(es)
	for _, w := range []string{"date:2021-11-26", "date:2021-11-01", "date:2022-01-30"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

func TestTitleLines(t *testing.T) {
	es := extract(t, "zh", Meta{},
		"国家税务总局局长王军：",
		"负有责任的杏煤公司副董事长兼总经理、党委副书记邵文受到撤销行政职务处分。",
		"拉夫罗夫外长已经抵达中国，王毅国务委员兼外长与他会谈。",
		"通信行业首席分析师罗露认为，通过改革可以提速。",
		"中信建投非银首席赵然认为，居民存款搬家。")
	for _, c := range []struct{ name, title string }{
		{"王军", "国家税务总局局长"}, {"邵文", "副董事长兼总经理"}, {"王毅", "外长"}, {"罗露", "分析师"}, {"赵然", "中信建投非银首席"},
	} {
		p := find(es, "person", c.name)
		if p == nil {
			t.Errorf("missing person %s in %v", c.name, keys(es))
			continue
		}
		ok := false
		for _, ti := range p.Titles {
			ok = ok || strings.Contains(ti, c.title)
		}
		if !ok {
			t.Errorf("%s: titles %v hold no %s", c.name, p.Titles, c.title)
		}
	}
}

func TestBrokers(t *testing.T) {
	es := extract(t, "zh", Meta{}, "东兴证券、中原证券和国盛证券认为，证券投资业务增长，中国证券监督管理委员会要求，卖出时该证券的价格下跌。")
	got := keys(es)
	for _, w := range []string{"organization:东兴证券", "organization:中原证券", "organization:国盛证券", "organization:中国证券监督管理委员会"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.HasSuffix(g, "该证券") || strings.HasPrefix(g, "organization:证券") {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestGroups(t *testing.T) {
	es := extract(t, "zh", Meta{},
		"国务院根治拖欠农民工工资工作领导小组办公室近日印发通知。3月3日，杭州市房地产市场平稳健康发展领导小组办公室发布通知。",
		"完善国务院职业教育工作部际联席会议制度，成立领导小组。")
	got := keys(es)
	for _, w := range []string{"organization:国务院根治拖欠农民工工资工作领导小组办公室", "organization:杭州市房地产市场平稳健康发展领导小组办公室",
		"organization:国务院职业教育工作部际联席会议"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if g == "organization:领导小组" || strings.Contains(g, "近日") {
			t.Errorf("spurious %s", g)
		}
	}
}
