package entities

import (
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

func TestPlainNames(t *testing.T) {
	cases := []struct {
		text    string
		persons []string // every person found, in order of first mention
	}{
		{"本报北京5月4日讯记者王霞光、李长云报道：运动会将在吉隆坡举行。", []string{"王霞光", "李长云"}},
		{"参加会议的古巴代表团团长、司法部长卡洛斯·阿马特在表决前指出，封锁是侵犯人权。", []string{"卡洛斯·阿马特"}},
		{"此情此景，令执教汉语多年的白乐桑说，这反映了汉语教学的前景。", []string{"白乐桑"}},
		{"要加快推进高水平对外开放，提高智能化水平。", nil},
		{"全国人大常委会委员长乔石从北京出发。", []string{"乔石"}},
		{"联合国秘书长科菲·安南希望这次会议取得成功。", []string{"科菲·安南"}},
		{"他曾在乔治·梅森大学任教。", nil},
		{"“四•九”会议精神要求，打造首都·太行山旅游带。", nil},
		// a transliteration the segmenter cut into words is one name
		{"斯里兰卡议长拉特纳亚克会见了他。", []string{"拉特纳亚克"}},
		{"瑞典选手松德斯特伦说，比赛很艰苦。", []string{"松德斯特伦"}},
		{"克林顿特别强调了这一点。", []string{"克林顿"}},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "person" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.persons) {
			t.Errorf("%s\n persons %q, want %q", c.text, got, c.persons)
		}
	}
}

func TestSurnameReference(t *testing.T) {
	es := extract(t, "zh", news, "国家主席江泽民会见了代表团。", "江主席指出，要加强合作。")
	p := find(es, "person", "江泽民")
	if p == nil || p.Count != 2 {
		t.Fatalf("江泽民: %+v in %v", p, keys(es))
	}
	if m := p.Mentions[1]; m.Paragraph != 1 || m.Start != 0 || m.End != 1 || m.Surface != "江" {
		t.Errorf("second mention %+v, want 江 at [0,1) of paragraph 1", m)
	}
}

func TestTitleAfterDash(t *testing.T) {
	es := extract(t, "zh", news, "国家税务总局召开全国税务工作会议。王军 — 总局局长表示，要依法征税。")
	p := find(es, "person", "王军")
	if p == nil {
		t.Fatalf("no 王军 in %v", keys(es))
	}
	if !reflect.DeepEqual(p.Titles, []string{"国家税务总局局长"}) {
		t.Errorf("titles %q, want [国家税务总局局长]", p.Titles)
	}
}

func TestNormalizedIsCanonical(t *testing.T) {
	es := extract(t, "zh", news, "工信部发布通知，要求加强管理。")
	var got []string
	for _, e := range es {
		if e.Type == "organization" {
			got = append(got, e.Text+"→"+e.Normalized)
		}
	}
	if !reflect.DeepEqual(got, []string{"工信部→工业和信息化部"}) {
		t.Errorf("organizations %q, want [工信部→工业和信息化部]", got)
	}
}

func TestUserAliasNormalized(t *testing.T) {
	user, err := lexicon.Load([]string{"testdata/userlex"})
	if err != nil {
		t.Fatal(err)
	}
	s := segment.New(user, segment.Options{})
	doc, err := s.Segment("zh", "", []string{"浙江省发改委印发方案。"})
	if err != nil {
		t.Fatal(err)
	}
	es := Extract(doc, user, Meta{})
	if e := find(es, "organization", "浙江省发改委"); e == nil || e.Normalized != "浙江省发展和改革委员会" {
		t.Errorf("浙江省发改委: %+v in %v", e, keys(es))
	}
}

func TestLexiconMatchInsideWord(t *testing.T) {
	es := extract(t, "zh", news, "发达国家应当帮助发展中国家应对气候变化，中国政府高度重视。")
	if e := find(es, "location", "中国"); e == nil || e.Count != 1 {
		t.Errorf("中国: %+v in %v, want one mention (中国政府, not 发展中国家)", e, keys(es))
	}
	// a match across two words: the tail of one, the head of the next
	es = extract(t, "zh", news, "保持人民币汇率在合理均衡水平上基本稳定，努力为农民建设美好家园，其中东北地区降幅较大。衡水市民建会员访问中东。")
	for _, w := range []string{"location:衡水市", "organization:民建", "location:中东"} {
		if e := find(es, strings.SplitN(w, ":", 2)[0], strings.SplitN(w, ":", 2)[1]); e == nil || e.Count != 1 {
			t.Errorf("%s: %+v, want the one mention of the last sentence", w, e)
		}
	}
}

// TestPlaceWords checks bodies and places that run on past a known place:
// a body's ending inside the same word (中国电影出版社), a place's ending
// cut off as a word of its own (塔科马/nz 市), and a government of a country,
// which names the country.
func TestPlaceWords(t *testing.T) {
	cases := []struct {
		text string
		want []string // type:text of persons, bodies and places, in order
	}{
		{"这部小说日前由中国电影出版社出版。", []string{"organization:中国电影出版社"}},
		{"记者来到四川有线电视台采访。", []string{"organization:四川有线电视台"}},
		{"美国西北部塔科马市最近开始调查。", []string{"location:美国", "location:塔科马市"}},
		{"麋鹿出没在保护区附近的小河口镇境内。", []string{"location:小河口镇"}},
		{"中国政府重视发展两国关系。", []string{"location:中国"}},
		// a level word stands for the document's own province or city
		{"省工信厅、自治区卫生健康委和市公共信用信息服务中心负责，市生态环境部门配合。",
			[]string{"organization:省工信厅", "organization:自治区卫生健康委", "organization:市公共信用信息服务中心"}},
		{"市场监管局会同县人民政府办理。", nil},
	}
	for _, c := range cases {
		checkNames(t, c.text, c.want, func(e Entity) string { return e.Text })
	}
}

// checkNames compares the persons, bodies and places of a news text, as
// type:name (the name as field gives it), with want.
func checkNames(t *testing.T, text string, want []string, field func(Entity) string) {
	t.Helper()
	var got []string
	for _, e := range extract(t, "zh", news, text) {
		switch e.Type {
		case "person", "organization", "location":
			got = append(got, e.Type+":"+field(e))
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s\n got  %q\n want %q", text, got, want)
	}
}

// TestTitleBodies: a title takes the body written before it even where
// the segmenter tagged its last word otherwise (支行/v, 系/v), and a
// byline's title reaches its names across spaces and bars.
func TestTitleBodies(t *testing.T) {
	cases := []struct {
		text, name string
		titles     []string
	}{
		{"中国人民银行郑州中心支行行长徐诺金表示。", "徐诺金", []string{"中国人民银行郑州中心支行行长"}},
		{"厦门大学经济学系副教授丁长发对记者分析认为。", "丁长发", []string{"厦门大学经济学系副教授"}},
		{"北京日报客户端 | 记者 孙奇茹", "孙奇茹", []string{"记者"}},
		{"（总台记者 周伟琪 金东 刘志敏）", "刘志敏", []string{"总台记者"}},
	}
	for _, c := range cases {
		es := extract(t, "zh", news, c.text)
		p := find(es, "person", c.name)
		if p == nil || !reflect.DeepEqual(p.Titles, c.titles) {
			t.Errorf("%s\n %s: %+v, want titles %q", c.text, c.name, p, c.titles)
		}
	}
}

// TestParenAcronym checks that an acronym in brackets after a body's name
// is that body, in the rest of the document too.
func TestParenAcronym(t *testing.T) {
	es := extract(t, "zh", news, "最惠国待遇是世界贸易组织（WTO）基本原则之一。", "它要求WTO成员之间互相给予同等待遇。")
	e := find(es, "organization", "世界贸易组织")
	if e == nil || e.Count != 3 || find(es, "organization", "WTO") != nil {
		t.Errorf("世界贸易组织: %+v in %v, want one body with three mentions", e, keys(es))
	}
}
