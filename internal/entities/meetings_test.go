package entities

import (
	"reflect"
	"testing"
)

func TestNumberedMeetings(t *testing.T) {
	cases := []struct{ text, want string }{
		{"经北京市第十五届人民代表大会常务委员会第三十一次会议通过。", "北京市第十五届人民代表大会常务委员会第三十一次会议"},
		{"2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过", "第十三届全国人民代表大会常务委员会第二十八次会议"},
		{"已经国务院第186次常务会议通过，现予公布。", "国务院第186次常务会议"},
		{"经人力资源和社会保障部第6次部务会议审议通过。", "人力资源和社会保障部第6次部务会议"},
		{"最高人民检察院第九届检察委员会第九十六次会议通过", "最高人民检察院第九届检察委员会第九十六次会议"},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "event" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, []string{c.want}) {
			t.Errorf("%s\n events %q, want [%s]", c.text, got, c.want)
		}
	}
}

// TestBodyBeforeTitle: a body stops before a title (中共中央政治局 +
// 常委), and the title goes to the person.
func TestBodyBeforeTitle(t *testing.T) {
	es := extract(t, "zh", news, "中共中央政治局常委、国务院副总理李岚清出席。外经贸部副部长石广生会见了代表团。")
	var orgs []string
	for _, e := range es {
		if e.Type == "organization" {
			orgs = append(orgs, e.Text)
		}
	}
	if want := []string{"中共中央政治局", "国务院", "外经贸部"}; !reflect.DeepEqual(orgs, want) {
		t.Errorf("bodies %q, want %q", orgs, want)
	}
	if p := find(es, "person", "李岚清"); p == nil || !reflect.DeepEqual(p.Titles, []string{"中共中央政治局常委", "国务院副总理"}) {
		t.Errorf("李岚清: %+v", p)
	}
}

// TestSessionBodies: a numbered session names the congress or committee
// that sits, and that body is an organization of its own.
func TestSessionBodies(t *testing.T) {
	es := extract(t, "zh", news, "经北京市第十五届人民代表大会常务委员会第三十一次会议通过。")
	if find(es, "organization", "北京市第十五届人民代表大会常务委员会") == nil {
		t.Errorf("no body of the session in %v", keys(es))
	}
	if find(es, "event", "北京市第十五届人民代表大会常务委员会第三十一次会议") == nil {
		t.Errorf("no session in %v", keys(es))
	}
}

// TestCampaigns: a quoted campaign or day is an event, not a formula.
func TestCampaigns(t *testing.T) {
	es := extract(t, "zh", news, "各地开展“光盘行动”，迎接“中国品牌日”，坚持“房住不炒”。")
	var got []string
	for _, e := range es {
		if e.Type == "event" || e.Type == "term" {
			got = append(got, e.Type+":"+e.Text)
		}
	}
	if want := []string{"event:光盘行动", "event:中国品牌日", "term:房住不炒"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTitleLaw: a title that is a law's name is a law of the document
// (its text cites itself as 本条例); other titles are not.
func TestTitleLaw(t *testing.T) {
	cases := []struct {
		title string
		want  []string
	}{
		{"上海市生活垃圾管理条例", []string{"上海市生活垃圾管理条例"}},
		{"北京市反食品浪费规定(2021-05-27)", []string{"北京市反食品浪费规定"}},
		{"中国（重庆）自由贸易试验区条例", []string{"中国（重庆）自由贸易试验区条例"}},
		{"国务院常务会议部署稳就业工作", nil},
		{"办法)", nil},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", Meta{Title: c.title}, "本条例自公布之日起施行。") {
			if e.Type == "law" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: laws %q, want %q", c.title, got, c.want)
		}
	}
}

// TestFiveYearPlans: a five-year plan named by its number is a law, its
// number quoted or not; a code of rules in book-title marks is one too.
func TestFiveYearPlans(t *testing.T) {
	var got []string
	for _, e := range extract(t, "zh", news, "审议第七个五年计划草案，编制十二五规划，实施“十一五”规划，执行《企业财务通则》。") {
		if e.Type == "law" {
			got = append(got, e.Normalized)
		}
	}
	if want := []string{"第七个五年计划草案", "十二五规划", "十一五规划", "企业财务通则"}; !reflect.DeepEqual(got, want) {
		t.Errorf("laws %q, want %q", got, want)
	}
}

// TestNationalMeetings: a national or central work meeting is an event.
func TestNationalMeetings(t *testing.T) {
	var got []string
	for _, e := range extract(t, "zh", news, "2022年全国水利工作会议召开，随后召开全国安全生产电视电话会议。") {
		if e.Type == "event" {
			got = append(got, e.Text)
		}
	}
	if want := []string{"2022年全国水利工作会议", "全国安全生产电视电话会议"}; !reflect.DeepEqual(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

// TestNamedCampaigns: a campaign named after the verb that launches it, or the
// meeting held for it, is an event; a campaign without a name is none.
func TestNamedCampaigns(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"各地组织开展根治欠薪冬季专项行动。", []string{"根治欠薪冬季专项行动"}},
		{"青海召开根治欠薪冬季专项行动动员部署电视电话会议。", []string{"根治欠薪冬季专项行动动员部署电视电话会议"}},
		{"市政府召开了强力攻坚“保交楼”专项行动动员会。", []string{"强力攻坚“保交楼”专项行动动员会"}},
		{"将这类问题纳入专项行动，开展行动。", nil},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "event" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: events %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCommitteeMeeting checks a body's committee's numbered meeting: the
// meeting is an event and the committee a body.
func TestCommitteeMeeting(t *testing.T) {
	es := extract(t, "zh", Meta{}, "2020年12月23日最高人民法院审判委员会第1823次会议通过。")
	if find(es, "event", "最高人民法院审判委员会第1823次会议") == nil || find(es, "organization", "最高人民法院审判委员会") == nil {
		t.Errorf("committee meeting: %v", keys(es))
	}
}

// TestPlanNumbers checks five-year plans named by their number, from the
// sixth to the ninth too, and one law with the plan written out.
func TestPlanNumbers(t *testing.T) {
	es := extract(t, "zh", Meta{}, "努力完成“八五”计划，制定“九五”计划。", "第七个五年计划草案规定，“七五”计划草案要求。")
	norms := map[string]bool{}
	for _, e := range es {
		if e.Type == "law" {
			norms[e.Normalized] = true
		}
	}
	for _, w := range []string{"八五计划", "九五计划", "第七个五年计划草案"} {
		if !norms[w] {
			t.Errorf("no law %s in %v", w, norms)
		}
	}
	if find(es, "law", "七五计划草案") != nil {
		t.Errorf("七五计划草案 apart from 第七个五年计划草案: %v", keys(es))
	}
}
