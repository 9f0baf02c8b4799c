package segment

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/internal/golden"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
)

// reportParagraphs reads a work report of testdata (the 2025 one in
// simplified characters, the 1954 one in traditional) as paragraphs, one
// a line.
func reportParagraphs(t testing.TB, year string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/report" + year + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return paras
}

// TestGoldenReports pins the segmentation of two whole work reports
// (every token and its tag, one paragraph a line): a change made for
// speed must leave it byte for byte as it was.
func TestGoldenReports(t *testing.T) {
	for _, year := range []string{"2025", "1954"} {
		doc, err := segmenter(t).Segment("", "", reportParagraphs(t, year))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Traditional != (year == "1954") {
			t.Errorf("%s: traditional %v", year, doc.Traditional)
		}
		var b strings.Builder
		for _, p := range doc.Paragraphs {
			for _, tok := range p.Tokens {
				b.WriteString(tok.Text + "/" + tok.POS + " ")
			}
			b.WriteString("\n")
		}
		golden.Check(t, "testdata/report"+year+".golden", []byte(b.String()))
	}
}

// BenchmarkSegmentReports segments the two work reports: the segmenter's
// share of BenchmarkAnalyzeReports in bench/, measured alone.
func BenchmarkSegmentReports(b *testing.B) {
	s := segmenter(b)
	docs := [][]string{reportParagraphs(b, "2025"), reportParagraphs(b, "1954")}
	size := 0
	for _, d := range docs {
		for _, p := range d {
			size += len(p)
		}
	}
	ctx := context.Background()
	for _, d := range docs { // load both dictionaries
		if _, err := s.SegmentContext(ctx, "", "", d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if _, err := s.SegmentContext(ctx, "", "", d); err != nil {
				b.Fatal(err)
			}
		}
	}
	// on a machine shared with other work, CPU time measures the code
	// better than wall time
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParseDict: reading gse's simplified word list into a dictionary
// with its embedded trie, which a cold start waits for, and building the
// trie instead.
func BenchmarkParseDict(b *testing.B) {
	for _, c := range []struct{ name, trie string }{{"embedded", trieZh}, {"built", ""}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseDict(lexicons.DictZh, c.trie); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEmbeddedTries: the embedded tries are those of the word lists (with
// -update, writes them).
func TestEmbeddedTries(t *testing.T) {
	for _, c := range []struct{ path, data, trie string }{
		{"tries/zh.trie", lexicons.DictZh, trieZh}, {"tries/zht.trie", lexicons.DictZht, trieZht},
	} {
		built, err := parseDict(c.data, "")
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, c.path, []byte(built.base.TrieData()))
		read, err := parseDict(c.data, c.trie)
		if err != nil {
			t.Fatal(err)
		}
		if read.base.TrieData() != c.trie {
			t.Errorf("%s: the embedded trie is not used", c.path)
		}
	}
}

// BenchmarkDictPrefixes: the dictionary search alone, the words that start
// at every rune of the 2025 work report (about half of the segmenter's
// time), so that a change to the search is measured without the rest.
func BenchmarkDictPrefixes(b *testing.B) {
	d, err := segmenter(b).dict(false)
	if err != nil {
		b.Fatal(err)
	}
	paras := reportParagraphs(b, "2025")
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	var found [32]lexicon.Match
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		for _, p := range paras {
			for i := range p {
				n += len(d.base.AppendPrefixes(found[:0], p[i:], d.maxLen))
			}
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(n)/float64(b.N), "words/op")
}
