package lexicon

import (
	"hash/maphash"
	"math/bits"
	"unicode/utf8"
)

// hashIndex finds the exact keys of an Index through an open-addressing
// table of key numbers, for look-ups of whole terms in a large index (the
// IDF table's 250,000): one probe and one key comparison a look-up, where
// the trie's walk reads a node array per rune, scattered over megabytes,
// and misses the cache at each.
//
// It finds what the index's trie finds: no empty key, no key that is not
// valid UTF-8 (the trie's walk stops at an invalid byte).
type hashIndex struct {
	x    *Index
	seed maphash.Seed
	// slot: the key's number plus one in the low 32 bits (0: empty), the
	// high 32 bits of its hash in the others, compared before the key
	slots []uint64
	mask  uint64
}

func newHashIndex(x *Index) *hashIndex {
	n := x.Len()
	size := uint64(1) << bits.Len(uint(2*n)) // at most half full
	h := &hashIndex{x: x, seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: size - 1}
	for i := range n {
		k := x.key(i)
		if k == "" || !utf8.ValidString(k) {
			continue
		}
		hv := maphash.String(h.seed, k)
		j := hv & h.mask
		for h.slots[j] != 0 {
			j = (j + 1) & h.mask
		}
		h.slots[j] = hv&^0xFFFFFFFF | uint64(i+1)
	}
	return h
}

// get returns the value of an exact key.
func (h *hashIndex) get(key string) (int32, bool) {
	hv := maphash.String(h.seed, key)
	for j := hv & h.mask; ; j = (j + 1) & h.mask {
		s := h.slots[j]
		if s == 0 {
			return 0, false
		}
		if s&^0xFFFFFFFF == hv&^0xFFFFFFFF {
			if i := int(uint32(s)) - 1; h.x.key(i) == key {
				return h.x.val(i), true
			}
		}
	}
}
