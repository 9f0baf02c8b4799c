package keywords

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The junk classes of issue 10, as the test judges a shown keyword of
// ../shared/corpus (testdata/corpus_top10.tsv, written by gencorpus):
var (
	// a dateline or a source: 日晚, 月份, 消息, 证券时报
	datelineRe = regexp.MustCompile(`^[0-9０-９]*[年月日](晚|早|午|份|中|底|初|电|讯)?$|(消息|记者|报道|日电|快讯|通讯员)$`)
	sources    = words("证券时报 中国证券报 上海证券报 新华社 人民日报 中新网 中新社 央视新闻 澎湃新闻 第一财经 经济日报 财联社 新京报")
	// generic words and the half-phrases (besides the rules below)
	named = words("基本 很强 类型 情况 保障性 约车 量涨 风险较 剂后 立峰 Director required Sec. Sec")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// topRow is one shown keyword with the facts gencorpus counted.
type topRow struct {
	doc, lang, term                          string
	count, inName, sameLeft, sameRight, rank int
	isName                                   bool
}

// junkReason says why a shown keyword is junk, or "".
func junkReason(r topRow) string {
	switch {
	case named[r.term] || lex.Generic[strings.ToLower(r.term)]:
		return "a generic word or a named half-phrase"
	case r.lang == "zh" && (datelineRe.MatchString(r.term) || sources[r.term]):
		return "a dateline or source word"
	case r.lang == "zh" && r.count > 0 && r.inName == r.count && !r.isName:
		return "a piece of a name (always inside a longer name the analyzer found)"
	case r.lang == "zh" && r.count >= 5 && (r.sameLeft == r.count || r.sameRight == r.count):
		return "half of a longer term (always next to the same character)"
	}
	return ""
}

// TestCorpusTop10NoJunk checks that no shown keyword of a document of
// ../shared/corpus is junk. The table is generated (go run ./gencorpus,
// part of go generate), since the corpus lies outside the repository; the
// rows of testdata/known_junk.tsv are the cases not fixed yet: they are
// logged, and any other junk fails.
func TestCorpusTop10NoJunk(t *testing.T) {
	setup(t)
	rows := readTop(t, filepath.Join("testdata", "corpus_top10.tsv"))
	if len(rows) < 2000 {
		t.Fatalf("corpus_top10.tsv holds %d rows: run go run ./gencorpus", len(rows))
	}
	known := map[string]bool{}
	for _, r := range readLines(t, filepath.Join("testdata", "known_junk.tsv")) {
		known[r] = true
	}
	bad := 0
	for _, r := range rows {
		why := junkReason(r)
		if why == "" {
			continue
		}
		bad++
		if known[r.doc+"\t"+r.term] {
			t.Logf("known: %s: %s: %s", r.doc, r.term, why)
			continue
		}
		t.Errorf("%s: keyword %d %q is %s", r.doc, r.rank, r.term, why)
	}
	t.Logf("%d of %d shown keywords are junk by these rules", bad, len(rows))
}

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func readTop(t *testing.T, path string) []topRow {
	var out []topRow
	for i, l := range readLines(t, path) {
		f := strings.Split(l, "\t")
		if i == 0 || len(f) != 9 {
			continue // the header
		}
		n := make([]int, 5)
		for k, s := range []string{f[2], f[4], f[5], f[6], f[7]} {
			v, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			n[k] = v
		}
		out = append(out, topRow{doc: f[0], lang: f[1], term: f[3], rank: n[0], count: n[1], inName: n[2], sameLeft: n[3], sameRight: n[4], isName: f[8] == "1"})
	}
	return out
}
