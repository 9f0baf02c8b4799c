package lexicon

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Index finds which of a set of keys start a string. Keys are kept sorted,
// so the keys sharing a prefix are contiguous and each extension by one
// rune narrows the range. A key is a span of one string (the data file it
// was read from, or the keys joined), not a string of its own: the
// dictionary's 350,000 keys are then two flat arrays of offsets, which
// cost nothing to build beyond the offsets and which the garbage
// collector never scans.
//
// The search is bound by memory latency, not by comparisons: the
// segmenter asks at every position of a text, and each key it reads sits
// in a random place of a 5 MB file. So the first two levels hold what a
// search needs without reading keys: a key's first rune leads to one
// entry (its range, the value of the one-rune key, its pairs) and a pair
// of runes to another (its range, the value of the two-rune key); the
// keys themselves are read only from the third rune on, and only where a
// longer key exists.
type Index struct {
	text string
	span []uint32 // key i is text[span[2i]:span[2i+1]]
	vals []int32
	// first holds one entry per distinct first rune, found through runes
	firsts []firstEntry
	runes  runeTable
	// pairs (indexes built WithPairs): the pairs of one first rune are
	// contiguous and sorted by their second rune, so a lookup is a binary
	// search over a few dozen entries of 16 bytes.
	pairs []pair2
}

// firstEntry describes the keys that start with one rune.
type firstEntry struct {
	lo, hi   int32 // the range of keys
	one      int32 // the value of the one-rune key plus one; 0: none
	plo, phi int32 // the range of its pairs (WithPairs)
}

// pair2 is the range of keys whose first two runes are a first rune (given
// by the entry it belongs to) and r2.
type pair2 struct {
	r2     rune
	lo, hi int32
	two    int32 // the value of the two-rune key plus one; 0: none
}

// longer reports whether a range of keys that holds the key of its
// prefix itself when has is true holds a longer key too.
func longer(lo, hi int32, has bool) bool {
	if has {
		return hi-lo > 1
	}
	return hi > lo
}

// runeTable maps a rune to the number of its entry plus one in two steps
// of 256: a map probe at every position of a text cost more than the
// search behind it, and a flat array over all runes would cost 4 MB per
// index.
type runeTable struct {
	top    []uint16 // rune>>8 → block (0: the empty block)
	blocks []int32  // block b is blocks[256b : 256b+256]
}

const maxRuneBlocks = (utf8.MaxRune >> 8) + 1

func (t *runeTable) get(r rune) int32 {
	if r < 0 || r > utf8.MaxRune || t.top == nil {
		return 0
	}
	return t.blocks[int(t.top[r>>8])<<8|int(r&0xff)]
}

func (t *runeTable) set(r rune, v int32) {
	if t.top == nil {
		t.top = make([]uint16, maxRuneBlocks)
		t.blocks = make([]int32, 256, 256*8) // block 0 stays empty
	}
	b := t.top[r>>8]
	if b == 0 {
		b = uint16(len(t.blocks) >> 8)
		t.top[r>>8] = b
		t.blocks = append(t.blocks, make([]int32, 256)...)
	}
	t.blocks[int(b)<<8|int(r&0xff)] = v
}

// key is the i-th key.
func (x *Index) key(i int) string { return x.text[x.span[2*i]:x.span[2*i+1]] }

// firstOf returns the entry of the keys starting with rune r, or nil.
func (x *Index) firstOf(r rune) *firstEntry {
	if e := x.runes.get(r); e > 0 {
		return &x.firsts[e-1]
	}
	return nil
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

// buildFirst makes one entry per first rune. Keys sorted by bytes are
// sorted by runes, and the one-rune key sorts first among the keys that
// start with its rune.
func (x *Index) buildFirst() {
	for i := 0; i < x.Len(); {
		k := x.key(i)
		r, n := utf8.DecodeRuneInString(k)
		j := i + 1
		for j < x.Len() {
			r2, n2 := utf8.DecodeRuneInString(x.key(j))
			if r2 != r || n2 != n {
				break
			}
			j++
		}
		if k == "" || (r == utf8.RuneError && n < 3) {
			i = j // no first rune to find it by: the search never did either
			continue
		}
		e := firstEntry{lo: int32(i), hi: int32(j)}
		if n == len(k) {
			e.one = x.vals[i] + 1
		}
		x.firsts = append(x.firsts, e)
		x.runes.set(r, int32(len(x.firsts)))
		i = j
	}
}

// Len is the number of keys.
func (x *Index) Len() int { return len(x.vals) }

// buildPairs indexes the ranges of keys by their first two runes; keys
// sorted by bytes are sorted by runes, so each range is contiguous, and so
// are the pairs of one first rune.
func (x *Index) buildPairs() {
	x.pairs = make([]pair2, 0, x.Len()*3/4) // the dictionary: 180,042 pairs of 352,279 keys
	for fi := range x.firsts {
		e := &x.firsts[fi]
		e.plo = int32(len(x.pairs))
		for i := int(e.lo); i < int(e.hi); i++ {
			k := x.key(i)
			_, n1 := utf8.DecodeRuneInString(k)
			if n1 >= len(k) {
				continue // one rune: found through the entry
			}
			r2, n2 := utf8.DecodeRuneInString(k[n1:])
			if r2 == utf8.RuneError && n2 < 3 {
				continue // an invalid second rune is never searched for
			}
			if m := len(x.pairs); m > int(e.plo) && x.pairs[m-1].r2 == r2 {
				x.pairs[m-1].hi = int32(i + 1)
				continue
			}
			p := pair2{r2: r2, lo: int32(i), hi: int32(i + 1)}
			if n1+n2 == len(k) {
				p.two = x.vals[i] + 1
			}
			x.pairs = append(x.pairs, p)
		}
		e.phi = int32(len(x.pairs))
	}
}

// findPair returns the pair of e's rune and r2, or nil.
func (x *Index) findPair(e *firstEntry, r2 rune) *pair2 {
	lo, end := int(e.plo), int(e.phi)
	for hi := end; lo < hi; {
		m := int(uint(lo+hi) >> 1)
		if x.pairs[m].r2 < r2 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && x.pairs[lo].r2 == r2 {
		return &x.pairs[lo]
	}
	return nil
}

// Get returns the value of an exact key.
func (x *Index) Get(key string) (int32, bool) {
	r, n := utf8.DecodeRuneInString(key)
	e := x.firstOf(r)
	if e == nil || (r == utf8.RuneError && n < 3) {
		return 0, false
	}
	if n == len(key) {
		return found(e.one)
	}
	lo, hi, skip := int(e.lo), int(e.hi), n
	if x.pairs != nil {
		r2, n2 := utf8.DecodeRuneInString(key[n:])
		p := x.findPair(e, r2)
		if p == nil || (r2 == utf8.RuneError && n2 < 3) {
			return 0, false
		}
		if skip += n2; skip == len(key) {
			return found(p.two)
		}
		lo, hi = int(p.lo), int(p.hi)
	}
	i := x.lowerBound(lo, hi, key, skip)
	if i < hi && x.key(i) == key {
		return x.vals[i], true
	}
	return 0, false
}

// found turns a value plus one (0: none) into a value and whether there
// is one.
func found(v1 int32) (int32, bool) {
	if v1 == 0 {
		return 0, false
	}
	return v1 - 1, true
}

// lowerBound is the first index in [lo,hi) whose key is >= p. Every key of
// the range starts with p[:skip], so only what follows is compared.
func (x *Index) lowerBound(lo, hi int, p string, skip int) int {
	p = p[skip:]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.text[int(x.span[2*m])+skip:x.span[2*m+1]] < p {
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
	e := x.firstOf(r)
	if e == nil || size == 0 || (r == utf8.RuneError && size < 3) {
		return dst
	}
	if e.one > 0 {
		dst = append(dst, Match{size, e.one - 1})
	}
	if maxRunes == 1 || size >= len(s) || !longer(e.lo, e.hi, e.one > 0) {
		return dst
	}
	lo, hi := int(e.lo), int(e.hi)
	runes, j := 1, size
	if x.pairs != nil {
		r2, size2 := utf8.DecodeRuneInString(s[j:])
		p := x.findPair(e, r2)
		if p == nil || (r2 == utf8.RuneError && size2 < 3) {
			return dst
		}
		j += size2
		runes++
		if p.two > 0 {
			dst = append(dst, Match{j, p.two - 1})
		}
		if (maxRunes > 0 && runes >= maxRunes) || j >= len(s) || !longer(p.lo, p.hi, p.two > 0) {
			return dst
		}
		lo, hi = int(p.lo), int(p.hi)
	}
	return x.appendLonger(dst, s, maxRunes, lo, hi, j, runes)
}

// appendLonger goes on from the range [lo,hi) of the keys that start with
// s[:j] (runes runes), one rune at a time, by binary search. Only the
// first search has a range whose keys all share its prefix (later ones
// keep the upper end, which a second search would cost to narrow), so
// only it compares the keys' tails alone.
func (x *Index) appendLonger(dst []Match, s string, maxRunes, lo, hi, j, runes int) []Match {
	for skip := j; ; skip = 0 {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		runes++
		p := s[:j]
		lo = x.lowerBound(lo, hi, p, skip)
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
	}
}

// Longest returns the byte length and value of the longest key that is a
// prefix of s, or n == 0.
func (x *Index) Longest(s string) (n int, val int32) {
	var buf [16]Match
	if ms := x.AppendPrefixes(buf[:0], s, 0); len(ms) > 0 {
		return ms[len(ms)-1].N, ms[len(ms)-1].Val
	}
	return 0, 0
}
