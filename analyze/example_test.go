package analyze_test

import (
	"context"
	"fmt"

	"github.com/policylens/policylens/analyze"
)

// The library in a few lines: build one Analyzer (it loads the lexicons and
// dictionaries once and is safe for concurrent use), analyze a text.
func Example() {
	a, err := analyze.New(analyze.WithKeywords(3))
	if err != nil {
		panic(err)
	}
	text := "会议要求，各地区要严格落实安全生产责任，严禁违规生产，年底前完成隐患排查。"
	res, err := a.Analyze(context.Background(), analyze.Source{Name: "note.txt", Data: []byte(text)})
	if err != nil {
		panic(err)
	}
	for _, d := range res.Directives {
		fmt.Printf("%-8s %s | issuer %s | deadline %q\n", d.Force, d.Text, d.Issuer, d.Deadline)
	}
	// Output:
	// must     各地区要严格落实安全生产责任 | issuer 会议 | deadline ""
	// prohibit 严禁违规生产 | issuer 会议 | deadline ""
	// should   年底前完成隐患排查 | issuer 会议 | deadline "年底前"
}
