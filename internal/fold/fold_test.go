package fold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"发展", "发展"},
		{"發展", "发展"},
		{"國家發展", "国家发展"},
		{"計劃", "计划"}, // 劃 → 划 㓰: OpenCC's first candidate, the second a rare variant
		{"開戰", "开战"},
		{"以後", "以后"},
		{"為 爲", "为 为"},
		{"於", "於"},   // 於 → 于 於: not one-to-one, left as written
		{"乾", "乾"},   // 乾 → 干 乾: likewise
		{"显著", "显著"}, // simplified text is unchanged
		{"Policy 2024", "Policy 2024"},
		{"發\xff展", "发\xff展"}, // bytes that are not UTF-8 stay
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTable checks the generated table's promise: one character to one of
// the same byte length, never to itself.
func TestTable(t *testing.T) {
	m := table()
	if len(m) < 2000 {
		t.Fatalf("table has %d rows, want the OpenCC table (over 2000)", len(m))
	}
	for k, v := range m {
		if k == v || utf8.RuneLen(k) != utf8.RuneLen(v) {
			t.Errorf("row %q → %q breaks one-to-one, same length", k, v)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("國家發展")
	f.Add("a\xffb")
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if len(got) != len(s) {
			t.Fatalf("String(%q) has %d bytes, want %d", s, len(got), len(s))
		}
		if String(got) != got {
			t.Fatalf("String is not idempotent on %q", s)
		}
	})
}

// BenchmarkString folds a simplified paragraph (the common case: nothing
// to change) and a traditional one.
func BenchmarkString(b *testing.B) {
	for name, s := range map[string]string{
		"simplified":  strings.Repeat("过去一年，我国发展历程很不平凡。", 20),
		"traditional": strings.Repeat("集中主要力量發展重工業，建立國家工業化的基礎。", 20),
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				String(s)
			}
		})
	}
}
