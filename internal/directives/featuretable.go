package directives

import (
	"math"
	"math/bits"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/utf8fast"
)

// The model's Chinese features come by the ten thousand in a few families:
// a clause's opening character pairs (c2=一是), its words (bw=, w0=, w1=,
// wl=, v0=) and their parts of speech (p0=, p1=, pl=). Most of their values
// are one or two characters, so such a feature is found by a number made
// of its family and its runes, in a flat table of those numbers, instead
// of a string built and hashed and a map of 50,000 strings probed for each
// (7–8% of the whole pipeline). The number is exact: two features share
// one only when their names are equal. Longer values, and every other
// feature, are still named and found in a map, now of 15,000 names: the
// model keeps each feature in one place or the other (model.lookup).

// family is a hot family of features; 0 is none.
type family uint8

const (
	famC2 family = iota + 1
	famBW
	famW0
	famW1
	famWL
	famV0
	famP0
	famP1
	famPL
	famCount
)

// name is the feature name's first part.
func (f family) name() string {
	return [famCount]string{"", "c2", "bw", "w0", "w1", "wl", "v0", "p0", "p1", "pl"}[f]
}

// familyOf is the hot family a feature name opens with, 0 for any other.
func familyOf(name string) family {
	for f := famC2; f < famCount; f++ {
		if name == f.name() {
			return f
		}
	}
	return 0
}

// Bits of a short feature's number: two runes of 21 bits, one bit for
// their count (one or two), four for the family.
const (
	runeBits = 21
	countBit = 2 * runeBits
	famShift = countBit + 1
)

// shortKey is the number of the feature fam=value when value has one or
// two runes. It reads the runes as featureSet.add writes them: a space or
// control character as _.
func shortKey(fam family, value string) (uint64, bool) {
	if k, ok := shortKeyHan(fam, value); ok {
		return k, true
	}
	var r [2]rune
	n := 0
	for i := 0; i < len(value); {
		if n == 2 {
			return 0, false
		}
		c, size := utf8fast.DecodeRune(value[i:])
		r[n] = nameRune(c)
		n++
		i += size
	}
	if n == 0 {
		return 0, false
	}
	return keyOf(fam, r, n), true
}

// shortKeyHan is shortKey of a value of one or two characters of three
// bytes from U+4000 on (lead byte E4 or more: most Chinese words), read
// from the bytes: nameRune keeps every such character.
func shortKeyHan(fam family, value string) (uint64, bool) {
	var r [2]rune
	n := len(value) / 3
	if len(value)%3 != 0 || n < 1 || n > 2 {
		return 0, false
	}
	for i := range n {
		c := value[3*i:]
		if c[0] < 0xe4 || !utf8fast.ThreeByte(c) {
			return 0, false
		}
		r[i] = rune(c[0]&0x0f)<<12 | rune(c[1]&0x3f)<<6 | rune(c[2]&0x3f)
	}
	return keyOf(fam, r, n), true
}

func keyOf(fam family, r [2]rune, n int) uint64 {
	return uint64(fam)<<famShift | uint64(n-1)<<countBit | uint64(r[0])<<runeBits | uint64(r[1])
}

// modelShortKey is the number of a feature name of the weights file when it
// is a hot family's with a value of one or two runes. The name is taken as
// it is (a name add could never write, with a space say, keeps a number no
// clause asks for); a name that is not valid UTF-8 has none, since every
// name add writes is valid.
func modelShortKey(name string) (uint64, bool) {
	// every hot family's name has two bytes, neither of them =: the name
	// is one of theirs only when its first = is its third byte (what
	// strings.Cut at the first = would find, without the search)
	if len(name) < 4 || name[2] != '=' {
		return 0, false
	}
	fam, value := familyOf(name[:2]), name[3:]
	if fam == 0 || !utf8.ValidString(value) {
		return 0, false
	}
	var r [2]rune
	n := 0
	for _, c := range value {
		if n == 2 {
			return 0, false
		}
		r[n] = c
		n++
	}
	return keyOf(fam, r, n), true
}

// shortTable holds the weights of the hot families' short features: an
// open-addressing table of their numbers (0: empty), each
// beside its two weights, so that a look-up reads one cache line. The
// weights file gives weights in thousandths, held as such: a weight is
// the thousandths divided by 1000, which is the float the file's decimal
// parses to (both are the nearest float to the same fraction).
type shortTable struct {
	slots []shortSlot
	shift uint
}

type shortSlot struct {
	key uint64
	w   [2]int32 // thousandths
}

// newShortTable holds the weights of the short features by number; nil
// when a weight is not a whole number of thousandths.
func newShortTable(short map[uint64]namedWeights) *shortTable {
	b := bits.Len(uint(len(short) * 3 / 2)) // between a third and two thirds full: smaller is more often in the cache
	t := &shortTable{slots: make([]shortSlot, 1<<b), shift: uint(64 - b)}
	mask := uint64(len(t.slots) - 1)
	for k, v := range short {
		s := shortSlot{key: k}
		for i, w := range v.w {
			var ok bool
			if s.w[i], ok = thousandths(w); !ok {
				return nil
			}
		}
		j := t.home(k)
		for t.slots[j].key != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = s
	}
	return t
}

// namedWeights are a feature's name and weights, while the model loads.
type namedWeights struct {
	name string
	w    [2]float64
}

// thousandths is a weight as a whole number of thousandths when it is one
// exactly: the number divided by 1000 gives back the same float.
func thousandths(v float64) (int32, bool) {
	r := math.Round(v * 1000)
	if math.Abs(r) >= math.MaxInt32 {
		return 0, false
	}
	n := int32(r)
	back := float64(n) / 1000
	return n, back == v && math.Signbit(back) == math.Signbit(v)
}

// home is the slot a key's probe starts at.
func (t *shortTable) home(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> t.shift
}

// get is the weights of a feature by its number (zero when the model has
// none).
func (t *shortTable) get(k uint64) [2]float64 {
	w, _ := t.lookup(k)
	return w
}

// lookup is the weights of a feature by its number and whether the model
// has it.
func (t *shortTable) lookup(k uint64) ([2]float64, bool) {
	mask := uint64(len(t.slots) - 1)
	for j := t.home(k); ; j = (j + 1) & mask {
		s := &t.slots[j]
		if s.key == k {
			return [2]float64{float64(s.w[0]) / 1000, float64(s.w[1]) / 1000}, true
		}
		if s.key == 0 {
			return [2]float64{}, false
		}
	}
}
