package cli

import (
	"reflect"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestTopTermsLeaveOutBoilerplate: a term in half the titles or more is
// what the corpus is (政府工作报告), not a term to follow.
func TestTopTermsLeaveOutBoilerplate(t *testing.T) {
	doc := func(title string, kws ...string) *analyze.Analysis {
		a := &analyze.Analysis{Document: analyze.Document{Title: title}}
		for i, k := range kws {
			a.Keywords = append(a.Keywords, analyze.Keyword{Term: k, Score: 1 - float64(i)/10})
		}
		return a
	}
	docs := []*analyze.Analysis{
		doc("2024年政府工作报告", "政府工作报告", "高质量发展", "改革"),
		doc("2025年政府工作报告", "政府工作报告", "改革", "消费"),
		doc("关于政府工作报告的决议", "政府工作报告", "决议"),
	}
	if got, want := topTerms(docs, 3), []string{"改革", "决议", "高质量发展"}; !reflect.DeepEqual(got, want) {
		t.Errorf("topTerms = %v, want %v", got, want)
	}
	one := []*analyze.Analysis{doc("安全生产法", "安全生产法", "安全")}
	if got := topTerms(one, 2); !reflect.DeepEqual(got, []string{"安全生产法", "安全"}) {
		t.Errorf("one document keeps its title's terms: %v", got)
	}
}
