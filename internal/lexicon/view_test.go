package lexicon

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"
)

// TestViews: in place or copied (a string one byte off its alignment),
// the views read the same numbers.
func TestViews(t *testing.T) {
	var b []byte
	for i := range 16 {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(float64(i)+0.25))
	}
	s := string(b)
	u := make([]uint32, len(b)/4)
	f := make([]float32, len(b)/4)
	for i := range u {
		u[i] = binary.LittleEndian.Uint32(b[4*i:])
		f[i] = math.Float32frombits(u[i])
	}
	off := "x" + s // the copy's start is one byte off
	for name, v := range map[string]string{"aligned": s, "unaligned": off[1:]} {
		if got := Uint32s(v); !slices.Equal(got, u) {
			t.Errorf("%s: Uint32s %v, want %v", name, got, u)
		}
		if got := Float32s(v); !slices.EqualFunc(got, f, func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) }) {
			t.Errorf("%s: Float32s %v, want %v", name, got, f)
		}
		if got := Float64s(v); got[3] != 3.25 || len(got) != 16 {
			t.Errorf("%s: Float64s %v", name, got)
		}
	}
}
