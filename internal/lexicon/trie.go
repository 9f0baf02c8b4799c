package lexicon

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"
	"unsafe"
)

// words is an array of little-endian 32-bit numbers held in a string, so
// that a trie read from an embedded file is used in place: no copy, no
// alignment to care about, nothing for the garbage collector to scan.
type words string

func (w words) at(i int32) int32 {
	j := int(i) * 4
	s := string(w)[j : j+4]
	return int32(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// trieBuilder writes a trie's nodes in breadth-first order straight into
// the serialized form, sized once: the lexicons' surfaces hold long names
// (150,000 nodes for 14,000 keys), and growing three arrays and joining
// them cost four times the trie in garbage at every start.
type trieBuilder struct {
	buf         []byte
	n           int // room for nodes: at least as many as the trie has
	nodes, kids int // written so far
}

// newTrieBuilder makes room for the trie of x: one node per rune of each
// key past what it shares with the key before it (keys with invalid
// UTF-8 lose theirs, so this can only be too many).
func newTrieBuilder(x *Index) *trieBuilder {
	n, prev := 0, ""
	for i := range x.Len() {
		k := x.key(i)
		lcp := 0
		for lcp < len(prev) && lcp < len(k) && prev[lcp] == k[lcp] {
			lcp++
		}
		for lcp > 0 && lcp < len(k) && !utf8.RuneStart(k[lcp]) {
			lcp--
		}
		n += utf8.RuneCountInString(k[lcp:])
		prev = k
	}
	b := &trieBuilder{buf: make([]byte, trieHeader+4*(3*n+1)), n: n}
	copy(b.buf, trieMagic)
	for i, v := range []int{x.Len(), len(x.text), n} {
		binary.LittleEndian.PutUint32(b.buf[len(trieMagic)+4*i:], uint32(v))
	}
	return b
}

func (b *trieBuilder) put(at int, v uint32) {
	binary.LittleEndian.PutUint32(b.buf[trieHeader+4*at:], v)
}

// node adds the next node.
func (b *trieBuilder) node(r rune, val int32) {
	b.put(b.nodes, uint32(r))
	b.put(b.n+b.nodes, uint32(val))
	b.nodes++
}

// children says that the children of the next node in order start here.
func (b *trieBuilder) children() {
	b.put(2*b.n+b.kids, uint32(b.nodes))
	b.kids++
}

// done closes the last node and returns the trie. Room left over (keys
// with invalid UTF-8) stays unused: no child range reaches it.
func (b *trieBuilder) done() *trie {
	for b.kids <= b.n {
		b.children()
	}
	// the buffer is never written again: it becomes the string in place
	return viewTrie(unsafe.String(&b.buf[0], len(b.buf)), b.n)
}

// viewTrie is the trie of n nodes serialized in data.
func viewTrie(data string, n int) *trie {
	body := data[trieHeader:]
	// the arrays as slices of the string (in place: aligned on a
	// little-endian machine, as the embedded tries and the built ones
	// are): a step of the search is one load, where decoding four bytes
	// of a string cost two bounds checks and the shifts
	return &trie{data: data, label: int32s(body[:4*n]), val: int32s(body[4*n : 8*n]), kids: int32s(body[8*n:])}
}

const (
	trieMagic  = "plTrie1\n"
	trieHeader = len(trieMagic) + 12
)

// readTrie takes a serialized trie for index x, checking what can be
// checked without reading it all: its header, its size and that the
// children of its first node follow the first level.
func readTrie(data string, x *Index) (*trie, error) {
	if len(data) < trieHeader || data[:len(trieMagic)] != trieMagic {
		return nil, fmt.Errorf("not a trie")
	}
	h := words(data[len(trieMagic):trieHeader])
	keys, text, n := int(h.at(0)), int(h.at(1)), int(h.at(2))
	if keys != x.Len() || text != len(x.text) {
		return nil, fmt.Errorf("trie of %d keys in %d bytes, index of %d keys in %d bytes", keys, text, x.Len(), len(x.text))
	}
	if len(data) != trieHeader+4*(3*n+1) || n < len(x.firsts) {
		return nil, fmt.Errorf("trie of %d nodes in %d bytes", n, len(data))
	}
	t := viewTrie(data, n)
	if n > 0 && int(t.kids[0]) != len(x.firsts) {
		return nil, fmt.Errorf("trie's first level has %d nodes, the index %d first runes", t.kids[0], len(x.firsts))
	}
	return t, nil
}

// TrieData returns the index's trie (WithTrie) as a string to store and
// read back with WithTrieData, or "".
func (x *Index) TrieData() string {
	if x.trie == nil {
		return ""
	}
	return x.trie.data
}

// WithTrieData gives the index the trie that TrieData returned for the
// same keys and values (the dictionary's, embedded in the binary), and
// returns it; an error says the data does not fit the index, which then
// keeps what it had (a small index its own trie, a large one none).
func (x *Index) WithTrieData(data string) (*Index, error) {
	t, err := readTrie(data, x)
	if err != nil {
		return x, fmt.Errorf("trie: %w", err)
	}
	x.trie = t
	return x, nil
}
