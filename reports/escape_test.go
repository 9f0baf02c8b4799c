package reports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestPrintable: control characters, escape sequences, bidirectional
// overrides and bytes that are not UTF-8 come out as visible escapes;
// ordinary text, Chinese included, is left alone.
func TestPrintable(t *testing.T) {
	cases := []struct{ in, want string }{
		{"国务院安委办", "国务院安委办"},
		{"plain text, 100%", "plain text, 100%"},
		{"\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"\x1b]0;pwned\x07title", `\x1b]0;pwned\x07title`},
		{"bad\nname.txt", `bad\nname.txt`},
		{"a\rb\tc", `a\rb\tc`},
		{"del\x7f", `del\x7f`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"rtl\u202egnp.exe", `rtl\u202egnp.exe`},
		{"line\u2028sep", `line\u2028sep`},
		{"raw\x9bbyte", `raw\x9bbyte`},
		{"replacement \uFFFD kept", "replacement \uFFFD kept"},
		{`C:\docs\x.md`, `C:\docs\x.md`},
	}
	for _, c := range cases {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTableEscapesControls: a title and cells with escape sequences and
// line breaks render as one line each, with no raw control character.
func TestTableEscapesControls(t *testing.T) {
	a := &analyze.Analysis{Document: analyze.Document{
		ID: "x.md", Path: "evil\x1b]0;pwned\x07.md", Title: "\x1b[2Jcleared\r\nnext",
		Paragraphs: []string{"p"},
	}}
	var b bytes.Buffer
	rep, _ := New("table", &b, Options{Width: 100})
	if err := rep.Write(a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, r := range out {
		if r < 0x20 && r != '\n' || r == 0x7f {
			t.Fatalf("raw control %q in table output:\n%s", r, out)
		}
	}
	for _, want := range []string{`== \x1b[2Jcleared\r\nnext`, `evil\x1b]0;pwned\x07.md`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

// TestKWICEscapesControls: the terminal KWIC view escapes its text too.
func TestKWICEscapesControls(t *testing.T) {
	var b bytes.Buffer
	hits := []analyze.Hit{{Document: "d\x1b[31m", Left: "\x1b]0;x\x07左", Term: "监管", Right: "右\r"}}
	if err := WriteKWIC(&b, hits); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07\r") {
		t.Errorf("raw control in %q", b.String())
	}
}

// TestCSVCell: the OWASP prefixes, and nothing else.
func TestCSVCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"加强监管", "加强监管"},
		{"a=b", "a=b"},
		{"", ""},
		{"'quoted", "'quoted"},
	}
	for _, c := range cases {
		if got := CSVCell(c.in); got != c.want {
			t.Errorf("CSVCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVWriter: text cells are prefixed, numeric columns are not (a
// negative number stays a number), and raw turns prefixing off.
func TestCSVWriter(t *testing.T) {
	row := []string{"=cmd|' /C calc'!A0", "-5", "-text"}
	cases := []struct {
		raw  bool
		want []string
	}{
		{false, []string{"'=cmd|' /C calc'!A0", "-5", "'-text"}},
		{true, row},
	}
	for _, c := range cases {
		var b bytes.Buffer
		w := NewCSVWriter(&b, c.raw, 1)
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(&b).Read()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "\x00") != strings.Join(c.want, "\x00") {
			t.Errorf("raw %v: %q, want %q", c.raw, got, c.want)
		}
	}
}

// TestCSVReporterNeutralizes: the directive CSV prefixes formulas coming
// from a document unless CSVRaw.
func TestCSVReporterNeutralizes(t *testing.T) {
	a := &analyze.Analysis{
		Document:   analyze.Document{ID: "=id", Title: "@title"},
		Directives: []analyze.Directive{{Text: "=HYPERLINK(\"http://x\")", Force: "must", Paragraph: 2}},
	}
	for _, raw := range []bool{false, true} {
		var b bytes.Buffer
		rep, _ := New("csv", &b, Options{CSVRaw: raw})
		if err := rep.Write(a); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		row := rows[1]
		want := []string{"'=id", "'@title", "2", "'=HYPERLINK(\"http://x\")"}
		if raw {
			want = []string{"=id", "@title", "2", "=HYPERLINK(\"http://x\")"}
		}
		got := []string{row[0], row[1], row[3], row[len(row)-1]}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("raw %v: %q, want %q", raw, got, want)
		}
	}
}

// TestMarkdownCR: a carriage return in a title or a cell does not break
// the table row it sits in.
func TestMarkdownCR(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\rb", "a b"},
		{"a\r\nb", "a  b"},
		{"a\nb|c", `a b\|c`},
	}
	for _, c := range cases {
		if got := md(c.in); got != c.want {
			t.Errorf("md(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	docs := []*analyze.Analysis{
		{Document: analyze.Document{ID: "a", Title: "one\rtwo\rthree", Date: "2024-01-01"}},
		{Document: analyze.Document{ID: "b", Title: "b", Date: "2025-01-01"}},
	}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, &Report{Title: "t\rx", Docs: docs}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\r") {
		t.Errorf("raw CR in Markdown:\n%q", b.String())
	}
	if !strings.Contains(b.String(), "| one two three |") {
		t.Errorf("the title's row is broken:\n%s", b.String())
	}
}
