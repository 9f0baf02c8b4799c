package lexicon

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Index finds which of a set of keys start a string. Keys are kept sorted,
// so the keys sharing a prefix are contiguous and each extension by one
// rune narrows the range with a binary search: no per-node maps, and
// building it is one sort. A key is a span of one string (the data file it
// was read from, or the keys joined), not a string of its own: the
// dictionary's 350,000 keys are then two flat arrays of offsets, which
// cost nothing to build beyond the offsets and which the garbage
// collector never scans.
type Index struct {
	text string
	span []uint32 // key i is text[span[2i]:span[2i+1]]
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

// key is the i-th key.
func (x *Index) key(i int) string { return x.text[x.span[2*i]:x.span[2*i+1]] }

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
	uk := make([]string, 0, len(keys))
	uv := make([]int32, 0, len(keys))
	for _, i := range ord {
		if n := len(uk); n > 0 && uk[n-1] == keys[i] {
			continue
		}
		uk = append(uk, keys[i])
		uv = append(uv, vals[i])
	}
	return NewSortedIndex(uk, uv)
}

// NewSortedIndex builds an index over keys that are already sorted and
// unique.
func NewSortedIndex(keys []string, vals []int32) *Index {
	var b strings.Builder
	n := 0
	for _, k := range keys {
		n += len(k)
	}
	b.Grow(n)
	span := make([]uint32, 0, 2*len(keys))
	for _, k := range keys {
		span = append(span, uint32(b.Len()))
		b.WriteString(k)
		span = append(span, uint32(b.Len()))
	}
	return NewIndexIn(b.String(), span, vals)
}

// NewIndexIn builds an index over keys that are spans of text, sorted and
// unique: key i is text[span[2i]:span[2i+1]]. A data file is searched in
// place this way, without a string per key.
func NewIndexIn(text string, span []uint32, vals []int32) *Index {
	x := &Index{text: text, span: span, vals: vals}
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
	for i := 0; i < x.Len(); {
		r, _ := utf8.DecodeRuneInString(x.key(i))
		j := i + 1
		for j < x.Len() {
			r2, _ := utf8.DecodeRuneInString(x.key(j))
			if r2 != r {
				break
			}
			j++
		}
		x.first[r] = [2]int32{int32(i), int32(j)}
		i = j
	}
	if x.Len() >= 10000 {
		x.dense = make([]int32, 2*0x10000)
		for r, rg := range x.first {
			if r >= 0 && r < 0x10000 {
				x.dense[2*r], x.dense[2*r+1] = rg[0], rg[1]
			}
		}
	}
}

// Len is the number of keys.
func (x *Index) Len() int { return len(x.vals) }

// buildSecond indexes the ranges of keys by their first two runes; keys
// sorted by bytes are sorted by runes, so each range is contiguous.
func (x *Index) buildSecond() {
	x.second = make(map[uint64][2]int32, x.Len()/2)
	var cur uint64
	start := -1
	for i := range x.Len() {
		k := x.key(i)
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
	i := x.lowerBound(lo, hi, key)
	if i < hi && x.key(i) == key {
		return x.vals[i], true
	}
	return 0, false
}

// lowerBound is the first index in [lo,hi) whose key is >= p.
func (x *Index) lowerBound(lo, hi int, p string) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.key(m) < p {
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
	if x.key(lo) == s[:size] { // the one-rune key sorts first in its range
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
		if x.key(lo) == s[:j] {
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
		lo = x.lowerBound(lo, hi, p)
		if lo >= hi {
			return dst
		}
		// keys are sorted: if the first key >= p does not start with p, none does
		k := x.key(lo)
		if len(k) < len(p) || k[:len(p)] != p {
			return dst
		}
		if len(k) == len(p) {
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
