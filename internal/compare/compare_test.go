package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/golden"
)

var (
	once sync.Once
	an   *analyze.Analyzer
)

func analyzer(t testing.TB) *analyze.Analyzer {
	once.Do(func() {
		var err error
		if an, err = analyze.New(); err != nil {
			t.Fatal(err)
		}
	})
	return an
}

func analyzeText(t *testing.T, name, text string) *analyze.Analysis {
	t.Helper()
	res, err := analyzer(t).Analyze(context.Background(), analyze.Source{Name: name, Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func opts(t *testing.T) Options {
	a := analyzer(t)
	return Options{Terms: a.Terms, IDF: a.IDF}
}

const notice = `会议要求，切实增强政治自觉和责任自觉，坚决扛起防范化解重大安全风险的政治责任，严格安全准入。
会议强调，要突出精准执法改进方式方法，要加强对基层业务指导和帮助支持，开展大练兵大比武。
会议指出，各地区要抓住这个重大机遇，全面加强安全生产执法工作。`

func statuses(r *Result) map[string]int { return r.Summary }

func TestSelfIsKept(t *testing.T) {
	a := analyzeText(t, "a.txt", notice)
	r := Compare(a, a, opts(t))
	if len(r.Summary) != 6 || r.Summary[Kept] != len(a.Directives) || len(a.Directives) == 0 {
		t.Errorf("self comparison: %v (%d directives)", r.Summary, len(a.Directives))
	}
}

func TestOneMarkerStrengthened(t *testing.T) {
	a := analyzeText(t, "a.txt", notice)
	b := analyzeText(t, "b.txt", strings.Replace(notice, "要加强对基层", "必须加强对基层", 1))
	r := Compare(a, b, opts(t))
	if r.Summary[Strengthened] != 1 || r.Summary[Kept] != len(a.Directives)-1 {
		t.Errorf("要 → 必须: %v", r.Summary)
	}
	for _, d := range r.Directives {
		if d.Status == Strengthened && d.ForceChange != "should → must" {
			t.Errorf("force change %q", d.ForceChange)
		}
	}
}

func TestDeletedSentenceDropped(t *testing.T) {
	a := analyzeText(t, "a.txt", notice)
	lines := strings.Split(notice, "\n")
	b := analyzeText(t, "b.txt", lines[0]+"\n"+lines[2])
	r := Compare(a, b, opts(t))
	if r.Summary[Dropped] != 3 || r.Summary[New] != 0 {
		t.Errorf("deleting a sentence of three clauses: %v", r.Summary)
	}
	// the order of inputs only swaps new and dropped
	back := Compare(b, a, opts(t))
	if back.Summary[New] != r.Summary[Dropped] || back.Summary[Dropped] != r.Summary[New] || back.Summary[Kept] != r.Summary[Kept] {
		t.Errorf("swapped: %v vs %v", back.Summary, r.Summary)
	}
}

func TestWeakenedAndReworded(t *testing.T) {
	a := analyzeText(t, "a.txt", "会议要求，必须严格落实企业主体责任。会议要求，要加快推进城市更新行动。")
	b := analyzeText(t, "b.txt", "会议要求，要落实企业主体责任。会议要求，要加快推进城市更新改造行动。")
	r := Compare(a, b, opts(t))
	if r.Summary[Weakened] != 1 || r.Summary[Reworded] != 1 {
		t.Errorf("weakened and reworded: %v", r.Summary)
	}
}

func TestTargetsAndKeyness(t *testing.T) {
	a := analyzeText(t, "a.txt", "今年发展的主要预期目标是：国内生产总值增长7.5%左右；城镇新增就业1000万人以上。要扩大内需，扩大内需，扩大内需。")
	b := analyzeText(t, "b.txt", "今年发展的主要预期目标是：国内生产总值增长7%左右；城镇新增就业1000万人以上。要发展新质生产力，发展新质生产力，发展新质生产力。")
	r := Compare(a, b, opts(t))
	got := map[string]string{}
	for _, tc := range r.Targets {
		got[tc.Indicator] = tc.Status
	}
	if got["国内生产总值增长"] != "changed" || got["城镇新增就业"] != Kept {
		t.Errorf("targets %v", got)
	}
	if len(r.Keywords.Over)+len(r.Keywords.Under) != 0 {
		t.Errorf("three mentions in a short text are no significant shift: %+v", r.Keywords)
	}
	more := strings.Repeat("要发展新质生产力。", 12)
	b = analyzeText(t, "b.txt", strings.Repeat("要扩大内需，稳定就业。", 12)+more)
	a = analyzeText(t, "a.txt", strings.Repeat("要扩大内需，稳定就业。", 12)+strings.Repeat("要保障民生。", 12))
	r = Compare(a, b, opts(t))
	if len(r.Keywords.Over) != 2 || r.Keywords.Over[1].Term != "新质生产力" || r.Keywords.Over[1].RateA != 0 || r.Keywords.Over[1].RateB != 2000 {
		t.Errorf("keyness over %+v", r.Keywords.Over)
	}
}

func TestKeyTermCutoff(t *testing.T) {
	for _, tc := range []struct {
		x, y, na, nb int
		ok           bool
		rateB        float64
	}{
		{2, 2, 1000, 1000, false, 0},
		{0, 3, 1000, 1000, false, 0},
		{0, 6, 1000, 1000, true, 60},
		{10, 40, 1000, 2000, false, 0}, // same rate
		{10, 80, 1000, 2000, true, 400},
		{0, 6, 0, 1000, false, 0},
	} {
		k, ok := keyTerm("t", tc.x, tc.y, tc.na, tc.nb)
		if ok != tc.ok || ok && k.RateB != tc.rateB {
			t.Errorf("%d of %d against %d of %d: %+v, %v", tc.x, tc.na, tc.y, tc.nb, k, ok)
		}
	}
}

// TestGoldenPairs compares real pairs: two outlets' reports of the
// e-cigarette regulation draft, and the 2024 and 2025 work reports.
func TestGoldenPairs(t *testing.T) {
	read := func(rel string) *analyze.Analysis {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", rel))
		if err != nil {
			t.Fatal(err)
		}
		return analyzeText(t, rel, string(data))
	}
	ecig := Compare(read("docs/zh-news/20210322-34136460551.md"), read("docs/zh-news/20210322-34998173986.md"), opts(t))
	var reports []*analyze.Analysis
	err := analyzer(t).Batch(context.Background(), []analyze.Input{{Path: filepath.Join("..", "..", "testdata", "docs", "gwr", "reports-2024-2025-1954.jsonl"), ID: "gwr.jsonl"}}, nil,
		func(r analyze.Result) error {
			if r.Err != nil {
				return r.Err
			}
			reports = append(reports, r.Analysis)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	gwr := Compare(reports[1], reports[0], opts(t)) // 2024 → 2025
	for name, r := range map[string]*Result{"ecig": ecig, "gwr-2024-2025": gwr} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", name+".golden.json"), buf.Bytes())
	}
	if gwr.Summary[Kept]+gwr.Summary[Reworded] < 50 {
		t.Errorf("2024 → 2025: too few directives carried over: %v", gwr.Summary)
	}
}
