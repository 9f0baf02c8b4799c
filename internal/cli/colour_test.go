package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestColourWanted(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-256color"}, true},
		{map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, false},
		{map[string]string{"NO_COLOR": "0"}, false}, // any value turns it off
		{map[string]string{"TERM": "dumb"}, false},
	} {
		if got := colourWanted(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
	if colourEnabled(&bytes.Buffer{}, func(string) string { return "" }) {
		t.Error("colour into a pipe")
	}
}

// TestColourWriter: titles, section names, headers and force cells get
// styles; the text between the escapes is unchanged, so the layout stays;
// what is not a table passes as it is, whatever the chunks it comes in.
func TestColourWriter(t *testing.T) {
	in := "== 标题\n\nKeywords\n┌───┬──────┐\n│ # │ term │\n├───┼──────┤\n│ 1 │ must │\n└───┴──────┘\n" +
		"┌──────────────────┐\n│ force            │\n│ should → must    │\n│ must not         │\n└──────────────────┘\n{\"force\": \"must\"}\nlast"
	want := "\x1b[1;36m== 标题\x1b[0m\n\n\x1b[1mKeywords\x1b[0m\n┌───┬──────┐\n\x1b[1m│ # │ term │\x1b[0m\n├───┼──────┤\n│ 1 │ \x1b[31mmust\x1b[0m │\n└───┴──────┘\n" +
		"┌──────────────────┐\n\x1b[1m│ force            │\x1b[0m\n│ \x1b[33mshould\x1b[0m → \x1b[31mmust\x1b[0m    │\n│ must not         │\n└──────────────────┘\n{\"force\": \"must\"}\nlast"
	for _, chunk := range []int{1, 7, len(in)} {
		var out bytes.Buffer
		cw := &colourWriter{w: &out}
		for i := 0; i < len(in); i += chunk {
			cw.Write([]byte(in[i:min(i+chunk, len(in))]))
		}
		if err := cw.Flush(); err != nil || out.String() != want {
			t.Errorf("chunks of %d: %v\n got %q\nwant %q", chunk, err, out.String(), want)
		}
		if plain := stripANSI(out.String()); plain != in {
			t.Errorf("chunks of %d: the text changed:\n%q", chunk, plain)
		}
	}
}

func stripANSI(s string) string {
	for _, st := range []string{styleReset, styleTitle, styleBold, "\x1b[1;31m", "\x1b[31m", "\x1b[33m", "\x1b[32m"} {
		s = strings.ReplaceAll(s, st, "")
	}
	return s
}

// FuzzColourWriter: whatever passes through, and in whatever chunks, the
// text is unchanged once the styles are taken out. (Tables show a
// document's own escape characters escaped, so none reach the writer.)
func FuzzColourWriter(f *testing.F) {
	f.Add("== 标题\nKeywords\n┌─┐\n│ a │\n│ must │\n└─┘\n", 3)
	f.Add("│ should → must │ prohibit │\nno newline", 1)
	f.Add("\n\n┌\n┌\n│\n│ → │\n", 2)
	f.Fuzz(func(t *testing.T, in string, chunk int) {
		if strings.Contains(in, "\x1b") {
			return
		}
		chunk = 1 + abs(chunk)%64
		var out bytes.Buffer
		cw := &colourWriter{w: &out}
		for i := 0; i < len(in); i += chunk {
			cw.Write([]byte(in[i:min(i+chunk, len(in))]))
		}
		if err := cw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := stripANSI(out.String()); got != in {
			t.Errorf("text changed:\n in %q\nout %q", in, got)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
