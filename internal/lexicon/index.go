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
	// and pairs (indexes built WithPairs) its first two runes, so that a
	// search starts on a handful of keys, not the whole list.
	first map[rune][2]int32
	pairs pairIndex
	// dense holds first's ranges for the Basic Multilingual Plane in an
	// array (large indexes only): one index operation instead of a map
	// lookup at every position of a text.
	dense []int32
}

// pairIndex finds the range of keys that start with two given runes. The
// pairs of one first rune are contiguous and sorted by their second rune,
// so a lookup is a binary search over a few dozen entries; building it is
// one pass over the keys (a map of the 175,000 pairs of the dictionary
// cost 30 ms at every start).
type pairIndex struct {
	pairs []pair2
	dense []int32           // first rune → range of pairs, Basic Multilingual Plane
	other map[rune][2]int32 // the same for other runes
}

// pair2 is the range of keys whose first two runes are a first rune (given
// by the range the entry sits in) and r2.
type pair2 struct {
	r2     rune
	lo, hi int32
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
	x.buildPairs()
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

// buildPairs indexes the ranges of keys by their first two runes; keys
// sorted by bytes are sorted by runes, so each range is contiguous, and so
// are the pairs of one first rune.
func (x *Index) buildPairs() {
	p := &x.pairs
	p.pairs = make([]pair2, 0, x.Len()*3/4) // the dictionary: 180,042 pairs of 352,279 keys
	p.dense = make([]int32, 2*0x10000)
	p.other = map[rune][2]int32{}
	cur1, cur2, start := rune(-1), rune(-1), 0
	for i := range x.Len() {
		k := x.key(i)
		r1, n1 := utf8.DecodeRuneInString(k)
		if n1 >= len(k) {
			continue // one rune: found through first
		}
		r2, _ := utf8.DecodeRuneInString(k[n1:])
		if r1 == cur1 && r2 == cur2 {
			p.pairs[len(p.pairs)-1].hi = int32(i + 1)
			continue
		}
		if r1 != cur1 {
			p.close(cur1, start)
			start = len(p.pairs)
		}
		cur1, cur2 = r1, r2
		p.pairs = append(p.pairs, pair2{r2, int32(i), int32(i + 1)})
	}
	p.close(cur1, start)
}

// close records that the pairs from start on begin with rune r1.
func (p *pairIndex) close(r1 rune, start int) {
	if r1 < 0 || start == len(p.pairs) {
		return
	}
	if r1 < 0x10000 {
		p.dense[2*r1], p.dense[2*r1+1] = int32(start), int32(len(p.pairs))
		return
	}
	p.other[r1] = [2]int32{int32(start), int32(len(p.pairs))}
}

// find returns the range of keys starting with r1 and r2.
func (p *pairIndex) find(r1, r2 rune) (int, int, bool) {
	var lo, end int
	if r1 >= 0 && r1 < 0x10000 {
		lo, end = int(p.dense[2*r1]), int(p.dense[2*r1+1])
	} else {
		rg := p.other[r1]
		lo, end = int(rg[0]), int(rg[1])
	}
	for hi := end; lo < hi; {
		m := int(uint(lo+hi) >> 1)
		if p.pairs[m].r2 < r2 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && p.pairs[lo].r2 == r2 {
		return int(p.pairs[lo].lo), int(p.pairs[lo].hi), true
	}
	return 0, 0, false
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
	if x.pairs.pairs != nil {
		r2, size2 := utf8.DecodeRuneInString(s[j:])
		lo, hi, ok = x.pairs.find(r, r2)
		if !ok {
			return dst
		}
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
