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
// A key's first rune leads to one entry (its range, the value of the
// one-rune key) through a two-level table. From there a plain index
// searches the range by binary search over the keys; an index built
// WithTrie (the segmentation dictionary, searched at every position of a
// text) walks a flat trie instead, because that search is bound by memory
// latency: each key a binary search reads sits in a random place of a
// 5 MB file, while a trie step reads one short array of runes.
type Index struct {
	text string
	span []uint32 // key i is text[span[2i]:span[2i+1]]
	vals []int32  // nil: key i's value is i (NewNumberedIndexIn)
	n    int      // keys
	// firsts holds one entry per distinct first rune, in rune order,
	// found through runes
	firsts []firstEntry
	runes  runeTable
	trie   *trie
}

// firstEntry describes the keys that start with one rune.
type firstEntry struct {
	lo, hi int32 // the range of keys
	one    int32 // the value of the one-rune key plus one; 0: none
}

// trie holds the distinct prefixes of the keys as nodes in breadth-first
// order, so that the children of node i are the nodes kids[i] to
// kids[i+1] (sorted by label) and need no list of their own; the nodes of
// the first level are the first entries, in the same order. Three flat
// arrays of 4 bytes a node in one string (see trie.go): built at run time
// or taken as it is from a file embedded in the binary, where it costs
// nothing to load.
type trie struct {
	data  string  // header and the three arrays
	label []int32 // the rune that leads to the node
	val   []int32 // the value of the key the node spells plus one; 0: none
	kids  []int32
}

// child returns the child of node n labelled r, or -1 (also for a leaf).
// The search halves the range without branching on the comparison: it
// runs at every rune of a text, where a mispredicted branch per step cost
// as much as the loads.
func (t *trie) child(n int32, r rune) int32 {
	lo, end := t.kids[n], t.kids[n+1]
	size := end - lo
	if size <= 0 {
		return -1
	}
	for size > 1 {
		half := size >> 1
		// (label - r - 1) >> 31 is all ones when label <= r, else 0
		// (both are runes: no overflow)
		lo += half & ((t.label[lo+half] - r - 1) >> 31)
		size -= half
	}
	if t.label[lo] == r {
		return lo
	}
	return -1
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

// firstOf returns the number of the entry of the keys starting with rune
// r, or -1.
func (x *Index) firstOf(r rune) int32 {
	return x.runes.get(r) - 1
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
	return newIndexIn(&Index{text: text, span: span, vals: vals, n: len(vals)})
}

// NewNumberedIndexIn is NewIndexIn with the values 0, 1, …: each key's
// number. The dictionary's and the IDF table's 600,000 numbers would be
// 2.4 MB of the heap, which the soft memory limit keeps small: the
// collector ran more often for them.
func NewNumberedIndexIn(text string, span []uint32) *Index {
	return newIndexIn(&Index{text: text, span: span, n: len(span) / 2})
}

func newIndexIn(x *Index) *Index {
	x.buildFirst()
	if x.Len() <= smallIndex {
		x.buildTrie()
	}
	return x
}

// smallIndex is the most keys an index gets its trie for at once: the
// lexicons' surfaces and the dictionary's overlay are searched at every
// position of a text too, and build theirs in a millisecond; the large
// tables (the dictionary, the IDF table) would add tens of milliseconds
// to a start-up (the dictionary's trie is embedded instead: WithTrieData).
const smallIndex = 1 << 16

// WithTrie adds the trie to an index searched by Prefixes at every
// position of a text (the segmentation dictionary), and returns it.
func (x *Index) WithTrie() *Index {
	x.buildTrie()
	return x
}

// withTrie returns a copy of the index that has a trie, leaving x as it
// is for the goroutines that search it meanwhile.
func (x *Index) withTrie() *Index {
	y := *x
	if y.trie == nil {
		y.buildTrie()
	}
	return &y
}

// buildFirst makes one entry per first rune. Keys sorted by bytes are
// sorted by runes, and the one-rune key sorts first among the keys that
// start with its rune. A key that does not start with valid UTF-8 gets no
// entry: a search stops at an invalid byte.
func (x *Index) buildFirst() {
	for i := 0; i < x.Len(); {
		k := x.key(i)
		r, n := utf8.DecodeRuneInString(k)
		j := x.sameRune(i, x.Len(), 0, r, n)
		if k == "" || (r == utf8.RuneError && n < 3) {
			i = j
			continue
		}
		e := firstEntry{lo: int32(i), hi: int32(j)}
		if n == len(k) {
			e.one = x.val(i) + 1
		}
		x.firsts = append(x.firsts, e)
		x.runes.set(r, int32(len(x.firsts)))
		i = j
	}
}

// sameRune returns the end of the keys from i on, before end, whose rune
// at byte skip is r, of n bytes.
func (x *Index) sameRune(i, end, skip int, r rune, n int) int {
	j := i + 1
	for ; j < end; j++ {
		k := x.key(j)
		if len(k) <= skip {
			break
		}
		if r2, n2 := utf8.DecodeRuneInString(k[skip:]); r2 != r || n2 != n {
			break
		}
	}
	return j
}

// Len is the number of keys.
func (x *Index) Len() int { return x.n }

// val is key i's value.
func (x *Index) val(i int) int32 {
	if x.vals == nil {
		return int32(i)
	}
	return x.vals[i]
}

// buildTrie makes the nodes level by level: the keys of a node share its
// prefix (skip bytes), its own key sorts first among them, and the rest
// group by their next rune into its children. Keys with invalid UTF-8
// lose the nodes past it.
func (x *Index) buildTrie() {
	type pending struct{ lo, hi, skip int32 } // a node's keys and prefix
	n := len(x.firsts)
	b := newTrieBuilder(x)
	level := make([]pending, n, max(n, x.Len()/2))
	for i, e := range x.firsts {
		r, size := utf8.DecodeRuneInString(x.key(int(e.lo)))
		b.node(r, e.one)
		level[i] = pending{e.lo, e.hi, int32(size)}
	}
	next := make([]pending, 0, cap(level))
	for len(level) > 0 {
		next = next[:0]
		for _, p := range level {
			b.children()
			i, hi, skip := int(p.lo), int(p.hi), int(p.skip)
			if len(x.key(i)) == skip {
				i++
			}
			for i < hi {
				k := x.key(i)
				r, size := utf8.DecodeRuneInString(k[skip:])
				j := x.sameRune(i, hi, skip, r, size)
				if r == utf8.RuneError && size < 3 {
					i = j
					continue
				}
				v := int32(0)
				if len(k) == skip+size {
					v = x.val(i) + 1
				}
				b.node(r, v)
				next = append(next, pending{int32(i), int32(j), int32(skip + size)})
				i = j
			}
		}
		level, next = next, level
	}
	x.trie = b.done()
}

// Get returns the value of an exact key.
func (x *Index) Get(key string) (int32, bool) {
	r, n := decodeRune(key)
	fi := x.firstOf(r)
	if fi < 0 || (r == utf8.RuneError && n < 3) {
		return 0, false
	}
	e := &x.firsts[fi]
	if n == len(key) {
		return found(e.one)
	}
	if x.trie != nil {
		return x.trieGet(fi, key[n:])
	}
	i := x.lowerBound(int(e.lo), int(e.hi), key, n)
	if i < int(e.hi) && x.key(i) == key {
		return x.val(i), true
	}
	return 0, false
}

// trieGet walks the rest of a key from node n.
func (x *Index) trieGet(n int32, rest string) (int32, bool) {
	for rest != "" {
		r, size := threeByteRune(rest)
		if size == 0 {
			if r, size = utf8.DecodeRuneInString(rest); r == utf8.RuneError && size < 3 {
				return 0, false
			}
		}
		if n = x.trie.child(n, r); n < 0 {
			return 0, false
		}
		rest = rest[size:]
	}
	return found(x.trie.val[n])
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
	r, size := decodeRune(s)
	fi := x.firstOf(r)
	if fi < 0 || size == 0 || (r == utf8.RuneError && size < 3) {
		return dst
	}
	e := &x.firsts[fi]
	if e.one > 0 {
		dst = append(dst, Match{size, e.one - 1})
	}
	if maxRunes == 1 || size >= len(s) {
		return dst
	}
	if x.trie != nil {
		return x.trieLonger(dst, s, maxRunes, fi, size)
	}
	if e.hi-e.lo == 1 && e.one > 0 {
		return dst // the one-rune key is the only one
	}
	return x.appendLonger(dst, s, maxRunes, int(e.lo), int(e.hi), size, 1)
}

// AppendRunePrefixes is AppendPrefixes of string(rs) with the lengths
// counted in runes: the segmenter holds a paragraph's runes already, and
// decoding them again from the text, then counting the runes of each match,
// was a third of its dictionary search.
func (x *Index) AppendRunePrefixes(dst []Match, rs []rune, maxRunes int) []Match {
	if len(rs) == 0 {
		return dst
	}
	if x.trie == nil {
		s := string(rs)
		n0 := len(dst)
		dst = x.AppendPrefixes(dst, s, maxRunes)
		for i := n0; i < len(dst); i++ {
			dst[i].N = utf8.RuneCountInString(s[:dst[i].N])
		}
		return dst
	}
	fi := x.firstOf(spelled(rs[0]))
	if fi < 0 {
		return dst
	}
	if e := &x.firsts[fi]; e.one > 0 {
		dst = append(dst, Match{1, e.one - 1})
	}
	t, n := x.trie, fi
	for i := 1; (maxRunes == 0 || i < maxRunes) && i < len(rs); i++ {
		if n = t.child(n, spelled(rs[i])); n < 0 {
			return dst
		}
		if v := t.val[n]; v > 0 {
			dst = append(dst, Match{i + 1, v - 1})
		}
	}
	return dst
}

// spelled is the rune string(r) spells: U+FFFD for a value that is no
// character.
func spelled(r rune) rune {
	if !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// trieLonger goes on from node n, which spells s[:j], one rune at a time.
func (x *Index) trieLonger(dst []Match, s string, maxRunes int, n int32, j int) []Match {
	t := x.trie
	for runes := 1; (maxRunes == 0 || runes < maxRunes) && j < len(s); runes++ {
		r, size := threeByteRune(s[j:])
		if size == 0 {
			if r, size = utf8.DecodeRuneInString(s[j:]); r == utf8.RuneError && size < 3 {
				return dst
			}
		}
		if n = t.child(n, r); n < 0 {
			return dst
		}
		j += size
		if v := t.val[n]; v > 0 {
			dst = append(dst, Match{j, v - 1})
		}
	}
	return dst
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
			dst = append(dst, Match{j, x.val(lo)})
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

// decodeRune is utf8.DecodeRuneInString with a Chinese character read
// from its bytes: Get and AppendPrefixes start every look-up with it (the
// lexicon scans and the IDF look-ups), where the decoder's slow path was a
// call per look-up. It decodes as utf8fast.DecodeRune does; threeByteRune's
// single test of both continuation bytes makes the whole analysis 0.6%
// fewer instructions than calling that one (cachegrind, 2026-12-07).
func decodeRune(s string) (rune, int) {
	if r, size := threeByteRune(s); size > 0 {
		return r, size
	}
	return utf8.DecodeRuneInString(s)
}

// threeByteRune decodes the rune s starts with when it is written in three
// bytes with a lead byte from E1 to EC or EE to EF (every CJK ideograph
// among them), which need no check beyond their continuation bytes; size
// 0 otherwise. utf8.DecodeRuneInString takes such runes on a slow path
// that is not inlined: a call at every step of a trie walk.
func threeByteRune(s string) (r rune, size int) {
	if len(s) > 2 {
		if c0 := s[0]; c0-0xE1 < 0x0F && c0 != 0xED && s[1]&0xC0|(s[2]&0xC0)>>2 == 0xA0 {
			return rune(c0&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
		}
	}
	return 0, 0
}
