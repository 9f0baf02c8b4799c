package directives

import (
	"reflect"
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

func setup(t testing.TB) {
	t.Helper()
	once.Do(func() {
		var err error
		lex, err = lexicon.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		seg = segment.New(lex, segment.Options{})
	})
}

// run extracts the directives of paragraphs as a document of the given kind.
func run(t *testing.T, lang string, meta Meta, paras ...string) []Directive {
	t.Helper()
	setup(t)
	doc, err := seg.Segment(lang, meta.Title, paras)
	if err != nil {
		t.Fatal(err)
	}
	// the table tests hold the rules, which the model takes as features;
	// the model itself is measured by the quality test
	rules := Compile(lex)
	rules.model = nil
	return Extract(doc, rules, meta)
}

type want struct {
	text, force, issuer string
}

func brief(ds []Directive) []want {
	out := []want{}
	for _, d := range ds {
		out = append(out, want{d.Text, d.Force, d.Issuer})
	}
	return out
}

var (
	news = Meta{Format: "sina-hexo", Date: "2021-09-01T03:03:09Z"}
	plan = Meta{Format: "html", Title: "国务院办公厅关于印发“无废城市”建设试点工作方案的通知", Issuer: "国务院办公厅", Date: "2019-01-21T00:00:00+08:00"}
)

func TestRules(t *testing.T) {
	cases := []struct {
		name  string
		meta  Meta
		paras []string
		want  []want
	}{
		{"frame carries to every clause", news, []string{"会议要求，切实增强责任自觉，深入排查各类风险。加快推进试点，鼓励社会举报。"},
			[]want{{"切实增强责任自觉", "should", "会议"}, {"深入排查各类风险", "should", "会议"}, {"加快推进试点", "should", "会议"}, {"鼓励社会举报", "encourage", "会议"}}},
		{"frame ends with the paragraph", news, []string{"会议要求，深入排查各类风险。", "记者从会上获悉，试点范围持续扩大。"},
			[]want{{"深入排查各类风险", "should", "会议"}}},
		{"named meeting resolves 会议", news, []string{"国务院总理李强主持召开国务院常务会议。会议要求，加快推进城市更新。"},
			[]want{{"加快推进城市更新", "should", "国务院常务会议"}}},
		{"person frame issues as the official", news, []string{"国务院安委会副主任、应急管理部部长黄明强调，要深入贯彻落实安全生产法，坚决整治突出问题。"},
			[]want{{"要深入贯彻落实安全生产法", "should", "黄明"}, {"坚决整治突出问题", "must", "黄明"}}},
		{"condition attached to its action", news, []string{"会议要求，以落实新修改的安全生产法为契机，大力提升执法质量。"},
			[]want{{"以落实新修改的安全生产法为契机，大力提升执法质量", "should", "会议"}}},
		{"facts under a frame are no directives", news, []string{"会议强调，要发扬斗争精神，“宽松软”仍是执法检查最突出的问题，必须挺直腰杆。"},
			[]want{{"要发扬斗争精神", "should", "会议"}, {"必须挺直腰杆", "must", "会议"}}},
		{"opinions are no directives", news, []string{"业内人士认为，监管部门要加强监管，严格执法。"}, []want{}},
		{"a report of what was done is no directive", news, []string{"8月31日，国务院安委会办公室召开视频会议，部署加强安全生产执法工作。"}, []want{}},
		{"marker scope runs to the sentence end", news, []string{"倪虹指出，城市政府要落实主体责任，稳地价、稳房价，确保决策部署落到实处。"},
			[]want{{"城市政府要落实主体责任", "should", "倪虹"}, {"稳地价、稳房价", "should", "倪虹"}, {"确保决策部署落到实处", "must", "倪虹"}}},
		{"false friends of 要, 应, 不得", news, []string{"主要负责人出席会议，重要指标保持稳定，我们舍不得放弃，积极应对风险，做好供应保障。"}, []want{}},
		{"strongest marker wins", news, []string{"通知要求，严禁并坚决查处违规行为，要严格执行标准，要鼓励企业参与。"},
			[]want{{"严禁并坚决查处违规行为", "prohibit", "通知"}, {"要严格执行标准", "must", "通知"}, {"要鼓励企业参与", "should", "通知"}}},
		{"a marker inside an object is none", news, []string{"会议要求，采取更严格的措施。"}, []want{{"采取更严格的措施", "should", "会议"}}},
		{"a prohibition carries through its list", news, []string{"《征求意见稿》规定，不得在校园周边销售电子烟，张贴烟草广告或发放试用品。"},
			[]want{{"不得在校园周边销售电子烟", "prohibit", "征求意见稿"}, {"张贴烟草广告或发放试用品", "prohibit", "征求意见稿"}}},
		{"an authority's commitment", news, []string{"工信部将加快推进电子烟监管法治化。"}, []want{{"工信部将加快推进电子烟监管法治化", "should", "工信部"}}}, // the lead names it
		{"a forecast is no commitment", news, []string{"预计央行将继续降准。"}, []want{}},
		{"a plan's measures are directives", plan, []string{"加快垃圾处理设施建设，实施生活垃圾分类制度。"},
			[]want{{"加快垃圾处理设施建设", "should", "国务院办公厅"}, {"实施生活垃圾分类制度", "should", "国务院办公厅"}}},
		{"a definition in a plan is no directive", plan, []string{"“无废城市”是以新发展理念为引领，通过推动形成绿色生活方式，持续推进固体废物源头减量的城市发展模式。"}, []want{}},
		{"a look back in a plan is no directive", plan, []string{"党的十八大以来，党中央、国务院深入实施污染防治行动计划，把禁止洋垃圾入境作为标志性举措，加快垃圾处理设施建设。"}, []want{}},
		{"a 通报 reports until its requirements", Meta{Format: "html", Title: "国务院办公厅关于四起特大事故调查处理情况的通报", Issuer: "国务院办公厅"},
			[]string{"各省、自治区、直辖市人民政府：", "2003年，全国安全生产形势总体稳定。现将调查处理情况予以通报。", "对事故负有主要责任的矿长孙某受到撤销职务处分。", "为深刻吸取教训，特提出如下要求：", "一、加大事故查处力度，严肃追究有关责任人的行政责任。"},
			[]want{{"加大事故查处力度", "should", "国务院办公厅"}, {"严肃追究有关责任人的行政责任", "should", "国务院办公厅"}}},
		{"对… names whom the action concerns", plan, []string{"对申请扶持政策的困难企业、下岗失业人员，要建立实名制管理信息系统。对培训合格的失业人员给予职业培训补贴。"},
			[]want{{"对申请扶持政策的困难企业、下岗失业人员，要建立实名制管理信息系统", "should", "国务院办公厅"}, {"对培训合格的失业人员给予职业培训补贴", "should", "国务院办公厅"}}},
		{"formulas and their lead-ins order nothing", plan, []string{"据此，日工资、小时工资的折算为：", "小时工资：月工资收入÷（月计薪天数×8小时）。", "经营者不得实施下列价格欺诈行为："},
			[]want{{"经营者不得实施下列价格欺诈行为", "prohibit", "国务院办公厅"}}},
		{"落实…部署 is an action, not a frame", plan, []string{"全面贯彻党的十九大精神，认真落实党中央、国务院决策部署，依法落实城镇公共服务设施建设规定，坚持绿色发展。"},
			[]want{{"全面贯彻党的十九大精神", "should", "国务院办公厅"}, {"认真落实党中央、国务院决策部署", "should", "国务院办公厅"}, {"依法落实城镇公共服务设施建设规定", "should", "国务院办公厅"}, {"坚持绿色发展", "should", "国务院办公厅"}}},
		{"请 asks for an act wherever it stands", plan, []string{"试点中出现的重大问题及情况请及时报商务部。严禁请客送礼，杜绝申请造假。"},
			[]want{{"试点中出现的重大问题及情况请及时报商务部", "should", "国务院办公厅"}, {"严禁请客送礼", "prohibit", "国务院办公厅"}, {"杜绝申请造假", "prohibit", "国务院办公厅"}}},
		{"a work report's tasks are measures, its review reports", Meta{Format: "jsonl", Title: "2025年中华人民共和国国务院政府工作报告"},
			[]string{"一、2024年工作回顾", "过去一年，我们加快发展新质生产力，推动高质量发展。", "二、2025年政府工作任务", "深化电力、油气等改革，健全自然垄断环节监管体制机制。"},
			[]want{{"深化电力、油气等改革", "should", "国务院"}, {"健全自然垄断环节监管体制机制", "should", "国务院"}}},
		{"a linker alone or a fact carries no act", plan, []string{"加快发展，否则，我国60岁以上人口已达2.5亿。"},
			[]want{{"加快发展", "should", "国务院办公厅"}}},
		{"a marker turns a report into an order", plan, []string{"目前，煤炭价格持续上升，各地区必须充分认识安全生产的紧迫性，常抓不懈。"},
			[]want{{"各地区必须充分认识安全生产的紧迫性", "must", "国务院办公厅"}, {"常抓不懈", "should", "国务院办公厅"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := brief(run(t, "zh", c.meta, c.paras...))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
		})
	}
}

func TestLawArticles(t *testing.T) {
	meta := Meta{Format: "markdown", Title: "国务院关于经营者集中申报标准的规定", Date: "2024-01-22T00:00:00+08:00"}
	ds := run(t, "zh", meta,
		"第一条 为了明确经营者集中的申报标准，制定本规定。",
		"第三条 经营者集中达到下列标准之一的，经营者应当事先向国务院反垄断执法机构申报，未申报的不得实施集中。",
		"第四条 国务院反垄断执法机构可以要求经营者申报。",
		"第五条 违反本规定的，由县级以上市场监督管理部门责令改正，处三万元以上十万元以下罚款。")
	// a definition and a clause on 本规定 order nothing
	ds = append(ds, run(t, "zh", meta,
		"第一条 为了明确经营者集中的申报标准，制定本规定。",
		"第二条 本规定所称经营者集中，是指经营者在生产过程中，依法公开标示价格等信息的行为。",
		"第三条 经营者违反本规定，但未实际损害消费者合法权益，违法行为轻微并及时改正，没有造成危害后果的，依法不予处罚。",
		"第四条 本规定自发布之日起施行。",
		"第五条 决定受理的，发给受理通知书。",
		"第六条 当事人有下列情形之一的，由县级以上市场监督管理部门记入诚信档案，纳入信用信息共享平台：",
		"第七条 情节严重的，应当依照刑法第二百八十七条之一的规定，以非法利用信息网络罪定罪处罚。法律规定应当取得书面同意的，从其规定。",
		"第八条 如果故意犯罪，情节恶劣的，报请最高人民法院核准。将购买的信息出售的，定罪量刑标准适用本解释第五条的规定。")...)
	got := []want{}
	articles := []string{}
	for _, d := range ds {
		got = append(got, want{d.Text, d.Force, d.Issuer})
		articles = append(articles, d.Article)
	}
	wantDs := []want{
		{"经营者集中达到下列标准之一的，经营者应当事先向国务院反垄断执法机构申报", "must", "国务院"},
		{"未申报的不得实施集中", "prohibit", "国务院"},
		{"国务院反垄断执法机构可以要求经营者申报", "encourage", "国务院"},
		{"违反本规定的，由县级以上市场监督管理部门责令改正", "should", "国务院"},
		{"处三万元以上十万元以下罚款", "should", "国务院"},
		{"没有造成危害后果的，依法不予处罚", "should", "国务院"},
		{"本规定自发布之日起施行", "should", "国务院"},
		{"决定受理的，发给受理通知书", "should", "国务院"},
		{"当事人有下列情形之一的，由县级以上市场监督管理部门记入诚信档案", "should", "国务院"},
		{"纳入信用信息共享平台", "should", "国务院"},
		{"情节严重的，应当依照刑法第二百八十七条之一的规定，以非法利用信息网络罪定罪处罚", "must", "国务院"},
		{"法律规定应当取得书面同意的，从其规定", "should", "国务院"},
		{"如果故意犯罪，情节恶劣的，报请最高人民法院核准", "should", "国务院"},
		{"将购买的信息出售的，定罪量刑标准适用本解释第五条的规定", "should", "国务院"},
	}
	if !reflect.DeepEqual(got, wantDs) {
		t.Errorf("got  %v\nwant %v", got, wantDs)
	}
	if want := []string{"第三条", "第三条", "第四条", "第五条", "第五条", "第三条", "第四条", "第五条", "第六条", "第六条", "第七条", "第七条", "第八条", "第八条"}; !reflect.DeepEqual(articles, want) {
		t.Errorf("articles %v, want %v", articles, want)
	}
}

func TestDeadlines(t *testing.T) {
	cases := []struct{ text, deadline, norm string }{
		{"各地区要在2021年底前完成改造", "在2021年底前", "2021-12-31"},
		{"要于9月1日起全面施行", "于9月1日起", "2021-09-01"},
		{"各地要在年底前完成排查", "年底前", "2021-12-31"},
		{"本规定自公布之日起施行", "自公布之日起", "2021-09-01"},
		{"要到2025年建成", "到2025年", "2025"},
		{"要加强监管", "", ""},
		{"有关部门要在三个月内提出方案", "三个月内", ""},
		{"明年6月底前完成清理", "明年6月底前", "2022-06-30"},
		{"各地要于2月底前上报", "2月底前", "2021-02-28"},
		{"十五个工作日内作出决定", "十五个工作日内", ""},
	}
	for _, c := range cases {
		d, n := deadlineZh(c.text, parseDate("2021-09-01T03:03:09Z"))
		if d != c.deadline || n != c.norm {
			t.Errorf("%s: got %q %q, want %q %q", c.text, d, n, c.deadline, c.norm)
		}
	}
	d, n := deadlineEn("The Secretary shall, within 90 days of the date of this order, submit a report", parseDate("2025-01-20T00:00:00Z"))
	if d != "within 90 days of the date of this order" || n != "2025-04-20" {
		t.Errorf("english deadline: %q %q", d, n)
	}
	d, n = deadlineEn("agencies shall report no later than June 30, 2025", parseDate("2025-01-20T00:00:00Z"))
	if n != "2025-06-30" || !strings.Contains(d, "June 30, 2025") {
		t.Errorf("english date deadline: %q %q", d, n)
	}
}

func TestEnglish(t *testing.T) {
	meta := Meta{Format: "markdown", Title: "Executive Order 14099: Moving Beyond", Date: "2023-05-09T00:00:00Z"}
	ds := run(t, "en", meta,
		"Executive Order 14099 of May 9, 2023",
		"By the authority vested in me as President by the Constitution and the laws of the United States of America, it is hereby ordered as follows:",
		"(a) The Secretary of Commerce shall, within 90 days of the date of this order, submit a report to the President.",
		"(b) The term “agency” means any executive department.",
		"(c) Nothing in this order shall be construed to impair or otherwise affect the authority granted by law.",
		"Agencies are encouraged to share data. The Director should consult the Council. OMB will issue guidance.",
		"This will help the economy grow.")
	got := brief(ds)
	wantDs := []want{
		{"The Secretary of Commerce shall, within 90 days of the date of this order, submit a report to the President", "must", "President"},
		{"Nothing in this order shall be construed to impair or otherwise affect the authority granted by law", "prohibit", "President"},
		{"Agencies are encouraged to share data", "encourage", "President"},
		{"The Director should consult the Council", "should", "President"},
		{"OMB will issue guidance", "should", "President"},
	}
	if !reflect.DeepEqual(got, wantDs) {
		t.Errorf("got  %v\nwant %v", got, wantDs)
	}
	if len(ds) > 0 && (ds[0].DeadlineNormalized != "2023-08-07" || ds[0].Action != "submit") {
		t.Errorf("first directive: deadline %q action %q", ds[0].DeadlineNormalized, ds[0].Action)
	}
}

func TestStrongest(t *testing.T) {
	cases := []struct {
		forces []string
		want   string
	}{
		{[]string{"should", "must"}, "must"},
		{[]string{"must", "prohibit"}, "prohibit"},
		{[]string{"encourage"}, "encourage"},
		{[]string{"encourage", "should"}, "should"},
		{[]string{"should", "encourage"}, "should"},
		{[]string{"prohibit", "encourage"}, "prohibit"},
	}
	for _, c := range cases {
		var hits []hit
		for _, f := range c.forces {
			hits = append(hits, hit{text: f, force: f})
		}
		if got, _ := strongest(hits); got != c.want {
			t.Errorf("%v: got %s, want %s", c.forces, got, c.want)
		}
	}
}

// The embedded model parses, and it changes verdicts: a clause the rules
// reject in a policy document can be taken, and the reverse.
func TestModelLoads(t *testing.T) {
	m, err := loadModel(modelText, ModelFile)
	if err != nil || m == nil {
		t.Fatalf("the embedded model: %v", err)
	}
	if len(m.w) < 100 {
		t.Fatalf("the model has %d weights", len(m.w))
	}
	for stage := range 2 {
		if m.w["rule=true"][stage] <= m.w["rule=false"][stage] {
			t.Errorf("stage %d: the rules' verdict weighs rule=true %.2f, rule=false %.2f", stage+1, m.w["rule=true"][stage], m.w["rule=false"][stage])
		}
	}
	if !m.stacked {
		t.Error("the embedded model has no second stage")
	}
}

// A model of one's own replaces the built-in one; a file that is no
// directive model is refused with its name.
func TestWithModel(t *testing.T) {
	setup(t)
	r := Compile(lex)
	for _, c := range []struct{ text, err string }{
		{"bias\t1\n", ""},
		{"", "mine.tsv: not a directive model"},
		{"en:bias\t1\n", "mine.tsv: not a directive model"},
		{"bias one\n", "mine.tsv:1"},
	} {
		got, err := r.WithModel(c.text, "mine.tsv")
		switch {
		case c.err == "" && (err != nil || got.model == nil || got.model.w["bias"][0] != 1):
			t.Errorf("%q: %v", c.text, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: got %v, want %q", c.text, err, c.err)
		}
	}
	if r.model == nil || r.model.w["bias"][0] == 1 {
		t.Error("WithModel changed the rules it copied")
	}
}
