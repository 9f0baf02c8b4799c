package cli

import (
	"encoding/csv"
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
