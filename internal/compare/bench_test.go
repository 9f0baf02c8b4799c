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
