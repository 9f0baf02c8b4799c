// Package semvec holds word vectors learned from policy text (the 72
// government work reports) by `go generate`: words that occur in the same
// contexts (宏观调控, 宏观政策) get near vectors, so two directives that
// say the same thing in other words still meet. The vectors are int8,
// embedded, and read once, the first time they are asked for.
package semvec

//go:generate go run ./gen -out vectors.bin

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

//go:embed vectors.bin
var vectorsBin []byte

// magic opens a vector file: name and format version.
const magic = "PLSV1"

// Table maps a word to its unit vector. It is never written after it is
// read, so it is safe for concurrent use.
type Table struct {
	dim   int
	index map[string]int32
	q     []int8    // dim values per word, in index order
	scale []float32 // per word: 1 / length of its int8 vector
}

// Default returns the embedded table, read on first use (compare and
// report need it; analyze never pays for it).
var Default = sync.OnceValue(func() *Table {
	t, err := Parse(vectorsBin)
	if err != nil {
		return &Table{index: map[string]int32{}} // never expected: the file is generated and tested
	}
	return t
})

// Dim is the length of the table's vectors (0: empty table).
func (t *Table) Dim() int { return t.dim }

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.index) }

// Add adds w times the unit vector of word to dst (len Dim) and reports
// whether the word is known.
func (t *Table) Add(dst []float32, word string, w float32) bool {
	i, ok := t.index[word]
	if !ok {
		return false
	}
	v := t.q[int(i)*t.dim : int(i+1)*t.dim]
	f := w * t.scale[i]
	for k, x := range v {
		dst[k] += f * float32(x)
	}
	return true
}

// Cosine is the cosine of two vectors of the same length (0 when either
// is zero).
func Cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for k := range a {
		dot += float64(a[k]) * float64(b[k])
		na += float64(a[k]) * float64(a[k])
		nb += float64(b[k]) * float64(b[k])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// Parse reads a vector file: magic, dim (uint16), word count (uint32),
// the words (uvarint length, bytes), then dim int8 values per word.
func Parse(data []byte) (*Table, error) {
	if len(data) < len(magic)+6 || string(data[:len(magic)]) != magic {
		return nil, errors.New("semvec: not a vector file")
	}
	p := data[len(magic):]
	dim, n := int(binary.LittleEndian.Uint16(p)), int(binary.LittleEndian.Uint32(p[2:]))
	p = p[6:]
	t := &Table{dim: dim, index: make(map[string]int32, min(n, 1<<20))}
	for i := 0; i < n; i++ {
		l, k := binary.Uvarint(p)
		if k <= 0 || uint64(len(p)-k) < l {
			return nil, fmt.Errorf("semvec: word %d cut short", i)
		}
		t.index[string(p[k:k+int(l)])] = int32(i)
		p = p[k+int(l):]
	}
	if len(t.index) != n || len(p) != n*dim {
		return nil, fmt.Errorf("semvec: %d words of %d values want %d bytes of values, have %d (or words repeat)", n, dim, n*dim, len(p))
	}
	t.q = make([]int8, len(p))
	t.scale = make([]float32, n)
	for i, b := range p {
		t.q[i] = int8(b)
	}
	for i := range n {
		s := 0.0
		for _, x := range t.q[i*dim : (i+1)*dim] {
			s += float64(x) * float64(x)
		}
		if s > 0 {
			t.scale[i] = float32(1 / math.Sqrt(s))
		}
	}
	return t, nil
}

// Write encodes words (sorted, distinct) and their vectors (dim int8
// each, in the same order) as Parse reads them.
func Write(words []string, dim int, q []int8) []byte {
	out := []byte(magic)
	out = binary.LittleEndian.AppendUint16(out, uint16(dim))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(words)))
	for _, w := range words {
		out = binary.AppendUvarint(out, uint64(len(w)))
		out = append(out, w...)
	}
	for _, x := range q {
		out = append(out, byte(x))
	}
	return out
}
