package analyze

import (
	"context"
	"testing"
)

// --explain says why each directive was taken; --min-confidence drops the
// ones the model is unsure of.
func TestExplainAndMinConfidence(t *testing.T) {
	src := Source{Name: "note.txt", Data: []byte("会议要求，各地区要严格落实安全生产责任，严禁违规生产，年底前完成隐患排查。")}
	a, err := New(WithExplain(true))
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Analyze(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Directives) == 0 {
		t.Fatal("no directives")
	}
	for _, d := range res.Directives {
		if d.Why == nil || d.Why.Confidence <= 0.5 || len(d.Why.Features) == 0 {
			t.Fatalf("%s: why %+v", d.Text, d.Why)
		}
		t.Logf("%s %.3f %v", d.Text, d.Why.Confidence, d.Why.Features)
	}
	strict, err := New(WithMinConfidence(0.9999))
	if err != nil {
		t.Fatal(err)
	}
	res2, err := strict.Analyze(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Directives) >= len(res.Directives) {
		t.Fatalf("min confidence kept %d of %d directives", len(res2.Directives), len(res.Directives))
	}
}
