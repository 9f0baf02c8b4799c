package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/golden"
)

// TestGoldenOutputs pins the other output formats of the commands: reports
// in Markdown and HTML, comparisons in Markdown and JSON, KWIC and trends.
// Run with -update after a deliberate change and review the diff.
func TestGoldenOutputs(t *testing.T) {
	const gwr = "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl"
	ecigA, ecigB := "../../testdata/docs/zh-news/20210322-34136460551.md", "../../testdata/docs/zh-news/20210322-34998173986.md"
	cases := []struct {
		name string
		args []string
	}{
		{"report-seed.md", []string{"report", "--format", "markdown", seed}},
		{"report-seed.html", []string{"report", "--format", "html", seed}},
		{"report-gwr.md", []string{"report", "--format", "markdown", "--terms", "改革,高质量发展", gwr}},
		{"compare-ecig.md", []string{"compare", "--format", "markdown", ecigA, ecigB}},
		{"compare-gwr.json", []string{"compare", "--format", "json", "--pick", "2024,2025", gwr}},
		{"compare-ecig.txt", []string{"compare", "--width", "120", ecigA, ecigB}},
		{"kwic-seed.txt", []string{"kwic", "安全生产法", seed}},
		{"trends-gwr.csv", []string{"trends", "改革", "高质量发展", "--format", "csv", gwr}},
		{"keywords-gwr.csv", []string{"keywords", "--by", "year", "--format", "csv", gwr}},
		{"analyze-seed-160.txt", []string{"analyze", "--width", "160", seed}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, "", c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			// paths differ between machines only in their prefix
			out = strings.ReplaceAll(out, "../../testdata/", "testdata/")
			golden.Check(t, filepath.Join("testdata", "golden", c.name), []byte(out))
		})
	}
}
