package segment_test

import (
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// TestInvalidUTF8 segments text with stray bytes (callers that do not go
// through the parser may pass them): no panic, and every token's text is
// the slice of the paragraph its offsets name.
func TestInvalidUTF8(t *testing.T) {
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New(lex, segment.Options{})
	for _, p := range []string{"安全\xff生产法", "\xe5\xae各地要加强监管", "监管\xe5"} {
		doc, err := seg.Segment("zh", "", []string{p})
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(p)
		for _, tk := range doc.Paragraphs[0].Tokens {
			if tk.Start < 0 || tk.End > len(runes) || tk.Start > tk.End {
				t.Fatalf("%q: token %q at %d–%d outside %d runes", p, tk.Text, tk.Start, tk.End, len(runes))
			}
		}
	}
}
