package segment

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/policylens/policylens/internal/lexicon"
)

// A dictionary table is parseDict's result stored in binary (the words'
// spans, log frequencies and tags), so that a start-up reads it instead of
// parsing 350,000 lines: about 40 ms of CPU less for the simplified word
// list. The table names the length and CRC-32 of the word list it was
// made from; against any other list it is not used, and the list is
// parsed as before. TestEmbeddedTables writes the tables (-update).

// tableMagic starts a table; the header is padded to 8 bytes, so that the
// arrays after it are read in place (lexicon.Uint32s).
const tableMagic = "policylens dict table 2\n"

// encodeTable stores d and its words' spans in data.
func encodeTable(data string, d *dict, span []uint32) []byte {
	b := []byte(tableMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, lexicon.Checksum(data))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.logFreq)))
	b = binary.LittleEndian.AppendUint32(b, uint32(d.maxLen))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(d.logTot))
	b = append(b, byte(len(d.tags)))
	for _, t := range d.tags {
		b = append(b, byte(len(t)))
		b = append(b, t...)
	}
	b = lexicon.AlignTo(b, 8)
	for _, s := range span {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	for _, f := range d.logFreq {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	return append(b, d.pos...)
}

var errTable = errors.New("dictionary table does not fit")

// decodeTable reads a table made from data; errTable when it was made
// from another word list or is cut short.
func decodeTable(data, table string) (*dict, []uint32, error) {
	r := tableReader{s: table}
	if !r.prefix(tableMagic) || r.u32() != uint32(len(data)) || r.u32() != lexicon.Checksum(data) {
		return nil, nil, errTable
	}
	n := int(r.u32())
	d := &dict{maxLen: int(r.u32()), logTot: math.Float64frombits(r.u64())}
	for range int(r.byte()) {
		d.tags = append(d.tags, r.take(int(r.byte())))
	}
	r.take((8 - (len(table)-len(r.s))%8) % 8) // the padding
	if r.bad || len(r.s) != n*2*4+n*4+n {
		return nil, nil, errTable
	}
	span := lexicon.Uint32s(r.s[:8*n])
	for i := 0; i < len(span); i += 2 {
		if int(span[i+1]) > len(data) || span[i] > span[i+1] {
			return nil, nil, errTable
		}
	}
	d.logFreq = lexicon.Float32s(r.s[8*n : 12*n])
	d.pos = []byte(r.s[12*n:])
	return d, span, nil
}

// tableReader reads a table front to back; bad once it ran short.
type tableReader struct {
	s   string
	bad bool
}

func (r *tableReader) take(n int) string {
	if n > len(r.s) {
		r.bad, r.s = true, ""
		return ""
	}
	v := r.s[:n]
	r.s = r.s[n:]
	return v
}

func (r *tableReader) prefix(p string) bool { return r.take(len(p)) == p }

func (r *tableReader) byte() byte {
	if v := r.take(1); v != "" {
		return v[0]
	}
	return 0
}

func (r *tableReader) u32() uint32 {
	if v := r.take(4); len(v) == 4 {
		return le32(v, 0)
	}
	return 0
}

func (r *tableReader) u64() uint64 {
	if v := r.take(8); len(v) == 8 {
		return uint64(le32(v, 0)) | uint64(le32(v, 4))<<32
	}
	return 0
}

// le32 is the little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}
