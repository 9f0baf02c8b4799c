package entities

import (
	"reflect"
	"testing"
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
