package compare

import "testing"

// BenchmarkCompare compares the 2024 and 2025 work reports (about 870
// directives each) from scratch: preparing both documents (segmenting
// their directives and paragraphs), aligning and keyness.
func BenchmarkCompare(b *testing.B) {
	docs := readFrozen(b, "gwr-2024-2025.analyses.jsonl")
	a := analyzer(b)
	o := Options{Terms: a.Terms, IDF: a.IDF}
	b.ReportAllocs()
	for b.Loop() {
		NewComparer(o).Compare(docs[0], docs[1])
	}
}

// BenchmarkAlign aligns the prepared directives of the 2024 and 2025 work
// reports, with and without the place penalty and the gap round (their
// cost is the ratio of the two).
func BenchmarkAlign(b *testing.B) {
	docs := readFrozen(b, "gwr-2024-2025.analyses.jsonl")
	a := analyzer(b)
	c := NewComparer(Options{Terms: a.Terms, IDF: a.IDF})
	sa, sb := c.sidesOf(Single(docs[0])), c.sidesOf(Single(docs[1]))
	without := c.w
	without.shiftPen, without.fillMin = 0, 0
	for _, v := range []struct {
		name string
		w    weights
	}{{"without", without}, {"with", c.w}} {
		b.Run(v.name, func(b *testing.B) {
			c.w = v.w
			b.ReportAllocs()
			for b.Loop() {
				c.align(sa, sb)
			}
		})
	}
}
