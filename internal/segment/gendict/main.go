// Command gendict writes the segmentation dictionaries of lexicons/ from
// gse's data files (run by `go generate ./internal/segment`): one
// `word<TAB>freq<TAB>pos` line per word, sorted bytewise so that the
// segmenter can search the embedded file in place instead of building a
// trie at start-up.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		fail(fmt.Errorf("locate gse: %w", err))
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh")
	root := "../../lexicons"
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	for _, f := range []struct{ in, out, what string }{
		{"s_1.txt", "dict.zh.txt", "simplified"},
		{"t_1.txt", "dict.zht.txt", "traditional"},
	} {
		if err := convert(filepath.Join(dir, f.in), filepath.Join(root, f.out), f.what); err != nil {
			fail(err)
		}
	}
}

func convert(in, out, what string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	type ent struct {
		freq float64
		pos  string
	}
	words := map[string]ent{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 2 {
			continue
		}
		pos := ""
		if len(f) > 2 {
			pos = f[2]
		}
		if old, ok := words[f[0]]; !ok || old.freq < freq {
			words[f[0]] = ent{freq, pos}
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tmp := out + ".tmp"
	fh, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	fmt.Fprintf(w, "# %s Chinese dictionary generated from go-ego/gse data/dict/zh/%s (Apache-2.0) by internal/segment/gendict; do not edit.\n", what, filepath.Base(in))
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\t%s\n", k, strconv.FormatFloat(words[k].freq, 'f', -1, 64), words[k].pos)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := fh.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gendict:", err)
	os.Exit(1)
}
