package entities

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

var (
	once sync.Once
	lex  *lexicon.Set
	seg  *segment.Segmenter
)

func extract(t *testing.T, lang string, meta Meta, paras ...string) []Entity {
	t.Helper()
	once.Do(func() {
		var err error
		if lex, err = lexicon.Builtin(); err != nil {
			t.Fatal(err)
		}
		seg = segment.New(lex, segment.Options{})
	})
	doc, err := seg.Segment(lang, meta.Title, paras)
	if err != nil {
		t.Fatal(err)
	}
	return Extract(doc, lex, meta)
}

// find returns the entity of a type whose text is text.
func find(es []Entity, typ, text string) *Entity {
	for i := range es {
		if es[i].Type == typ && es[i].Text == text {
			return &es[i]
		}
	}
	return nil
}

func keys(es []Entity) []string {
	var out []string
	for _, e := range es {
		k := e.Type + ":" + e.Text
		if e.Type == "date" {
			k = "date:" + e.Normalized
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var news = Meta{Date: "2021-09-01T03:03:09Z", Format: "sina-hexo"}

func TestPersonsAndTitles(t *testing.T) {
	cases := []struct {
		text   string
		name   string
		titles []string
	}{
		{"国务院安委会副主任、应急管理部部长黄明强调，要加强执法。", "黄明", []string{"国务院安委会副主任", "应急管理部部长"}},
		{"要深入贯彻落实习近平总书记关于安全生产重要指示精神。", "习近平", []string{"总书记"}},
		{"住房和城乡建设部副部长倪虹带队赴四川省调研。", "倪虹", []string{"住房和城乡建设部副部长"}},
		{"国家发展改革委环资司副司长赵鹏高主持召开专家座谈会。", "赵鹏高", []string{"国家发展改革委环资司副司长"}},
		{"外交部发言人华春莹主持例行记者会。", "华春莹", []string{"外交部发言人"}},
		{"事故的直接责任人黎兵、李二民被移交司法机关。", "李二民", []string{"直接责任人"}},
	}
	for _, c := range cases {
		es := extract(t, "zh", news, c.text)
		p := find(es, "person", c.name)
		if p == nil {
			t.Errorf("%s: no person %s in %v", c.text, c.name, keys(es))
			continue
		}
		if !reflect.DeepEqual(p.Titles, c.titles) {
			t.Errorf("%s: titles %v, want %v", c.name, p.Titles, c.titles)
		}
	}
	// a generic role with no name is no person
	for _, e := range extract(t, "zh", news, "企业主要负责人和执法人员要履职尽责，有关负责人应当到场，主要负责人和直接责任人员受到处分。") {
		if e.Type == "person" {
			t.Errorf("generic role taken as a person: %v", e)
		}
	}
	// a later mention of a known name counts, without titles
	es := extract(t, "zh", news, "住房和城乡建设部副部长倪虹带队调研。倪虹指出，要稳地价。")
	if p := find(es, "person", "倪虹"); p == nil || p.Count != 2 {
		t.Errorf("倪虹 mentions: %+v", p)
	}
}

func TestOrganizationsResolveAliases(t *testing.T) {
	es := extract(t, "zh", news, "国务院安委办部署工作。国务院安委会办公室召开视频会议。", "央行和中国人民银行是一回事，深圳银保监局发布通报。")
	o := find(es, "organization", "国务院安委会办公室")
	if o == nil || o.Count != 2 || !reflect.DeepEqual(o.Aliases, []string{"国务院安委办"}) {
		t.Errorf("国务院安委会办公室: %+v", o)
	}
	if b := find(es, "organization", "中国人民银行"); b == nil || b.Count != 2 {
		t.Errorf("中国人民银行 with 央行: %+v (all: %v)", b, keys(es))
	}
	es2 := extract(t, "zh", news, "东莞市工业和信息化局表示，东莞市和深圳市政府将加强合作，国务院部门和地方政府要配合。")
	if find(es2, "organization", "东莞市工业和信息化局") == nil {
		t.Errorf("和 inside a name: %v", keys(es2))
	}
	for _, k := range keys(es2) {
		if strings.Contains(k, "和深圳") || strings.Contains(k, "和地方") {
			t.Errorf("two bodies joined into one: %s", k)
		}
	}
	if find(es, "organization", "深圳银保监局") == nil {
		t.Errorf("suffix rule missed 深圳银保监局: %v", keys(es))
	}
	// a document's title names its issuers beside itself
	title := Meta{Format: "markdown", Title: "最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释"}
	es = extract(t, "zh", title, "第一条 为依法惩治侵犯公民个人信息犯罪，制定本解释。")
	for _, w := range []string{"organization:最高人民法院", "organization:最高人民检察院", "law:" + title.Title} {
		if !contains(keys(es), w) {
			t.Errorf("title: missing %s in %v", w, keys(es))
		}
	}
	for _, e := range extract(t, "zh", news, "国务院决策部署要落到实处，各地区、各有关部门要加强监管。") {
		if e.Type == "organization" && e.Text != "国务院" {
			t.Errorf("spurious organization %q", e.Text)
		}
	}
}

func TestLawsDatesPlacesEventsTerms(t *testing.T) {
	es := extract(t, "zh", news,
		"新修改的安全生产法于9月1日起正式施行，8月31日召开会议。今年3月，《中华人民共和国数据安全法》通过。",
		"国务院印发通知（国发〔2019〕5号），2019年1月1日至12月31日实施，每年12月评估。",
		"警方在仙居县、临海市抓获嫌疑人，大城市和特大城市要因城施策。山西左权县河南村煤矿发生事故。",
		"倪虹赴四川省成都市调研，学习十九届六中全会精神，践行“两个维护”，不搞“购买商品”式营销，推进“互联网+监管”。")
	want := []string{
		"date:2019-01-01", "date:2019-12-31", "date:2021-03", "date:2021-08-31", "date:2021-09-01",
		"event:十九届六中全会",
		"law:中华人民共和国数据安全法", "law:安全生产法",
		"location:四川省", "location:成都市", "location:仙居县", "location:临海市", "location:左权县", "organization:河南村煤矿",
		"organization:国务院",
		"term:两个维护", "term:互联网+监管",
	}
	got := keys(es)
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		// a document number alone (国发〔2019〕5号) names no law
		if strings.Contains(g, "购买商品") || g == "date:2021-12" || strings.Contains(g, "城市") || strings.Contains(g, "号") {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestEnglish(t *testing.T) {
	meta := Meta{Date: "2025-01-20T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"Executive Order 14028 of May 12, 2021, and the Clean Air Act, as amended (42 U.S.C. 7401 et seq.), remain in force.",
		"The Secretary of Commerce Gina Raimondo and the Director of the Office of Management and Budget shall act by January 2026.")
	got := keys(es)
	for _, w := range []string{"law:Executive Order 14028", "law:Clean Air Act", "date:2021-05-12", "date:2026-01", "organization:Office of Management and Budget", "person:Gina Raimondo"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	if p := find(es, "person", "Gina Raimondo"); p != nil && !reflect.DeepEqual(p.Titles, []string{"Secretary of Commerce"}) {
		t.Errorf("titles %v", p.Titles)
	}
}

func TestMentionsAreSpans(t *testing.T) {
	paras := []string{"国务院安委会副主任、应急管理部部长黄明强调，要加强执法。"}
	es := extract(t, "zh", news, paras...)
	for _, e := range es {
		for _, m := range e.Mentions {
			r := []rune(paras[m.Paragraph])
			if string(r[m.Start:m.End]) != m.Surface {
				t.Errorf("%s: span %d-%d is %q, surface %q", e.Text, m.Start, m.End, string(r[m.Start:m.End]), m.Surface)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func TestBodyInsideCommonNoun(t *testing.T) {
	for _, text := range []string{"各级财政部门要加强预算管理。", "教育部门和学校要落实责任。"} {
		es := extract(t, "zh", Meta{}, text)
		if find(es, "organization", "财政部") != nil || find(es, "organization", "教育部") != nil {
			t.Errorf("%s: a ministry found inside a common noun: %v", text, keys(es))
		}
	}
}

// TestOrgSuffixBounds: a body found by its ending stops before a known body
// further on, and takes an ending the segmenter tagged as a verb.
func TestOrgSuffixBounds(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"由国务院办公厅通报国务院其他领导同志。", []string{"国务院办公厅", "国务院"}},
		{"人民银行深圳中心支行发布通报。", []string{"人民银行深圳中心支行"}},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "organization" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: organizations %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCountyBounds: a county named after a place is whole words, none a
// function word, a verb or one common noun (新疆 + 等地区, 内蒙古 + 全区).
func TestCountyBounds(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"促进西藏、新疆等地区跨越式发展。", []string{"西藏", "新疆"}},
		{"截至目前，内蒙古全区共立案。", []string{"内蒙古"}},
		{"产业链均可实现宁夏区内配套。", []string{"宁夏"}},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "location" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: locations %q, want %q", c.text, got, c.want)
		}
	}
}

func TestActStart(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Under the Clean Air Act", "Clean Air Act"},
		{"C. Privacy Act", "Privacy Act"},
		{"A Privacy Act", "Privacy Act"},
		{"IT WCF. Pursuant to the MGT Act", "MGT Act"},
		{"B. Guidance to CFO Act", "CFO Act"},
		{"Fairness to Contact Lens Consumers Act", "Fairness to Contact Lens Consumers Act"},
		{"Exemptions to the Privacy Act", "Privacy Act"},
		{"All CFO Act", "CFO Act"},
		{"Council on Environmental Quality to Act", ""},
		{"The U.S. Wildlife Act", "U.S. Wildlife Act"},
		{"Bald and Golden Eagle Protection Act", "Bald and Golden Eagle Protection Act"},
	} {
		got := ""
		if b0, ok := actStart(c.in, 0, len(c.in)); ok {
			got = c.in[b0:]
		}
		if got != c.want {
			t.Errorf("actStart(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEnglishCodes(t *testing.T) {
	meta := Meta{Date: "2025-01-20T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"Designation of Officials of the Council on Environmental Quality to Act as Chairman.",
		"See 44 U.S.C. 3552 and Public Law 116-283; the Fairness to Contact Lens Consumers Act applies.")
	got := keys(es)
	for _, w := range []string{"organization:Council on Environmental Quality", "law:Fairness to Contact Lens Consumers Act"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "U.S") || strings.Contains(g, "Public Law") || strings.HasSuffix(g, "to Act") {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestEnglishTerms(t *testing.T) {
	meta := Meta{Date: "2021-05-12T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"Agencies shall adopt Endpoint Detection and Response (EDR) and move to Software as a Service (SaaS); the Office of Management and Budget (OMB) and the Chief Information Officer (CIO) shall report to the Secretary of Health and Human Services (HHS).",
		"(a) the term “Software Bill of Materials” or “SBOM” means a formal record; “Agency” means an executive agency; “Agency Head” means its head.",
		"The Senior Agency Official for Privacy shall consult the Cybersecurity and Infrastructure Security Agency and the National Protection and Programs Directorate (NPPD) on the Federal Acquisition Regulation (FAR).")
	got := keys(es)
	for _, w := range []string{"term:Endpoint Detection and Response", "term:Software as a Service", "term:Software Bill of Materials",
		"organization:Office of Management and Budget", "organization:National Protection and Programs Directorate", "law:Federal Acquisition Regulation"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		switch g {
		case "term:OMB", "term:CIO", "term:Health and Human Services", "term:Chief Information Officer", "term:Agency", "term:Agency Head", "term:SBOM", "organization:Senior Agency":
			t.Errorf("spurious %s", g)
		}
	}
	if e := find(es, "term", "Endpoint Detection and Response"); e == nil || !slices.Contains(e.Aliases, "EDR") {
		t.Errorf("EDR is no alias of its spelled-out form: %+v", e)
	}
}

func TestNumberedInstruments(t *testing.T) {
	meta := Meta{Date: "2025-04-02T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"Executive Orders 13198 and 13199 of January 29, 2001, and Proclamation 9704 remain in force under Presidential Policy Directive 41 (PPD-41).",
		"Agencies follow OMB Circular No. A-130, Circular A-130, NIST SP 800-53 Revision 4, Binding Operational Directive (BOD) 16-01, BOD 16-01 and HSPD-12.")
	got := keys(es)
	for _, w := range []string{"law:Executive Order 13198", "law:Executive Order 13199", "law:Proclamation 9704",
		"law:Presidential Policy Directive 41", "law:OMB Circular No. A-130", "law:NIST SP 800-53 Revision 4",
		"law:Binding Operational Directive (BOD) 16-01", "law:HSPD-12"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	if len(got) != 9 { // the eight and the date: one entity per instrument however written
		t.Errorf("entities %v", got)
	}
	if e := find(es, "law", "Executive Order 13199"); e == nil || e.Mentions[0].Surface != "13199" {
		t.Errorf("a listed order's mention is its number, its text the order's name: %+v", e)
	}
	if e := find(es, "law", "HSPD-12"); e == nil || e.Normalized != "Homeland Security Presidential Directive 12" {
		t.Errorf("HSPD-12 normalized: %+v", e)
	}
}

func TestEnglishBodyForms(t *testing.T) {
	meta := Meta{Date: "2025-01-31T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"The U.S. Nuclear Regulatory Commission and the Small Business Administration consulted each Sponsoring Agency and My Administration.",
		"See the memorandum of the Office of Management and Budget of April 11, 2018.")
	got := keys(es)
	for _, w := range []string{"organization:U.S. Nuclear Regulatory Commission", "organization:Small Business Administration",
		"organization:Office of Management and Budget", "date:2018-04-11"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if g == "organization:Sponsoring Agency" || g == "organization:My Administration" || strings.Contains(g, "April") {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestEnglishNameEnd(t *testing.T) {
	meta := Meta{Date: "2016-08-08T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta, "Chief Information Officer Anne E. Rung United States Chief Acquisition Officer")
	if find(es, "person", "Anne E. Rung") == nil {
		t.Errorf("missing Anne E. Rung in %v", keys(es))
	}
}

func TestEnglishBodyTails(t *testing.T) {
	meta := Meta{Date: "2025-01-31T00:00:00Z", Format: "markdown"}
	es := extract(t, "en", meta,
		"The United States Agency for Global Media and the White House Office of Faith-Based and Community Initiatives met.",
		"Coordination between the Department of Defense and the Department of Homeland Security, reviewed by the National Institute of Standards and Technology on December 19, 2019.")
	got := keys(es)
	for _, w := range []string{"organization:United States Agency for Global Media", "organization:White House Office of Faith-Based and Community Initiatives",
		"organization:Department of Defense", "organization:Department of Homeland Security",
		"organization:National Institute of Standards and Technology", "date:2019-12-19"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "and the") || strings.Contains(g, "December") || g == "organization:United States Agency" {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestKindsOfBodies(t *testing.T) {
	es := extract(t, "zh", Meta{}, "支持互联网医院发展，依法登记为股份有限公司，引导普通本科高校转为应用型大学。")
	for _, g := range keys(es) {
		if strings.HasPrefix(g, "organization:") {
			t.Errorf("a kind of body taken for a name: %s", g)
		}
	}
}
