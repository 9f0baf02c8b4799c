package keywords

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
)

// simpleContent is content as it was written before the tag test moved
// first and the byline roles were looked up once per paragraph.
func simpleContent(t segment.Token, text string, lex *lexicon.Set, lang string) bool {
	if t.Stop || lex.Stop[text] {
		return false
	}
	if lang == "en" {
		return utf8fast.RuneCount(text) > 2 && isWord(text)
	}
	for _, role := range lex.Cues["byline"] {
		if strings.HasSuffix(text, role) {
			return false
		}
	}
	p := t.POS
	switch {
	case strings.HasPrefix(p, "n"), p == "vn", p == "j", p == "l", p == "x", p == "an", p == "i", p == "eng", p == "nz", p == "b", p == "v" && utf8fast.RuneCount(text) >= 2, p == "t" && holiday(text):
		return true
	}
	return false
}

// TestContentAsSimple checks content against simpleContent on every token
// of the documents of testdata/docs/zh-news and en, with every tag the
// segmenter gives and every byline role as a token of its own.
func TestContentAsSimple(t *testing.T) {
	setup(t)
	byline := lex.Cues["byline"]
	if len(byline) == 0 {
		t.Fatal("no byline roles")
	}
	var toks []segment.Token
	langs := []string{}
	for _, dir := range []string{"zh-news", "en"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "docs", dir, "*"))
		if len(files) == 0 {
			t.Fatalf("no documents in %s", dir)
		}
		for _, f := range files[:min(len(files), 6)] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lang := "zh"
			if dir == "en" {
				lang = "en"
			}
			doc, err := seg.Segment(lang, "", strings.Split(string(b), "\n"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range doc.Paragraphs {
				for _, tk := range p.Tokens {
					toks = append(toks, tk)
					langs = append(langs, lang)
				}
			}
		}
	}
	tags := map[string]bool{}
	for _, tk := range toks {
		tags[tk.POS] = true
	}
	for _, role := range append(byline, "首席"+byline[0], "春节", "年底") {
		for tag := range tags {
			toks = append(toks, segment.Token{Text: role, POS: tag})
			langs = append(langs, "zh")
		}
	}
	for i, tk := range toks {
		text := tk.Text
		if langs[i] == "en" {
			text = strings.ToLower(text)
		}
		if got, want := content(tk, text, lex, langs[i], byline), simpleContent(tk, text, lex, langs[i]); got != want {
			t.Errorf("%q %s %s: %v, want %v", text, tk.POS, langs[i], got, want)
		}
	}
	if len(toks) < 1000 {
		t.Errorf("only %d tokens", len(toks))
	}
}
