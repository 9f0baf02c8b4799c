package entities

import (
	"reflect"
	"testing"
)

// TestQuotedTerms: a quoted formula is a term, a quoted ordinary word is
// not (“风向标”, “身份证”). A word the dictionary lacks (“点赞”) is still
// taken: coinages such as “房住不炒” look the same. Formulas that name a
// doctrine or a system count unquoted too.
func TestQuotedTerms(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"深化“放管服”改革，坚持“房住不炒”定位。", []string{"放管服", "房住不炒"}},
		{"这一政策成为市场的“风向标”，网友纷纷“点赞”。", []string{"点赞"}},
		{"办理时须出示“身份证”。", nil},
		{"坚决做到“两个维护”。", []string{"两个维护"}},
		// a doctrine, strategy or system is named, quoted or not; a plain
		// phrase of the lexicon written in prose is not cited
		{"坚持科学发展观，全面推行河长制，推动高质量发展。", []string{"科学发展观", "河长制"}},
		// the form written names it so even when the lexicon's name does not
		{"全面实施乡村振兴战略，促进乡村振兴。", []string{"乡村振兴战略"}},
		// a short quoted formula with a verb: a noun and a verb of two
		// characters each, or a coinage; not a verb and its object
		{"做好“家电下乡”，积极开展“农超对接”，鼓励采用“互联网＋回收”。", []string{"家电下乡", "农超对接", "互联网＋回收"}},
		{"推动形成“1+N”政策体系，搞好“五个统筹”。", []string{"1+N", "五个统筹"}},
		{"勾选“申请退税”并提交，据“绍兴发布”消息，“愿意加班”的人不多。", nil},
	}
	for _, c := range cases {
		var got []string
		for _, e := range extract(t, "zh", news, c.text) {
			if e.Type == "term" {
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s\n terms %q, want %q", c.text, got, c.want)
		}
	}
}

func TestParallelSlogans(t *testing.T) {
	es := extract(t, "zh", Meta{},
		"按照“谁办案、谁录入、谁负责”的原则，对失信者“一处违法、处处受限”，落实“装、树、联”要求。",
		"他说“我们要坚持下去”，并推动“碳达峰、碳中和”。")
	got := keys(es)
	for _, w := range []string{"term:谁办案、谁录入、谁负责", "term:一处违法、处处受限", "term:装、树、联"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if g == "term:我们要坚持下去" {
			t.Errorf("spurious %s", g)
		}
	}
}

func TestLawInsideWord(t *testing.T) {
	es := extract(t, "zh", Meta{}, "建立健全现代企业制度和公司法人治理结构，依照公司法规定执行。", "公司法")
	n := 0
	for _, e := range es {
		if e.Type == "law" && e.Text == "公司法" {
			n = e.Count
		}
	}
	if n != 2 { // 依照公司法规定 and the paragraph's end; not 公司法人
		t.Errorf("公司法 mentions %d, want 2: %v", n, keys(es))
	}
}

func TestBulletinIsNoNewspaper(t *testing.T) {
	es := extract(t, "zh", Meta{}, "杭州中支印发《关于辖内银行经营性贷款有关问题的通报》，《人民日报》报道。")
	got := keys(es)
	for _, w := range []string{"law:关于辖内银行经营性贷款有关问题的通报", "organization:人民日报"} {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

// TestBookTitleDocuments checks the kinds of policy documents a book title
// names beside laws and notices: arrangements, agreements, reports, drafts.
func TestBookTitleDocuments(t *testing.T) {
	es := extract(t, "zh", news, "在《内地与香港关于建立更紧密经贸关系的安排》和《海峡两岸经济合作框架协议》下，落实《政府工作报告》。")
	for _, w := range []string{"内地与香港关于建立更紧密经贸关系的安排", "海峡两岸经济合作框架协议", "政府工作报告"} {
		if find(es, "law", w) == nil {
			t.Errorf("missing law %s in %v", w, keys(es))
		}
	}
}

// TestCitedPhrases checks quoted words a text cites rather than uses: a
// phrase that opens with a determiner or names a generation is no term or
// event, and a list of words written plainly is not the formula it spells
// out.
func TestCitedPhrases(t *testing.T) {
	es := extract(t, "zh", Meta{}, "应当认定为刑法规定的“其他严重情节”，兜底性质的“有关材料”等应当明确，“00后”加班。",
		"农村信用社要坚持为农业、农村、农民服务的方向。")
	for _, e := range es {
		if e.Type == "term" || e.Type == "event" {
			t.Errorf("cited words taken as a %s: %s", e.Type, e.Text)
		}
	}
}
