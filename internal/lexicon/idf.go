package lexicon

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// IDFTable maps terms to inverse document frequencies. The built-in table
// is searched in place in the embedded file (sorted by term), so that
// loading it costs one pass over its lines rather than a map of 250,000
// entries.
type IDFTable struct {
	once  sync.Once
	build func() (*IDFTable, error)
	index *Index
	vals  []float64
	max   float64
	// gets counts look-ups until the table earns a hash index (trieAfter),
	// which then serves them from fast: the binary search reads keys
	// scattered over a 4 MB file, but the hash index costs about 15 ms to
	// build, too much for the start of a one-document run. (It was a trie
	// until 2026-12-07: as fast to build, slower a look-up.)
	gets atomic.Int64
	fast atomic.Pointer[hashIndex]
}

// trieAfter is the number of look-ups after which an IDF table builds its
// hash index: a batch passes it in its first documents; one news item
// does not.
const trieAfter = 20000

// lazyIDF returns a table read from its stored form (idftable.go; table
// "" or one made from other data: parsed) on first use, or in the
// background from now on: loading it costs as much as the dictionary, and the two can
// share the start-up on two cores.
func lazyIDF(data, table string, extra map[string]float64) *IDFTable {
	t := &IDFTable{build: func() (*IDFTable, error) {
		if len(extra) == 0 {
			if read, ok := decodeIDFTable(data, table); ok {
				return read, nil
			}
		}
		return parseIDF(data, extra)
	}}
	go t.ready()
	return t
}

func (t *IDFTable) ready() {
	t.once.Do(func() {
		if t.build == nil {
			return
		}
		built, err := t.build()
		if err != nil { // the built-in file is generated; users' rows are validated
			return
		}
		t.index, t.vals, t.max = built.index, built.vals, built.max
	})
}

// Get returns a term's IDF.
func (t *IDFTable) Get(term string) (float64, bool) {
	if t == nil {
		return 0, false
	}
	t.ready()
	if t.index == nil {
		return 0, false
	}
	var v int32
	var ok bool
	if h := t.fast.Load(); h != nil {
		v, ok = h.get(term)
	} else {
		if t.gets.Add(1) == trieAfter {
			t.fast.Store(newHashIndex(t.index))
		}
		v, ok = t.index.Get(term)
	}
	if !ok {
		return 0, false
	}
	return t.vals[v], true
}

// Max is the largest IDF of the table: the value of a term never seen.
func (t *IDFTable) Max() float64 {
	if t != nil {
		t.ready()
	}
	if t == nil || t.max == 0 {
		return 10
	}
	return t.max
}

// Len is the number of terms.
func (t *IDFTable) Len() int {
	if t != nil {
		t.ready()
	}
	if t == nil || t.index == nil {
		return 0
	}
	return t.index.Len()
}

// parseIDF reads `term<TAB>idf` lines; extra rows (a user's file) override
// the built-in ones.
func parseIDF(data string, extra map[string]float64) (*IDFTable, error) {
	// sized once: appending to 250,000 rows cost a third of the parse
	n := strings.Count(data, "\n") + 1
	span := make([]uint32, 0, 2*n)
	vals := make([]float64, 0, n+len(extra))
	sorted := true
	header := false
	prev := ""
	err := DataLinesAt(data, func(at int, line string) error {
		if !header {
			header = true
			return nil
		}
		term, v, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("idf line %q: want term and idf", line)
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return fmt.Errorf("idf line %q: %w", line, err)
		}
		if len(vals) > 0 && prev >= term {
			sorted = false
		}
		prev = term
		span = append(span, uint32(at), uint32(at+len(term)))
		vals = append(vals, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := &IDFTable{vals: vals}
	if sorted && len(extra) == 0 {
		// the built-in file: its terms are searched in place
		t.index = NewNumberedIndexIn(data, span) // a key per value
	} else {
		t.index, t.vals = lastWins(data, span, vals, extra)
	}
	for _, v := range t.vals {
		t.max = max(t.max, v)
	}
	return t, nil
}

// lastWins indexes the rows of a table (spans of data) and extra rows,
// sorted, keeping the last value of each term: later rows (the user's)
// win.
func lastWins(data string, span []uint32, vals []float64, extra map[string]float64) (*Index, []float64) {
	keys := make([]string, 0, len(vals)+len(extra))
	for i := range vals {
		keys = append(keys, data[span[2*i]:span[2*i+1]])
	}
	for k, v := range extra {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	var k2 []string
	var v2 []float64
	for _, i := range idx {
		if n := len(k2); n > 0 && k2[n-1] == keys[i] {
			v2[n-1] = vals[i]
			continue
		}
		k2 = append(k2, keys[i])
		v2 = append(v2, vals[i])
	}
	return NewSortedIndex(k2, ids(len(k2))), v2
}

// ids is 0, 1, …, n-1: the values of an index over a table's rows.
func ids(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}
