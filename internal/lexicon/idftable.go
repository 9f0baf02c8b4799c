package lexicon

import (
	_ "embed"
	"encoding/binary"
	"math"
)

// The built-in Chinese IDF table stored parsed (its terms' spans in the
// embedded file and their values), so that a start-up reads it instead of
// parsing 262,000 lines: about 30 ms of CPU less. It names the length and
// CRC-32C of the file it was made from and is not used for any other
// (the file is parsed then, as before). TestEmbeddedIDFTable writes it
// (go test ./internal/lexicon -run EmbeddedIDFTable -update, after the
// IDF file changes).
//
//go:embed idf/zh.table
var idfTableZh string

// idfTableMagic starts a table; its header is 8-byte aligned (32 bytes),
// so that the arrays after it are read in place (view.go).
const idfTableMagic = "policylens idf table 2\n\x00"

// encodeIDFTable stores a table parsed from data.
func encodeIDFTable(data string, t *IDFTable) []byte {
	b := []byte(idfTableMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, Checksum(data))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.vals)))
	b = AlignTo(b, 8)
	for _, s := range t.index.span {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	for _, v := range t.vals {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

// decodeIDFTable reads a table made from data; ok is false when it was
// made from another file or is cut short.
func decodeIDFTable(data, table string) (t *IDFTable, ok bool) {
	h := len(idfTableMagic)
	if len(table) < h+16 || table[:h] != idfTableMagic || le32(table, h) != uint32(len(data)) || le32(table, h+4) != Checksum(data) {
		return nil, false
	}
	n := int(le32(table, h+8))
	body := table[h+16:]
	if len(body) != 16*n {
		return nil, false
	}
	span := Uint32s(body[:8*n])
	for i := 0; i < len(span); i += 2 {
		if int(span[i+1]) > len(data) || span[i] > span[i+1] {
			return nil, false
		}
	}
	t = &IDFTable{vals: Float64s(body[8*n:])}
	for _, v := range t.vals {
		t.max = max(t.max, v)
	}
	t.index = NewNumberedIndexIn(data, span) // span holds n keys
	return t, true
}

// le32 is the little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}
