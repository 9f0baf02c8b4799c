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
	// so that a search starts on a few hundred keys, not the whole list.
	first map[rune][2]int32
}

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
}

// Len is the number of keys.
func (x *Index) Len() int { return len(x.keys) }

// Get returns the value of an exact key.
func (x *Index) Get(key string) (int32, bool) {
	r, _ := utf8.DecodeRuneInString(key)
	rg, ok := x.first[r]
	if !ok {
		return 0, false
	}
	i := lowerBound(x.keys, int(rg[0]), int(rg[1]), key)
	if i < int(rg[1]) && x.keys[i] == key {
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

// Prefixes calls fn with the byte length and value of every key that is a
// prefix of s, shortest first, stopping after maxRunes runes (0: no limit).
func (x *Index) Prefixes(s string, maxRunes int, fn func(n int, val int32)) {
	r, size := utf8.DecodeRuneInString(s)
	rg, ok := x.first[r]
	if !ok || size == 0 {
		return
	}
	lo, hi := int(rg[0]), int(rg[1])
	runes := 0
	for j := size; ; {
		runes++
		p := s[:j]
		lo = lowerBound(x.keys, lo, hi, p)
		// keys are sorted: if the first key >= p does not start with p, none does
		if lo >= hi || len(x.keys[lo]) < len(p) || x.keys[lo][:len(p)] != p {
			return
		}
		if len(x.keys[lo]) == len(p) {
			fn(j, x.vals[lo])
		}
		if (maxRunes > 0 && runes >= maxRunes) || j >= len(s) {
			return
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
}

// Longest returns the byte length and value of the longest key that is a
// prefix of s, or n == 0.
func (x *Index) Longest(s string) (n int, val int32) {
	x.Prefixes(s, 0, func(k int, v int32) { n, val = k, v })
	return
}
