package analyze

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The same article gives the same directives whatever form it comes in:
// no rule keys on the input format (a Sina post read as plain text).
func TestDirectivesDoNotDependOnFormat(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"seed.md", "zh-news/20210322-34136460551.md", "zh-news/20211029-35010809135.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "docs", p))
		if err != nil {
			t.Fatal(err)
		}
		post, err := a.Analyze(context.Background(), Source{Name: p, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		text := post.Document.Title + "\n" + strings.Join(post.Document.Paragraphs, "\n") + "\n"
		plain, err := a.Analyze(context.Background(), Source{Name: "article.txt", Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := directiveKeys(plain), directiveKeys(post); !slices.Equal(got, want) {
			t.Errorf("%s: as text %d directives, as a post %d\ntext: %q\npost: %q", p, len(got), len(want), got, want)
		}
	}
}

func directiveKeys(res *Analysis) []string {
	var out []string
	for _, d := range res.Directives {
		out = append(out, d.Force+" "+d.Text)
	}
	slices.Sort(out)
	return out
}
