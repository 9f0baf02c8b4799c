package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// FuzzCompareStored compares analyses read back from JSON (what compare
// and report take from `analyze -f jsonl`, maybe edited or hostile):
// directive spans and paragraphs out of range, missing fields, any text.
// Nothing panics and every directive gets one status.
func FuzzCompareStored(f *testing.F) {
	for _, pair := range [][2]string{
		{"要全面加强安全生产执法工作。要坚决扩大国内有效需求。", "要坚决扩大国内有效需求。必须全面加强安全生产执法工作。"},
		{"各地区应当严格安全准入。", "The agency shall publish the rule."},
	} {
		var lines [][]byte
		for k, text := range pair {
			res, err := analyzer(f).Analyze(context.Background(), analyze.Source{Name: fmt.Sprint(k, ".txt"), Data: []byte(text)})
			if err != nil {
				f.Fatal(err)
			}
			line, _ := json.Marshal(res)
			lines = append(lines, line)
		}
		f.Add(bytes.Join(lines, []byte("\n")))
	}
	f.Add([]byte(`{"schema":"policylens.analysis/v1","document":{"paragraphs":["要加强"]},"directives":[{"text":"要加强","paragraph":7,"start":-3,"end":99}]}` + "\n" +
		`{"directives":[{"text":"","paragraph":-1,"start":5,"end":2,"markers":["","要"]}]}`))
	o := Options{Terms: analyzer(f).Terms, IDF: analyzer(f).IDF}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.SplitN(data, []byte("\n"), 2)
		if len(lines) != 2 {
			return
		}
		var a, b analyze.Analysis
		if json.Unmarshal(lines[0], &a) != nil || json.Unmarshal(lines[1], &b) != nil {
			return
		}
		r := Compare(&a, &b, o)
		n := 0
		for _, k := range r.Summary {
			n += k
		}
		if n != len(r.Directives) || len(r.Summary) != 6 {
			t.Errorf("summary %v for %d directive changes", r.Summary, len(r.Directives))
		}
	})
}
