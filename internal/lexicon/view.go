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

// view is s as len(s)/size values of T: in place where it can be, else
// each decoded from its bytes at an offset.
func view[T any](s string, size int, decode func(s string, off int) T) []T {
	n := len(s) / size
	if inPlace(s, uintptr(size)) {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.StringData(s))), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(s, size*i)
	}
	return out
}

// Uint32s is s as len(s)/4 uint32s.
func Uint32s(s string) []uint32 { return view(s, 4, le32) }

// int32s is s as len(s)/4 int32s.
func int32s(s string) []int32 {
	return view(s, 4, func(s string, off int) int32 { return int32(le32(s, off)) })
}

// Float32s is s as len(s)/4 float32s.
func Float32s(s string) []float32 {
	return view(s, 4, func(s string, off int) float32 { return math.Float32frombits(le32(s, off)) })
}

// Float64s is s as len(s)/8 float64s.
func Float64s(s string) []float64 {
	return view(s, 8, func(s string, off int) float64 {
		return math.Float64frombits(uint64(le32(s, off)) | uint64(le32(s, off+4))<<32)
	})
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
