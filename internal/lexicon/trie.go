package lexicon

import (
	"encoding/binary"
	"fmt"
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

// trieBuilder collects a trie's nodes in breadth-first order.
type trieBuilder struct {
	label, val, kids []byte
}

func (b *trieBuilder) grow(n int) {
	b.label = make([]byte, 0, 4*n)
	b.val = make([]byte, 0, 4*n)
	b.kids = make([]byte, 0, 4*n+4)
}

// node adds the next node.
func (b *trieBuilder) node(r rune, val int32) {
	b.label = binary.LittleEndian.AppendUint32(b.label, uint32(r))
	b.val = binary.LittleEndian.AppendUint32(b.val, uint32(val))
}

// children says that the children of the next node in order start here.
func (b *trieBuilder) children() {
	b.kids = binary.LittleEndian.AppendUint32(b.kids, uint32(len(b.label)/4))
}

// done closes the last node and returns the trie of index x, whose header
// names x's size so that a trie read back is checked against its index.
func (b *trieBuilder) done(x *Index) *trie {
	b.children()
	n := len(b.label) / 4
	out := make([]byte, 0, trieHeader+len(b.label)+len(b.val)+len(b.kids))
	out = append(out, trieMagic...)
	for _, v := range []int{x.Len(), len(x.text), n} {
		out = binary.LittleEndian.AppendUint32(out, uint32(v))
	}
	out = append(append(append(out, b.label...), b.val...), b.kids...)
	return viewTrie(string(out), n)
}

// viewTrie is the trie of n nodes serialized in data.
func viewTrie(data string, n int) *trie {
	body := data[trieHeader:]
	return &trie{data: data, label: words(body[:4*n]), val: words(body[4*n : 8*n]), kids: words(body[8*n:])}
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
	if n > 0 && int(t.kids.at(0)) != len(x.firsts) {
		return nil, fmt.Errorf("trie's first level has %d nodes, the index %d first runes", t.kids.at(0), len(x.firsts))
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
