package main

import (
	"math"
	"math/rand/v2"
	"sort"
)

// sparse is a matrix in compressed rows: row i's columns are
// col[row[i]:row[i+1]], sorted.
type sparse struct {
	row []int
	col []int32
	val []float64
}

// ppmi counts each pair of vocabulary words within window of each other
// in a paragraph (nearer counts more: 1/distance) and returns
// max(0, log P(w,c) / (P(w) P_0.75(c))).
func ppmi(toks [][]string, words []string, window int) sparse {
	id := map[string]int32{}
	for i, w := range words {
		id[w] = int32(i)
	}
	co := map[uint64]float64{}
	for _, p := range toks {
		var ids []int32
		for _, w := range p {
			if i, ok := id[w]; ok {
				ids = append(ids, i)
			}
		}
		for a := range ids {
			for d := 1; d <= window && a+d < len(ids); d++ {
				x, y, f := uint64(ids[a]), uint64(ids[a+d]), 1/float64(d)
				co[x<<32|y] += f
				co[y<<32|x] += f
			}
		}
	}
	keys := make([]uint64, 0, len(co))
	for k := range co {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	rowSum, colSum := make([]float64, len(words)), make([]float64, len(words))
	total, colTotal := 0.0, 0.0
	for _, k := range keys {
		rowSum[k>>32] += co[k]
		colSum[k&0xffffffff] += co[k]
		total += co[k]
	}
	for i := range colSum {
		colSum[i] = math.Pow(colSum[i], 0.75)
		colTotal += colSum[i]
	}
	m := sparse{row: make([]int, len(words)+1)}
	for _, k := range keys {
		i, j := k>>32, k&0xffffffff
		v := math.Log(co[k] / total / (rowSum[i] / total * colSum[j] / colTotal))
		if v > 0 {
			m.col = append(m.col, int32(j))
			m.val = append(m.val, v)
			m.row[i+1]++
		}
	}
	for i := range words {
		m.row[i+1] += m.row[i]
	}
	return m
}

// mul sets out (n×k, row-major) to m·x, or mᵀ·x when t.
func (m sparse) mul(x, out []float64, k int, t bool) {
	clear(out)
	for i := 0; i+1 < len(m.row); i++ {
		for p := m.row[i]; p < m.row[i+1]; p++ {
			j, v := int(m.col[p]), m.val[p]
			src, dst := x[j*k:(j+1)*k], out[i*k:(i+1)*k]
			if t {
				src, dst = x[i*k:(i+1)*k], out[j*k:(j+1)*k]
			}
			for c := range dst {
				dst[c] += v * src[c]
			}
		}
	}
}

// topSingular returns an orthonormal basis (n×k, row-major) of the top k
// left singular vectors of m, by subspace iteration Q ← orth(m mᵀ Q) from
// a fixed seed. Word vectors are its rows: their cosines do not depend on
// which basis of the subspace it is, so no rotation is needed.
func topSingular(m sparse, n, k, iters int) []float64 {
	r := rand.New(rand.NewPCG(1, 2))
	q := make([]float64, n*k)
	for i := range q {
		q[i] = r.NormFloat64()
	}
	orth(q, n, k)
	tmp := make([]float64, n*k)
	for range iters {
		m.mul(q, tmp, k, true)
		m.mul(tmp, q, k, false)
		orth(q, n, k)
	}
	return q
}

// orth makes the k columns of q (n×k) orthonormal (modified Gram-Schmidt).
func orth(q []float64, n, k int) {
	for c := 0; c < k; c++ {
		for p := 0; p < c; p++ {
			dot := 0.0
			for i := 0; i < n; i++ {
				dot += q[i*k+c] * q[i*k+p]
			}
			for i := 0; i < n; i++ {
				q[i*k+c] -= dot * q[i*k+p]
			}
		}
		norm := 0.0
		for i := 0; i < n; i++ {
			norm += q[i*k+c] * q[i*k+c]
		}
		norm = math.Sqrt(norm)
		for i := 0; i < n; i++ {
			q[i*k+c] /= norm
		}
	}
}

// quantize scales each row to int8 (its largest value to ±127): only the
// direction of a word's vector matters.
func quantize(u []float64, k int) []int8 {
	out := make([]int8, len(u))
	for i := 0; i < len(u); i += k {
		top := 0.0
		for _, x := range u[i : i+k] {
			top = max(top, math.Abs(x))
		}
		if top == 0 {
			continue
		}
		for c, x := range u[i : i+k] {
			out[i+c] = int8(math.Round(x / top * 127))
		}
	}
	return out
}
