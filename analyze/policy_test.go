package analyze_test

import (
	"context"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestPolicyFlag checks document.policy on texts written for the test: a
// company story orders nothing and keeps at most two directives; a notice,
// a story whose headline names a ministry and a line of instructions are
// policy.
func TestPolicyFlag(t *testing.T) {
	company := strings.Repeat("某某科技公司今年一季度营收同比增长三成，净利润创下新高，股价随之上涨。", 4) +
		"\n\n公司将在明年推出新一代产品，并将扩大海外市场。分析人士认为，公司必须保持研发投入。\n\n" +
		strings.Repeat("业内人士表示，行业竞争依然激烈，价格战仍在持续，利润空间受到挤压。", 4)
	english := strings.Repeat("The order revoked earlier requirements that applied to contractors and their employees across the country. ", 3) +
		"\n\nThe Director of the Office of Management and Budget shall issue guidance within 30 days.\n"
	for _, c := range []struct {
		name, text string
		policy     bool
	}{
		{"company.md", "# 某某科技一季度净利创新高\n\n" + company, false},
		{"notice.md", "# 关于加强安全生产工作的通知\n\n各地区要加强安全生产监管，严禁违规生产。", true},
		{"ministry.md", "# 工业和信息化部部署电子烟监管工作\n\n" + company, true},
		{"short.txt", "各部门要做好统计工作。", true},
		// US orders and memoranda: by the title, or by an issuer that can instruct
		{"eo.md", "# Executive Order 14099: Moving Beyond Requirements\n\n" + english, true},
		{"memo.md", "# Rescission of Memoranda Relating to Identity Management\n\n" + english, true},
		{"results.md", "# Acme posts record quarter\n\n" + strings.Repeat("Acme Corp said revenue rose 30 percent in the quarter, and its shares climbed. Analysts expect the trend to continue into next year. ", 4), false},
	} {
		res, err := analyzer(t).Analyze(context.Background(), analyze.Source{Name: c.name, Data: []byte(c.text)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Document.Policy != c.policy {
			t.Errorf("%s: policy %v, want %v", c.name, res.Document.Policy, c.policy)
		}
		if !res.Document.Policy && len(res.Directives) > 2 {
			t.Errorf("%s: a non-policy document gives %d directives", c.name, len(res.Directives))
		}
	}
}
