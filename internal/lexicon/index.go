package lexicon

import (
	"sort"
	"unicode/utf8"
)

// Index finds which of a set of keys start a string. Keys are kept sorted,
// so the keys sharing a prefix are contiguous and each extension by one
// rune narrows the range with a binary search: no per-node maps, and
// building it is one sort.
type Index struct {
	keys []string
	vals []int32
	// first maps a key's first rune to the range of keys starting with it,
	// and second (large indexes only) its first two runes, so that a search
	// starts on a handful of keys, not the whole list.
	first  map[rune][2]int32
	second map[uint64][2]int32
	// dense holds first's ranges for the Basic Multilingual Plane in an
	// array (large indexes only): one index operation instead of a map
	// lookup at every position of a text.
	dense []int32
}

// rangeOf returns the range of keys starting with rune r.
func (x *Index) rangeOf(r rune) (int, int, bool) {
	if x.dense != nil && r >= 0 && r < 0x10000 {
		lo, hi := x.dense[2*r], x.dense[2*r+1]
		return int(lo), int(hi), hi > lo
	}
	rg, ok := x.first[r]
	return int(rg[0]), int(rg[1]), ok
}

func pair(r1, r2 rune) uint64 { return uint64(r1)<<32 | uint64(uint32(r2)) }

// NewIndex builds an index over keys with one value each; a key given twice
// keeps its first value.
func NewIndex(keys []string, vals []int32) *Index {
	ord := make([]int, len(keys))
	for i := range ord {
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool { return keys[ord[a]] < keys[ord[b]] })
	x := &Index{keys: make([]string, 0, len(keys)), vals: make([]int32, 0, len(keys))}
	for _, i := range ord {
		if n := len(x.keys); n > 0 && x.keys[n-1] == keys[i] {
			continue
		}
		x.keys = append(x.keys, keys[i])
		x.vals = append(x.vals, vals[i])
	}
	x.buildFirst()
	return x
}

// NewSortedIndex wraps keys that are already sorted and unique.
func NewSortedIndex(keys []string, vals []int32) *Index {
	x := &Index{keys: keys, vals: vals}
	x.buildFirst()
	return x
}

// WithPairs adds the two-rune level to an index searched by Prefixes on
// every position of a text (the segmentation dictionary), and returns it.
func (x *Index) WithPairs() *Index {
	x.buildSecond()
	return x
}

func (x *Index) buildFirst() {
	x.first = make(map[rune][2]int32, 8192)
	for i := 0; i < len(x.keys); {
		r, _ := utf8.DecodeRuneInString(x.keys[i])
		j := i + 1
		for j < len(x.keys) {
			r2, _ := utf8.DecodeRuneInString(x.keys[j])
			if r2 != r {
				break
			}
			j++
		}
		x.first[r] = [2]int32{int32(i), int32(j)}
		i = j
	}
	if len(x.keys) >= 10000 {
		x.dense = make([]int32, 2*0x10000)
		for r, rg := range x.first {
			if r >= 0 && r < 0x10000 {
				x.dense[2*r], x.dense[2*r+1] = rg[0], rg[1]
			}
		}
	}
}

// Len is the number of keys.
func (x *Index) Len() int { return len(x.keys) }

// buildSecond indexes the ranges of keys by their first two runes; keys
// sorted by bytes are sorted by runes, so each range is contiguous.
func (x *Index) buildSecond() {
	x.second = make(map[uint64][2]int32, len(x.keys)/2)
	var cur uint64
	start := -1
	for i, k := range x.keys {
		r1, n1 := utf8.DecodeRuneInString(k)
		if n1 >= len(k) {
			continue // one rune: found through first
		}
		r2, _ := utf8.DecodeRuneInString(k[n1:])
		p := pair(r1, r2)
		if start >= 0 && p == cur {
			rg := x.second[p]
			rg[1] = int32(i + 1)
			x.second[p] = rg
			continue
		}
		cur, start = p, i
		x.second[p] = [2]int32{int32(i), int32(i + 1)}
	}
}

// Get returns the value of an exact key.
func (x *Index) Get(key string) (int32, bool) {
	r, _ := utf8.DecodeRuneInString(key)
	lo, hi, ok := x.rangeOf(r)
	if !ok {
		return 0, false
	}
	i := lowerBound(x.keys, lo, hi, key)
	if i < hi && x.keys[i] == key {
		return x.vals[i], true
	}
	return 0, false
}

// lowerBound is the first index in [lo,hi) whose key is >= p.
func lowerBound(keys []string, lo, hi int, p string) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if keys[m] < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Match is a key found at the start of a text: its length in bytes and
// its value.
type Match struct {
	N   int
	Val int32
}

// Prefixes calls fn with the byte length and value of every key that is a
// prefix of s, shortest first, stopping after maxRunes runes (0: no limit).
func (x *Index) Prefixes(s string, maxRunes int, fn func(n int, val int32)) {
	var buf [16]Match
	for _, m := range x.AppendPrefixes(buf[:0], s, maxRunes) {
		fn(m.N, m.Val)
	}
}

// AppendPrefixes appends to dst every key that is a prefix of s, shortest
// first, stopping after maxRunes runes (0: no limit). It allocates nothing
// when dst has room: the segmenter calls it at every position of a text.
func (x *Index) AppendPrefixes(dst []Match, s string, maxRunes int) []Match {
	r, size := utf8.DecodeRuneInString(s)
	lo, hi, ok := x.rangeOf(r)
	if !ok || size == 0 {
		return dst
	}
	if x.keys[lo] == s[:size] { // the one-rune key sorts first in its range
		dst = append(dst, Match{size, x.vals[lo]})
	}
	if maxRunes == 1 || size >= len(s) {
		return dst
	}
	runes := 1
	j := size
	if x.second != nil {
		r2, size2 := utf8.DecodeRuneInString(s[j:])
		rg2, ok := x.second[pair(r, r2)]
		if !ok {
			return dst
		}
		lo, hi = int(rg2[0]), int(rg2[1])
		j += size2
		runes++
		if x.keys[lo] == s[:j] {
			dst = append(dst, Match{j, x.vals[lo]})
		}
		if (maxRunes > 0 && runes >= maxRunes) || j >= len(s) {
			return dst
		}
	}
	_, size = utf8.DecodeRuneInString(s[j:])
	j += size
	runes++
	for {
		p := s[:j]
		lo = lowerBound(x.keys, lo, hi, p)
		// keys are sorted: if the first key >= p does not start with p, none does
		if lo >= hi || len(x.keys[lo]) < len(p) || x.keys[lo][:len(p)] != p {
			return dst
		}
		if len(x.keys[lo]) == len(p) {
			dst = append(dst, Match{j, x.vals[lo]})
		}
		if (maxRunes > 0 && runes >= maxRunes) || j >= len(s) {
			return dst
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		runes++
	}
}

// Longest returns the byte length and value of the longest key that is a
// prefix of s, or n == 0.
func (x *Index) Longest(s string) (n int, val int32) {
	x.Prefixes(s, 0, func(k int, v int32) { n, val = k, v })
	return
}
