package entities

import (
	"reflect"
	"testing"
)

// TestNameModel checks what the learned name model adds to the rules on
// sentences written for the test (none is from the data it learned on):
// names without a cue, one-character country abbreviations named by their
// country, bodies the segmenter cut into words, and no name in ordinary
// words that the dictionary tags as names.
func TestNameModel(t *testing.T) {
	cases := []struct {
		text string
		want []string // type:normalized, in order of first mention
	}{
		{"周恩来和邓小平在延安见面。", []string{"person:周恩来", "person:邓小平", "location:延安市"}},
		{"中美两国元首通电话，中方表示愿意合作。", []string{"location:中国", "location:美国"}},
		{"日俄首脑会晤在莫斯科举行。", []string{"location:日本", "location:俄罗斯", "location:莫斯科"}},
		{"金大中访美期间会见了克林顿。", []string{"person:金大中", "location:美国", "person:克林顿"}},
		{"四川全兴队在主场迎战大连万达队。", []string{"organization:四川全兴队", "organization:大连万达队"}},
		{"要加快推进高水平对外开放，提高智能化水平。", nil},
		{"发展中国家的财政部门加强合作。", nil},
	}
	for _, c := range cases {
		checkNames(t, c.text, c.want, func(e Entity) string { return e.Normalized })
	}
}

// TestNameModelTitles checks that a name only the model finds takes the
// title beside it as a rule's name does (刑警队队长刘旭，教导员卡腾).
func TestNameModelTitles(t *testing.T) {
	es := extract(t, "zh", news, "刑警队队长刘旭，教导员卡腾，刑警队副队长任俊林立即驱车前往现场。")
	p := find(es, "person", "卡腾")
	if p == nil || p.Evidence != "model:name PER" || !reflect.DeepEqual(p.Titles, []string{"教导员"}) {
		t.Errorf("卡腾: %+v", p)
	}
	es = extract(t, "zh", news, "会后，刘旭队长、卡腾教导员等分局领导返回现场。")
	if p := find(es, "person", "卡腾"); p == nil || !reflect.DeepEqual(p.Titles, []string{"教导员"}) {
		t.Errorf("卡腾 before a title: %+v", p)
	}
}

// TestNameModelSettings checks that the embedded model carries its
// settings: the margins the trainer chose and the learned abbreviations.
func TestNameModelSettings(t *testing.T) {
	m := loadNameModel()
	if m == nil {
		t.Fatal("no name model embedded")
	}
	for _, k := range []string{"PER", "ORG", "LOC", "SPAN", "ABBR", "ABBRX", "ORGSPAN"} {
		if _, ok := m.settings[marginKey+k]; !ok {
			t.Errorf("no %s%s row", marginKey, k)
		}
	}
	if !m.has(abbrKey, '中') || !m.has(orgEndKey, '队') || m.has(abbrKey, '的') {
		t.Error("abbreviations or body endings not as learned")
	}
	if !m.has(translitKey, '斯') || m.has(translitKey, '的') || m.has(translitKey, '·') {
		t.Error("transliteration characters not as learned")
	}
}

func TestFeaturesBest(t *testing.T) {
	cases := []struct {
		sum    [4]float64
		cls    string
		margin float64
	}{
		{[4]float64{1, 5, 2, 0}, "ORG", 3},
		{[4]float64{0, 0, 0, 4}, "O", 4},
		{[4]float64{2, 2, 0, 0}, "PER", 0}, // a tie goes to the first class, as in training
	}
	for _, c := range cases {
		f := Features{sum: c.sum}
		if cls, m := f.best(); cls != c.cls || m != c.margin {
			t.Errorf("%v: %s %.1f, want %s %.1f", c.sum, cls, m, c.cls, c.margin)
		}
	}
}
