package lexicon

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Index finds which of a set of keys start a string. Keys are kept sorted,
// so the keys sharing a prefix are contiguous and each extension by one
// rune narrows the range with a binary search: no per-node maps, and
// building it is one sort.
type Index struct {
	keys []string
	vals []int32
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
	return x
}

// NewSortedIndex wraps keys that are already sorted and unique.
func NewSortedIndex(keys []string, vals []int32) *Index { return &Index{keys: keys, vals: vals} }

// Len is the number of keys.
func (x *Index) Len() int { return len(x.keys) }

// Get returns the value of an exact key.
func (x *Index) Get(key string) (int32, bool) {
	i := sort.SearchStrings(x.keys, key)
	if i < len(x.keys) && x.keys[i] == key {
		return x.vals[i], true
	}
	return 0, false
}

// Prefixes calls fn with the byte length and value of every key that is a
// prefix of s, shortest first, stopping after maxRunes runes (0: no limit).
func (x *Index) Prefixes(s string, maxRunes int, fn func(n int, val int32)) {
	lo, hi := 0, len(x.keys)
	runes := 0
	for j := 0; j < len(s); {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		runes++
		p := s[:j]
		lo += sort.Search(hi-lo, func(k int) bool { return x.keys[lo+k] >= p })
		if lo >= hi {
			return
		}
		hi = lo + sort.Search(hi-lo, func(k int) bool { return !strings.HasPrefix(x.keys[lo+k], p) })
		if lo >= hi {
			return
		}
		if x.keys[lo] == p {
			fn(j, x.vals[lo])
		}
		if maxRunes > 0 && runes >= maxRunes {
			return
		}
	}
}

// Longest returns the byte length and value of the longest key that is a
// prefix of s, or n == 0.
func (x *Index) Longest(s string) (n int, val int32) {
	x.Prefixes(s, 0, func(k int, v int32) { n, val = k, v })
	return
}
