package reports

import (
	"reflect"
	"testing"
)

func TestWrapLine(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  []string
	}{
		{"安全生产执法", 8, []string{"安全生产", "执法"}},
		{"加强监管，严格执法", 8, []string{"加强监", "管，严格", "执法"}}, // ， never starts a line
		{"the Federal Register of a rule", 12, []string{"the Federal", "Register of", "a rule"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"短", 8, []string{"短"}},
		{"", 8, []string{""}},
	} {
		got := wrapLine(tc.s, tc.width)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("wrapLine(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		for _, l := range got {
			if cond.StringWidth(l) > tc.width {
				t.Errorf("wrapLine(%q, %d): line %q is wider", tc.s, tc.width, l)
			}
		}
	}
}

func TestDirectiveCellLines(t *testing.T) {
	got := cleanCells([]string{Lines("依照本法\n办理", "", "deadline: 年底前")})
	if got[0] != "依照本法 办理\ndeadline: 年底前" {
		t.Errorf("cell %q", got[0])
	}
}
