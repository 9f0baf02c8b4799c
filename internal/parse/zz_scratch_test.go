package parse

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZScratch(t *testing.T) {
	root := os.Getenv("SCRATCH_DIR")
	if root == "" {
		t.Skip()
	}
	filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if de.IsDir() || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".tsv") || strings.HasSuffix(p, "README.md") {
			return nil
		}
		data, _ := os.ReadFile(p)
		d, err := Parse(p, data, Options{})
		if err != nil {
			fmt.Println("ERR", p, err)
			return nil
		}
		b, _ := json.MarshalIndent(d, "", "  ")
		out := "/tmp/scratch/" + strings.ReplaceAll(strings.TrimPrefix(p, root), "/", "__") + ".json"
		os.WriteFile(out, b, 0o644)
		return nil
	})
}

func TestZZJSONL(t *testing.T) {
	p := os.Getenv("SCRATCH_JSONL")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	defer f.Close()
	n := 0
	ReadJSONL(f, p, DefaultJSONLFields, 0, func(d *Document, err error) bool {
		n++
		if err != nil {
			fmt.Println("ERR", err)
			return true
		}
		fmt.Println(d.ID, d.Title, d.Date, len(d.Paragraphs), "|", d.Paragraphs[0][:min(60, len(d.Paragraphs[0]))], "|", d.Paragraphs[len(d.Paragraphs)-1][max(0, len(d.Paragraphs[len(d.Paragraphs)-1])-90):])
		return true
	})
	fmt.Println("N", n)
}
