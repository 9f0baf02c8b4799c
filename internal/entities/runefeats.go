package entities

import (
	"strings"
	"unicode/utf8"
)

// runeFeat names the features written as a prefix and one or two
// characters (c0=国, s:nc2=表示): most of the name model's look-ups. The
// model files them a second time under a number made of the prefix and
// the characters, found without building and hashing a string.
type runeFeat uint8

const (
	fC0 runeFeat = iota
	fCl
	fG
	fSuf2
	fPc
	fNc
	fSSur
	fSG
	fSPc
	fSNc
	fSNc2
	fAC
	fAPc
	fANc
	fACnc
	fAPcc
	fOEnd
	fOEnd2
	fOPc
	fONc
	nRuneFeats
)

// runeFeatNames are the features' prefixes, as the model's rows write them.
var runeFeatNames = [nRuneFeats]string{
	fC0: "c0=", fCl: "cl=", fG: "g=", fSuf2: "suf2=", fPc: "pc=", fNc: "nc=",
	fSSur: "s:sur=", fSG: "s:g=", fSPc: "s:pc=", fSNc: "s:nc=", fSNc2: "s:nc2=",
	fAC: "a:c=", fAPc: "a:pc=", fANc: "a:nc=", fACnc: "a:cnc=", fAPcc: "a:pcc=",
	fOEnd: "o:end=", fOEnd2: "o:end2=", fOPc: "o:pc=", fONc: "o:nc=",
}

// runeKey numbers the feature of prefix k and the characters r1 and r2
// (r2 -1: none): 5 bits of prefix, then 21 bits and 21 bits of characters
// plus one. A value that is no character is U+FFFD, as utf8.AppendRune
// writes it.
func runeKey(k runeFeat, r1, r2 rune) uint64 {
	if r2 >= 0 {
		r2 = spelledRune(r2)
	}
	return uint64(k)<<42 | uint64(spelledRune(r1)+1)<<21 | uint64(r2+1)
}

func spelledRune(r rune) rune {
	if !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// fileRuneFeats files every feature of w that reads as one of the prefixes
// and one or two characters under its runeKey.
func fileRuneFeats(w map[string][4]float64) map[uint64][4]float64 {
	byPrefix := make(map[string]runeFeat, nRuneFeats)
	for k, name := range runeFeatNames {
		byPrefix[name] = runeFeat(k)
	}
	out := map[uint64][4]float64{}
	for feat, ws := range w {
		eq := strings.IndexByte(feat, '=')
		k, ok := byPrefix[feat[:eq+1]]
		if eq < 0 || !ok {
			continue
		}
		rest := feat[eq+1:]
		r1, n1 := utf8.DecodeRuneInString(rest)
		if n1 == 0 || r1 == utf8.RuneError && n1 < 3 {
			continue
		}
		r2, n2 := rune(-1), 0
		if n1 < len(rest) {
			if r2, n2 = utf8.DecodeRuneInString(rest[n1:]); r2 == utf8.RuneError && n2 < 3 {
				continue
			}
		}
		if n1+n2 == len(rest) {
			out[runeKey(k, r1, r2)] = ws
		}
	}
	return out
}

// runeTable is the rune features' weights in an open-addressed table of
// their runeKeys (never 0): one multiply and, mostly, one probe of an
// array of keys, where a Go map of [4]float64 values cost several times
// the instructions for the look-up the name model makes most often.
type runeTable struct {
	keys  []uint64 // 0: empty
	vals  [][4]float64
	shift uint
}

func newRuneTable(m map[uint64][4]float64) *runeTable {
	bits := uint(1)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := &runeTable{keys: make([]uint64, 1<<bits), vals: make([][4]float64, 1<<bits), shift: 64 - bits}
	for k, ws := range m {
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i], t.vals[i] = k, ws
	}
	return t
}

// slot is the first slot of key: Fibonacci hashing, the high bits.
func (t *runeTable) slot(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> t.shift)
}

// get returns the weights of key, or nil.
func (t *runeTable) get(key uint64) *[4]float64 {
	for i := t.slot(key); ; i = (i + 1) & (len(t.keys) - 1) {
		switch t.keys[i] {
		case key:
			return &t.vals[i]
		case 0:
			return nil
		}
	}
}
