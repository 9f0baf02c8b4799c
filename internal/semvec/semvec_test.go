package semvec

import (
	"os"
	"sort"
	"strings"
	"testing"
)

// nearest lists the n words nearest to word.
func nearest(t *Table, word string, n int) []string {
	v := make([]float32, t.dim)
	if !t.Add(v, word, 1) {
		return nil
	}
	type hit struct {
		w string
		c float64
	}
	var hits []hit
	u := make([]float32, t.dim)
	for w := range t.index {
		if w == word {
			continue
		}
		clear(u)
		t.Add(u, w, 1)
		hits = append(hits, hit{w, Cosine(v, u)})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].c != hits[j].c {
			return hits[i].c > hits[j].c
		}
		return hits[i].w < hits[j].w
	})
	var out []string
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.w)
	}
	return out
}

// TestShowNeighbours (SEMVEC_SHOW=word,word) prints the nearest words.
func TestShowNeighbours(t *testing.T) {
	ws := os.Getenv("SEMVEC_SHOW")
	if ws == "" {
		t.Skip("SEMVEC_SHOW=宏观调控,融资 prints nearest words")
	}
	tab := Default()
	t.Logf("%d words, dim %d", tab.Len(), tab.Dim())
	for _, w := range strings.Split(ws, ",") {
		t.Logf("%s: %v", w, nearest(tab, w, 10))
	}
}

func TestRoundTrip(t *testing.T) {
	data := Write([]string{"出口", "进口"}, 2, []int8{3, 4, -127, 0})
	tab, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	v := make([]float32, tab.Dim())
	if !tab.Add(v, "出口", 1) || tab.Add(v, "消费", 1) {
		t.Fatalf("known 出口, unknown 消费: %v", v)
	}
	if v[0] != 0.6 || v[1] != 0.8 {
		t.Errorf("出口 as a unit vector: got %v, want [0.6 0.8]", v)
	}
	if _, err := Parse(data[:len(data)-1]); err == nil {
		t.Error("a file cut short parses")
	}
}

// TestEmbedded checks the generated table: its size, and that words used
// alike are near (出口 among the ten words nearest 进口).
func TestEmbedded(t *testing.T) {
	tab, err := Parse(vectorsBin)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() < 5000 || tab.Dim() != 64 {
		t.Fatalf("%d words of %d values, want ≥ 5000 of 64", tab.Len(), tab.Dim())
	}
	if n := nearest(tab, "进口", 10); !strings.Contains(strings.Join(n, " "), "出口") {
		t.Errorf("nearest 进口: %v, want 出口 among them", n)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(Write([]string{"出口", "进口"}, 2, []int8{3, 4, -127, 0}))
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse(data)
		if err != nil {
			return
		}
		v := make([]float32, tab.Dim())
		for w := range tab.index {
			tab.Add(v, w, 1)
		}
	})
}

// BenchmarkParse reads the embedded table: what the first comparison pays.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(vectorsBin); err != nil {
			b.Fatal(err)
		}
	}
}
