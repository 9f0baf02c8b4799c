package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestKeywordsReadsStoredAnalyses: keywords on the JSONL that analyze -f
// jsonl wrote gives the groups of the corpus itself (one document a year:
// each year's top three are among the keywords each analysis stored).
func TestKeywordsReadsStoredAnalyses(t *testing.T) {
	const corpus = "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl"
	code, stored, errs := run(t, "", "analyze", "--format", "jsonl", corpus)
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	path := filepath.Join(t.TempDir(), "analyses.jsonl")
	if err := os.WriteFile(path, []byte(stored), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"keywords", "--by", "year", "--format", "csv", "--keywords", "3"}
	_, want, _ := run(t, "", append(args, corpus)...)
	code, got, errs := run(t, "", append(args, path)...)
	if code != 0 || got != want || want == "" {
		t.Errorf("exit %d (%s); from the stored analyses:\n%s\nfrom the corpus:\n%s", code, errs, got, want)
	}
}
