package lexicon

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"unsafe"
)

// Views of little-endian arrays stored in a string (the tables embedded in
// the binary): in place when the string is aligned and the machine is
// little-endian, so that a start-up touches only the pages it reads;
// decoded into a copy otherwise. The slices must not be written to.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

func inPlace(s string, align uintptr) bool {
	return littleEndian && len(s) > 0 && uintptr(unsafe.Pointer(unsafe.StringData(s)))%align == 0
}

// Uint32s is s as len(s)/4 uint32s.
func Uint32s(s string) []uint32 {
	n := len(s) / 4
	if inPlace(s, 4) {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.StringData(s))), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = le32(s, 4*i)
	}
	return out
}

// Float32s is s as len(s)/4 float32s.
func Float32s(s string) []float32 {
	n := len(s) / 4
	if inPlace(s, 4) {
		return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.StringData(s))), n)
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(le32(s, 4*i))
	}
	return out
}

// Float64s is s as len(s)/8 float64s.
func Float64s(s string) []float64 {
	n := len(s) / 8
	if inPlace(s, 8) {
		return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.StringData(s))), n)
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Float64frombits(uint64(le32(s, 8*i)) | uint64(le32(s, 8*i+4))<<32)
	}
	return out
}

// Checksum is the CRC-32C of s, read in place (no copy of a large file).
func Checksum(s string) uint32 {
	return crc32.Checksum(unsafe.Slice(unsafe.StringData(s), len(s)), castagnoli)
}

// AlignTo pads b with zeros to a multiple of n bytes.
func AlignTo(b []byte, n int) []byte {
	for len(b)%n != 0 {
		b = append(b, 0)
	}
	return b
}
