package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestTermsFlag checks that --terms A,B gives the terms of kwic and trends
// (every argument a path then), that the positional form still works, and
// the exit codes of the mistakes.
func TestTermsFlag(t *testing.T) {
	cases := []struct {
		name      string
		args      []string
		code      int
		wantTerms []string // terms in the CSV's term column (kwic) or rows (trends)
	}{
		{"kwic positional", []string{"kwic", "-f", "csv", "安全生产法", seed}, 0, []string{"安全生产法"}},
		{"kwic --terms", []string{"kwic", "-f", "csv", "--terms", "安全生产法,国务院", seed}, 0, []string{"安全生产法", "国务院"}},
		{"kwic no term", []string{"kwic", seed}, 2, nil},
		{"kwic --terms missing path", []string{"kwic", "--terms", "国务院", "nosuchdir"}, 1, nil},
		{"trends positional", []string{"trends", "-f", "csv", "安全生产", "国务院", seed}, 0, []string{"安全生产", "国务院"}},
		{"trends --terms", []string{"trends", "-f", "csv", "--terms", "安全生产,国务院", seed}, 0, []string{"安全生产", "国务院"}},
		{"trends --terms no path", []string{"trends", "--terms", "安全生产"}, 2, nil},
		{"trends --terms missing path", []string{"trends", "--terms", "安全生产", "nosuchdir"}, 1, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, "", c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errs)
			}
			if c.code == 1 && !strings.Contains(errs, "nosuchdir") {
				t.Errorf("the error does not name the missing path: %s", errs)
			}
			if c.wantTerms == nil {
				return
			}
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := 4 // kwic: document, date, paragraph, left, term, right
			if c.args[0] == "trends" {
				col = 3 // year, documents, chars, term, ...
			}
			seen := map[string]bool{}
			for _, r := range rows[1:] {
				seen[r[col]] = true
			}
			for _, term := range c.wantTerms {
				if !seen[term] {
					t.Errorf("no row for %q in %v", term, seen)
				}
			}
			if len(seen) != len(c.wantTerms) {
				t.Errorf("terms %v, want %v", seen, c.wantTerms)
			}
		})
	}
}

// TestTrendsTermsSame checks that --terms and positional terms give the
// same table.
func TestTrendsTermsSame(t *testing.T) {
	_, a, _ := run(t, "", "trends", "--width", "100", "安全生产", "国务院", seed)
	_, b, _ := run(t, "", "trends", "--width", "100", "--terms", "安全生产,国务院", seed)
	if a != b || a == "" {
		t.Errorf("positional:\n%s\n--terms:\n%s", a, b)
	}
}

// TestKWICWidth checks that --width cuts the contexts so that every line
// fits, keeping the term and the words next to it.
func TestKWICWidth(t *testing.T) {
	cond := &runewidth.Condition{EastAsianWidth: false}
	_, full, _ := run(t, "", "kwic", "安全生产法", seed)
	for _, width := range []int{60, 80, 120} {
		code, out, errs := run(t, "", "kwic", "--width", strconv.Itoa(width), "安全生产法", seed)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != strings.Count(full, "\n") {
			t.Errorf("width %d: %d lines, want %d", width, len(lines), strings.Count(full, "\n"))
		}
		for _, l := range lines {
			if w := cond.StringWidth(l); w > width || !strings.Contains(l, "【安全生产法】") {
				t.Errorf("width %d: line of %d columns: %s", width, w, l)
			}
		}
	}
	_, wide, _ := run(t, "", "kwic", "--width", "1000", "安全生产法", seed)
	if wide != full {
		t.Error("a width wider than every line changed the output")
	}
}

func TestKeepEnd(t *testing.T) {
	cond := &runewidth.Condition{EastAsianWidth: false}
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"abcdef", 3, "def"},
		{"abc", 5, "abc"},
		{"安全生产", 4, "生产"},
		{"安全生产", 5, "生产"},
		{"a安全", 3, "全"},
		{"", 2, ""},
	}
	for _, c := range cases {
		if got := keepEnd(cond, c.in, c.w); got != c.want {
			t.Errorf("keepEnd(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

// TestCorpusHelpExamplesRun runs every example of compare, report, kwic and
// trends on the embedded samples, as a user would after go install.
func TestCorpusHelpExamplesRun(t *testing.T) {
	t.Chdir(t.TempDir())
	root := newRoot(Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	for _, name := range []string{"compare", "report", "kwic", "trends"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(cmd.Example, "..") || !strings.Contains(cmd.Example, "policylens samples samples") {
			t.Errorf("%s: the examples should start from policylens samples, not other paths:\n%s", name, cmd.Example)
		}
		for _, line := range strings.Split(cmd.Example, "\n") {
			args := exampleArgs(t, line)
			if code, _, errs := run(t, "", args...); code != 0 {
				t.Errorf("%s: exit %d: %s", line, code, errs)
			}
		}
	}
	for _, f := range []string{"changes.csv", "news.html", "law.html", "trend.svg"} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("an example should have written %s: %v", f, err)
		}
	}
}

// TestCompareCSV checks compare -f csv: one row per directive change, the
// kept ones included, a leading ' on formula-like text unless --csv-raw,
// and a BOM with --bom.
func TestCompareCSV(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "国务院要求各地应当加强安全生产监管。各地必须建立@台账制度。各部门要做好统计工作。", 0o644)
	write(t, b, "国务院要求各地必须加强安全生产监管。各部门要做好统计工作。各地应当推进=SUM(1)数字化改革。", 0o644)
	code, out, errs := run(t, "", "compare", "-f", "csv", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(compareCSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	statuses := map[string]int{}
	for _, r := range rows[1:] {
		statuses[r[2]]++
		if r[0] != "a.txt" || r[1] != "b.txt" {
			t.Errorf("from/to %q %q", r[0], r[1])
		}
	}
	want := map[string]int{"reworded": 1, "kept": 1, "dropped": 1, "new": 1} // 应当 and 必须 are both must
	if fmt.Sprint(statuses) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v\n%s", statuses, want, out)
	}
	_, raw, _ := run(t, "", "compare", "-f", "csv", "--csv-raw", "--bom", a, b)
	if !strings.HasPrefix(raw, "\uFEFF") {
		t.Error("--bom wrote no byte order mark")
	}
}

// TestCompareCSVFormulaCells: a directive text that starts with = gets a
// leading ' unless --csv-raw.
func TestCompareCSVFormulaCells(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "=HYPERLINK(1)各地必须加强安全生产监管。", 0o644)
	write(t, b, "各部门要做好统计工作。", 0o644)
	for _, raw := range []bool{false, true} {
		args := []string{"compare", "-f", "csv", a, b}
		if raw {
			args = append(args, "--csv-raw")
		}
		_, out, _ := run(t, "", args...)
		if raw != strings.Contains(out, ",=HYPERLINK") || raw == strings.Contains(out, ",'=HYPERLINK") {
			t.Errorf("--csv-raw %v:\n%s", raw, out)
		}
	}
}

// TestCompareWidth checks that --width bounds every table line of compare.
func TestCompareWidth(t *testing.T) {
	cond := &runewidth.Condition{EastAsianWidth: false}
	a, b := "../../testdata/docs/zh-news/20210322-34136460551.md", "../../testdata/docs/zh-news/20210322-34998173986.md"
	for _, width := range []int{80, 120} {
		code, out, errs := run(t, "", "compare", "--width", strconv.Itoa(width), a, b)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.ContainsAny(l, "│┌└├") && cond.StringWidth(l) > width {
				t.Errorf("width %d: table line of %d columns: %s", width, cond.StringWidth(l), l)
			}
		}
	}
}

// exampleArgs splits a help example into arguments, double quotes
// grouping, without the leading policylens.
func exampleArgs(t *testing.T, line string) []string {
	var args []string
	var cur strings.Builder
	quoted, in := false, false
	for _, r := range strings.TrimSpace(line) {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				args, in = append(args, cur.String()), false
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, cur.String())
	}
	if len(args) == 0 || args[0] != "policylens" {
		t.Fatalf("example %q does not start with policylens", line)
	}
	if len(args) > 2 && args[1] == "samples" {
		args = append(args, "--force") // the samples are written once per command
	}
	return args[1:]
}
