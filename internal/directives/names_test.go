package directives

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestUnicodeName: unicodeName writes what fmt's %U writes.
func TestUnicodeName(t *testing.T) {
	for _, r := range []rune{0, 1, 0xf, 0x10, 0xff, 0x100, 0xfff, 0x1000, '，', '：', 0xffff, 0x10000, 0x10ffff, 0x7fffffff, -1, -0x10} {
		if got, want := unicodeName(r), fmt.Sprintf("%U", r); got != want {
			t.Errorf("unicodeName(%d) = %q, want %q", r, got, want)
		}
	}
	for r := rune(0); r < 0x20000; r += 7 {
		if got, want := unicodeName(r), fmt.Sprintf("%U", r); got != want {
			t.Fatalf("unicodeName(%d) = %q, want %q", r, got, want)
		}
	}
}

// TestPlainName: a name plainName lets through is the one nameRune
// writes rune by rune.
func TestPlainName(t *testing.T) {
	slow := func(s string) string {
		var b []byte
		for _, r := range s {
			b = utf8.AppendRune(b, nameRune(r))
		}
		return string(b)
	}
	cases := []string{"", "bias", "rule", "true", "鼓励", "加快 建设", "a\tb", "x\u00a0y", "\u3000", "\u2028", "\u0085", "\u007f", "\xff", "中\xe4", "U+FF0C", "≤4", ">32", "\u1680", "\u205f", "\u2060", "\u00a1"}
	for r := rune(0); r < 0x10000; r++ { // every rune of three bytes too (plainName's fast path)
		cases = append(cases, string(r), "中"+string(r)+"文")
	}
	for _, s := range cases {
		if plainName(s) && slow(s) != s {
			t.Errorf("plainName(%q) but nameRune changes it to %q", s, slow(s))
		}
		f := featureSet{}
		f.name([]string{s, strings.ToUpper(s)})
		if want := slow(s) + "=" + slow(strings.ToUpper(s)); string(f.buf) != want {
			t.Errorf("name(%q) = %q, want %q", s, f.buf, want)
		}
	}
}

// TestBlank: blank is strings.TrimSpace(s) == "".
func TestBlank(t *testing.T) {
	cases := []string{"", " ", "\t\n", "a", " a", "中", "\u3000", "\u3000中", "\u00a0", "\xff", "\xe4", "\xe4\xb8", "\x85", "\u0085", "\u2028x", "\x1c", "\x1f"}
	for r := rune(0); r < 0x10000; r++ {
		cases = append(cases, string(r), string(r)+" ", " "+string(r))
	}
	for _, s := range cases {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestModelShortKeyAsCut: modelShortKey finds the family where
// strings.Cut at the first = finds it.
func TestModelShortKeyAsCut(t *testing.T) {
	old := func(name string) (uint64, bool) {
		head, value, ok := strings.Cut(name, "=")
		fam := familyOf(head)
		if !ok || fam == 0 || value == "" || !utf8.ValidString(value) {
			return 0, false
		}
		var r [2]rune
		n := 0
		for _, c := range value {
			if n == 2 {
				return 0, false
			}
			r[n] = c
			n++
		}
		return keyOf(fam, r, n), true
	}
	names := []string{"", "c2", "c2=", "c2=一", "c2=一是", "c2=一是的", "bw==", "bw=a=b", "bw=\xff", "xbw=a", "b=w=a", "bias", "rule=true",
		"why=frame=true", "pl=n", "p0=vn", "v0=推进", "w1=加快建设", "wl= ", "c2=\t", "=c2=a", "c2=a\x00"}
	for f := famC2; f < famCount; f++ {
		for _, v := range []string{"", "a", "ab", "abc", "中", "中文", "中文字", "=", "==", "a=b"} {
			names = append(names, f.name()+"="+v, f.name()+v, "s2:"+f.name()+"="+v)
		}
	}
	for _, n := range names {
		k1, ok1 := modelShortKey(n)
		k2, ok2 := old(n)
		if k1 != k2 || ok1 != ok2 {
			t.Errorf("modelShortKey(%q) = %d %v, strings.Cut gives %d %v", n, k1, ok1, k2, ok2)
		}
	}
}

// TestHasAnyAsContainsRune: hasAny, which searches for each character's
// bytes, answers as strings.ContainsRune over the characters did, for the
// sets the package asks about, on texts with and without them, with
// invalid bytes and parts of characters.
func TestHasAnyAsContainsRune(t *testing.T) {
	old := func(s, chars string) bool {
		for _, r := range chars {
			if strings.ContainsRune(s, r) {
				return true
			}
		}
		return false
	}
	sets := []string{"＝÷×", "，。；！？：,;:", "，。；！？", "起前底末内到至", "起前底末内", "底末", "年月日内", "年月日", ":", ""}
	texts := []string{"", "a", "2025年底前完成", "到2027年", "截至3月", "加快建设", "x=1÷2", "日\xe6", "\xe5\xb9", "\xff起", "\ufffd", "一、", "，", ","}
	for _, set := range sets {
		for _, a := range texts {
			for _, b := range texts {
				if got, want := hasAny(a+b, set), old(a+b, set); got != want {
					t.Errorf("hasAny(%q, %q) = %v, want %v", a+b, set, got, want)
				}
			}
		}
	}
}
