package lexicon

import (
	"math/rand/v2"
	"testing"
)

// TestHashIndex: the hash index finds what the trie finds, for the IDF
// table's keys and their prefixes and for keys that are not valid UTF-8
// (which neither finds).
func TestHashIndex(t *testing.T) {
	table, probes := idfProbes(t)
	checkHash(t, table.index, probes)

	r := rand.New(rand.NewPCG(13, 14))
	keys := randomKeys(r, 1000)
	for i := range 200 {
		k := keys[i]
		keys = append(keys, k[:len(k)/2]+"\xff"+k[len(k)/2:], "\xfe"+k, k+"\x80", "")
	}
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	checkHash(t, withoutTrie(NewIndex(keys, vals)), append(keys, randomKeys(r, 1000)...))
}

func checkHash(t *testing.T, x *Index, probes []string) {
	t.Helper()
	h, trie := newHashIndex(x), x.withTrie()
	for _, p := range probes {
		v, ok := h.get(p)
		wv, wok := trie.Get(p)
		if v != wv || ok != wok {
			t.Fatalf("%q: hash %d %v, trie %d %v", p, v, ok, wv, wok)
		}
	}
}

// FuzzHashIndex: the hash index and the trie agree on any string.
func FuzzHashIndex(f *testing.F) {
	keys := randomKeys(rand.New(rand.NewPCG(5, 6)), 500)
	keys = append(keys, "国务院办公厅", "a", "ab", "abc", "\xff国", "国\x80")
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	x := withoutTrie(NewIndex(keys, vals))
	h, trie := newHashIndex(x), x.withTrie()
	for _, s := range []string{"国务院办公厅", "ab", "\xff国", "国\x80", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := h.get(s)
		if wv, wok := trie.Get(s); v != wv || ok != wok {
			t.Fatalf("%q: hash %d %v, trie %d %v", s, v, ok, wv, wok)
		}
	})
}

// BenchmarkIDFFastBuild: what the IDF table's fast index costs to build
// once a batch has made trieAfter look-ups, as a hash index and as a trie.
func BenchmarkIDFFastBuild(b *testing.B) {
	t, _ := idfProbes(b)
	b.Run("hash", func(b *testing.B) {
		for b.Loop() {
			newHashIndex(t.index)
		}
	})
	b.Run("trie", func(b *testing.B) {
		for b.Loop() {
			t.index.withTrie()
		}
	})
}
