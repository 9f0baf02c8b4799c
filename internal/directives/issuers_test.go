package directives

import "testing"

// TestIssuerOfSpeaker: a frame's speaker loses the connective before it
// and the condition after it; in a document with an issuer, a speaker that
// needed cutting is the actor instructed, so the document's issuer stands.
func TestIssuerOfSpeaker(t *testing.T) {
	setup(t)
	c := Compile(lex)
	for _, tc := range []struct {
		speaker, docIssuer, want string
	}{
		{"商务部等六部门将按照党中央、国务院决策", "", "商务部等六部门"},
		{"社会团体根据清理整顿的规定和", "", "社会团体"},
		{"由全国人民代表大会常务委员会", "", "全国人民代表大会常务委员会"},
		{"并由社会团体根据清理整顿的规定和", "", "社会团体"},
		{"本市按照国家统一", "上海市人民代表大会常务委员会", "上海市人民代表大会常务委员会"},
		{"并依照有关法律、法规的", "国务院", "国务院"},
		{"并依照有关法律、法规的", "", ""},
		{"内蒙古自治区有关部门通报冤案追责结果时", "", ""},
		{"国务院常务会议", "", "国务院常务会议"},
		{"黄明", "国务院", "黄明"},
		{"", "国务院", ""},
	} {
		if got := c.issuerOf(tc.speaker, "", tc.docIssuer); got != tc.want {
			t.Errorf("issuerOf(%q, doc %q) = %q, want %q", tc.speaker, tc.docIssuer, got, tc.want)
		}
	}
}
