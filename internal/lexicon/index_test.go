package lexicon

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// randomKeys draws n keys of one to five runes from a small alphabet, with
// a rune outside the Basic Multilingual Plane and an ASCII one, so that
// prefixes are shared often.
func randomKeys(r *rand.Rand, n int) []string {
	alphabet := []rune("国务院安全家会办公室𠀀a")
	keys := make([]string, n)
	for i := range keys {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		keys[i] = b.String()
	}
	return keys
}

// TestIndexPairs: the two-rune level (WithPairs) and the spans of one
// string (NewIndexIn) find exactly what a plain search over the sorted keys
// finds, for every prefix length limit.
func TestIndexPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := randomKeys(r, 3000)
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	plain := NewIndex(keys, vals)
	paired := NewIndex(keys, vals).WithPairs()
	in := NewIndexIn(plain.text, plain.span, plain.vals).WithPairs()
	for _, s := range randomKeys(r, 2000) {
		s += "国家"
		for _, maxRunes := range []int{0, 1, 2, 3} {
			want := plain.AppendPrefixes(nil, s, maxRunes)
			if got := paired.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: with pairs %v, without %v", s, maxRunes, got, want)
			}
			if got := in.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: in place %v, joined %v", s, maxRunes, got, want)
			}
		}
	}
	if plain.Len() != paired.Len() || plain.Len() < 1000 {
		t.Fatalf("lengths %d %d", plain.Len(), paired.Len())
	}
}

// TestDataLinesAt: offsets point at each data line; comments and empty
// lines are skipped.
func TestDataLinesAt(t *testing.T) {
	data := "# comment\n国家\t1\n\n安全\t2\nlast"
	var got []string
	err := DataLinesAt(data, func(at int, line string) error {
		if data[at:at+len(line)] != line {
			t.Errorf("offset %d does not point at %q", at, line)
		}
		got = append(got, line)
		return nil
	})
	if want := []string{"国家\t1", "安全\t2", "last"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("lines %q (%v), want %q", got, err, want)
	}
}
