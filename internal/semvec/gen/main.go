// Command gen learns the word vectors of package semvec from policy text:
// the content words of each paragraph (the analyzer's own segmenter, as
// compare sees them), their co-occurrence within a window, positive
// pointwise mutual information (PPMI, context counts smoothed to the power
// 0.75), and the top singular vectors of that matrix by subspace
// iteration from a fixed seed. Vocabulary and sums run in sorted order, so
// the same input gives the same bytes.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/semvec"
)

func main() {
	gwr := flag.String("gwr", "../../../shared/corpus/gwr/government_work_reports.jsonl", "work reports (JSON Lines with a content field)")
	laws := flag.String("laws", "", "a folder of Markdown laws to add (empty: none)")
	out := flag.String("out", "vectors.bin", "vector file to write")
	vocab := flag.Int("vocab", 20000, "most frequent words kept")
	minCount := flag.Int("min", 5, "least count of a kept word")
	dim := flag.Int("dim", 64, "vector length")
	window := flag.Int("window", 5, "words on each side that count as context")
	iters := flag.Int("iter", 20, "subspace iterations")
	flag.Parse()
	paras, err := readParagraphs(*gwr, *laws)
	if err != nil {
		log.Fatal(err)
	}
	toks, err := tokenize(context.Background(), paras)
	if err != nil {
		log.Fatal(err)
	}
	words := vocabulary(toks, *vocab, *minCount)
	m := ppmi(toks, words, *window)
	u := topSingular(m, len(words), *dim, *iters)
	data := semvec.Write(words, *dim, quantize(u, *dim))
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%d paragraphs, %d words kept, %d non-zero PPMI cells, %d bytes\n", len(paras), len(words), len(m.val), len(data))
}

// readParagraphs reads the work reports' paragraphs (traditional
// characters folded to simplified) and, if a folder is given, the
// paragraphs of its Markdown files, in path order.
func readParagraphs(gwr, laws string) ([]string, error) {
	f, err := os.Open(gwr)
	if err != nil {
		return nil, fmt.Errorf("work reports: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ Content string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", gwr, err)
		}
		out = append(out, split(fold.String(r.Content))...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", gwr, err)
	}
	if laws == "" {
		return out, nil
	}
	err = filepath.WalkDir(laws, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, split(string(b))...)
		return nil
	})
	return out, err
}

// split cuts a text into its non-empty lines.
func split(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// tokenize gives each paragraph its content words of two characters or
// more with a Chinese character (numbers and single characters say little
// of a topic), on every core, in paragraph order.
func tokenize(ctx context.Context, paras []string) ([][]string, error) {
	a, err := analyze.New()
	if err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	out := make([][]string, len(paras))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for _, w := range a.Terms("zh", paras[i]) {
					if keep(w) {
						out[i] = append(out[i], w)
					}
				}
			}
		}()
	}
	for i := range paras {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, ctx.Err()
}

func keep(w string) bool {
	n, han := 0, false
	for _, r := range w {
		n++
		han = han || unicode.Is(unicode.Han, r)
	}
	return n >= 2 && han
}

// vocabulary keeps the n most frequent words seen at least min times,
// sorted (ties by word, so the cut is stable).
func vocabulary(toks [][]string, n, least int) []string {
	count := map[string]int{}
	for _, p := range toks {
		for _, w := range p {
			count[w]++
		}
	}
	var words []string
	for w, c := range count {
		if c >= least {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if count[words[i]] != count[words[j]] {
			return count[words[i]] > count[words[j]]
		}
		return words[i] < words[j]
	})
	words = words[:min(n, len(words))]
	sort.Strings(words)
	return words
}
