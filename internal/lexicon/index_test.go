package lexicon

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/lexicons"
)

// randomKeys draws n keys of one to five runes from a small alphabet, with
// a rune outside the Basic Multilingual Plane and an ASCII one, so that
// prefixes are shared often.
func randomKeys(r *rand.Rand, n int) []string {
	alphabet := []rune("国务院安全家会办公室𠀀a\uFFFD")
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

// TestIndexTrie: the trie (WithTrie) and the spans of one
// string (NewIndexIn) find exactly what a plain search over the sorted keys
// finds, for every prefix length limit.
func TestIndexTrie(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := randomKeys(r, 3000)
	vals, plain, withTrie := testIndexes(keys)
	in := NewIndexIn(plain.text, plain.span, plain.vals)
	for i, s := range randomKeys(r, 2000) {
		s += "国家"
		if i%3 == 0 { // an invalid byte is not U+FFFD
			s = s[:len(s)/2] + "\xff" + s[len(s)/2:]
		}
		for _, maxRunes := range []int{0, 1, 2, 3} {
			want := scanPrefixes(keys, vals, s, maxRunes)
			if got := plain.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: index %v, scan %v", s, maxRunes, got, want)
			}
			if got := withTrie.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: with the trie %v, without %v", s, maxRunes, got, want)
			}
			if got := in.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: in place %v, joined %v", s, maxRunes, got, want)
			}
		}
	}
	if plain.Len() != withTrie.Len() || plain.Len() < 1000 {
		t.Fatalf("lengths %d %d", plain.Len(), withTrie.Len())
	}
}

// withoutTrie drops an index's trie, so that the search by binary search
// that large indexes use is tested on small ones.
func withoutTrie(x *Index) *Index {
	x.trie = nil
	return x
}

// scanPrefixes is what AppendPrefixes must find, by a scan of every key:
// the first value of each key that is a prefix of s, shortest first.
func scanPrefixes(keys []string, vals []int32, s string, maxRunes int) []Match {
	var out []Match
	for i, k := range keys {
		if k == "" || !strings.HasPrefix(s, k) || (maxRunes > 0 && utf8.RuneCountInString(k) > maxRunes) ||
			slices.ContainsFunc(out, func(m Match) bool { return m.N == len(k) }) {
			continue
		}
		out = append(out, Match{len(k), vals[i]})
	}
	slices.SortFunc(out, func(a, b Match) int { return a.N - b.N })
	return out
}

// scanGet is what Get must find: the first value of the key.
func scanGet(keys []string, vals []int32, s string) (int32, bool) {
	if i := slices.Index(keys, s); i >= 0 && s != "" {
		return vals[i], true
	}
	return 0, false
}

// TestIndexGet: exact look-ups agree with a scan, with and without the trie,
// for keys, their prefixes and extensions, and invalid bytes.
func TestIndexGet(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	keys := randomKeys(r, 3000)
	vals, plain, withTrie := testIndexes(keys)
	probes := append(randomKeys(r, 2000), keys[:500]...)
	probes = append(probes, "", "\xff", "国\xff", "国务\xff", "\uFFFD", "𠀀")
	for _, s := range probes {
		wv, wok := scanGet(keys, vals, s)
		for _, x := range []*Index{plain, withTrie} {
			if v, ok := x.Get(s); v != wv || ok != wok {
				t.Fatalf("Get(%q) = %d %v, want %d %v", s, v, ok, wv, wok)
			}
		}
	}
}

// FuzzIndex: any text is searched without a panic and finds what a scan
// of the keys finds.
func FuzzIndex(f *testing.F) {
	keys, vals, plain, withTrie := fuzzIndexes(f)
	f.Fuzz(func(t *testing.T, s string, maxRunes int) {
		maxRunes = max(0, maxRunes%5)
		want := scanPrefixes(keys, vals, s, maxRunes)
		wv, wok := scanGet(keys, vals, s)
		for _, x := range []*Index{plain, withTrie} {
			if got := x.AppendPrefixes(nil, s, maxRunes); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: index %v, scan %v", s, maxRunes, got, want)
			}
			if v, ok := x.Get(s); v != wv || ok != wok {
				t.Fatalf("Get(%q) = %d %v, want %d %v", s, v, ok, wv, wok)
			}
		}
	})
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

// TestTrieData: a trie stored and read back searches as the one built,
// and a trie of other keys is refused.
func TestTrieData(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	keys := randomKeys(r, 2000)
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	built := NewIndex(keys, vals)
	read, err := withoutTrie(NewIndex(keys, vals)).WithTrieData(built.TrieData())
	if err != nil || read.trie == nil {
		t.Fatal(err)
	}
	for _, s := range randomKeys(r, 1000) {
		if got, want := read.AppendPrefixes(nil, s, 0), scanPrefixes(keys, vals, s, 0); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: read back %v, scan %v", s, got, want)
		}
	}
	other := withoutTrie(NewIndex(keys[:1000], vals[:1000]))
	for _, data := range []string{built.TrieData(), "", "plTrie1\n", built.TrieData()[:100]} {
		if _, err := other.WithTrieData(data); err == nil || other.trie != nil {
			t.Errorf("a trie of %d bytes fits an index of other keys", len(data))
		}
	}
}

// idfProbes are every hundredth term of the built-in IDF table, each with
// its last rune cut too (mostly not a term).
func idfProbes(tb testing.TB) (*IDFTable, []string) {
	t, err := parseIDF(lexicons.IDFZh, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var probes []string
	for i := 0; i < t.index.Len(); i += 100 {
		k := t.index.key(i)
		_, n := utf8.DecodeLastRuneInString(k)
		probes = append(probes, k, k[:len(k)-n])
	}
	return t, probes
}

// TestIDFTrie: the IDF table finds the same values through the trie it
// builds after trieAfter look-ups as before.
func TestIDFTrie(t *testing.T) {
	table, probes := idfProbes(t)
	type found struct {
		v  float64
		ok bool
	}
	want := map[string]found{}
	for _, p := range probes {
		v, ok := table.Get(p)
		want[p] = found{v, ok}
	}
	for len(probes) < trieAfter {
		probes = append(probes, probes...)
	}
	for _, p := range probes {
		table.Get(p)
	}
	if table.fast.Load() == nil {
		t.Fatal("no trie after", len(probes), "look-ups")
	}
	for _, p := range probes {
		if v, ok := table.Get(p); (found{v, ok}) != want[p] {
			t.Fatalf("%q: %v %v through the trie, %v before", p, v, ok, want[p])
		}
	}
}

// BenchmarkIDFGet: exact look-ups of idfProbes, by binary search over the
// table's keys and through its trie.
func BenchmarkIDFGet(b *testing.B) {
	t, probes := idfProbes(b)
	h := newHashIndex(t.index)
	for _, c := range []struct {
		name string
		get  func(string) (int32, bool)
	}{{"search", t.index.Get}, {"trie", t.index.withTrie().Get}, {"hash", h.get}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range probes {
					c.get(p)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(probes)), "ns/get")
		})
	}
}

// TestIndexInvalidKeys: keys with invalid UTF-8 (a user's lexicon) build
// without a panic and leave the valid keys found as a scan finds them; an
// invalid byte in the text ends a search.
func TestIndexInvalidKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	keys := randomKeys(r, 1000)
	for i := range 200 {
		k := keys[i]
		keys = append(keys, k[:len(k)/2]+"\xff"+k[len(k)/2:], "\xfe"+k, k+"\x80")
	}
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	for _, x := range []*Index{NewIndex(keys, vals), withoutTrie(NewIndex(keys, vals))} {
		for _, s := range randomKeys(r, 500) {
			if got, want := x.AppendPrefixes(nil, s+"国家", 0), scanPrefixes(keys, vals, s+"国家", 0); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: index %v, scan %v", s, got, want)
			}
			x.AppendPrefixes(nil, s+"\xff国", 0)
			x.Get(s + "\xff")
		}
	}
}

// fuzzIndexes are the keys and values of the fuzz tests and their index
// with and without the trie; it seeds f's corpus.
func fuzzIndexes(f *testing.F) (keys []string, vals []int32, plain, withTrie *Index) {
	keys = randomKeys(rand.New(rand.NewPCG(5, 6)), 500)
	keys = append(keys, "国务院办公厅", "a", "ab", "abc")
	vals, plain, withTrie = testIndexes(keys)
	for _, s := range []string{"国务院办公厅发布", "abcd", "\xff国", "国\xff务", "\uFFFD安全"} {
		f.Add(s, 0)
	}
	return keys, vals, plain, withTrie
}

// testIndexes numbers the keys and indexes them with and without the trie.
func testIndexes(keys []string) (vals []int32, plain, withTrie *Index) {
	vals = make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	return vals, withoutTrie(NewIndex(keys, vals)), NewIndex(keys, vals).WithTrie()
}

// TestNumberedIndex: an index whose values are the keys' numbers finds
// what the same index with the numbers stored finds, by Get, by the
// prefix search, through its trie and through the hash of whole keys.
func TestNumberedIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	keys := slices.Compact(slices.Sorted(slices.Values(randomKeys(r, 2000))))
	stored := NewSortedIndex(keys, ids(len(keys)))
	numbered := NewNumberedIndexIn(stored.text, stored.span)
	if numbered.Len() != stored.Len() {
		t.Fatalf("%d keys, want %d", numbered.Len(), stored.Len())
	}
	hs, hn := newHashIndex(stored), newHashIndex(numbered)
	for _, s := range append(randomKeys(r, 1000), keys...) {
		for _, x := range []*Index{numbered, withoutTrie(NewNumberedIndexIn(stored.text, stored.span))} {
			if got, want := x.AppendPrefixes(nil, s+"国家", 0), stored.AppendPrefixes(nil, s+"国家", 0); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
			v, ok := x.Get(s)
			if wv, wok := stored.Get(s); v != wv || ok != wok {
				t.Fatalf("Get(%q) = %d %v, want %d %v", s, v, ok, wv, wok)
			}
		}
		v, ok := hn.get(s)
		if wv, wok := hs.get(s); v != wv || ok != wok {
			t.Fatalf("hash get(%q) = %d %v, want %d %v", s, v, ok, wv, wok)
		}
	}
}
