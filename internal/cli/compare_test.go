package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComparePickMissing: a picked period the corpus lacks fails with a
// usage error naming it and the periods that exist, and nothing is printed.
func TestComparePickMissing(t *testing.T) {
	code, out, errs := run(t, "", "compare", "--pick", "2020,2025", "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl")
	if code != ExitUsage || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"2020", "1954", "2024", "2025"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %s: %s", want, errs)
		}
	}
	if strings.Count(strings.TrimSpace(errs), "\n") > 1 {
		t.Errorf("more than a short error: %s", errs)
	}
}

// TestCompareUndatedCounted: documents without a date are left out of the
// periods and counted on stderr; the dated ones are compared.
func TestCompareUndatedCounted(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"20210322-34136460551.md", "20211029-35010809135.md"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/docs/zh-news", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	undated := "各地区要全面加强安全生产执法工作。\n"
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(undated), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, "", "compare", "--by", "month", "--format", "json", "--quiet", dir)
	if !strings.Contains(errs, "2 document(s) without a date") {
		t.Errorf("exit %d; stderr does not count the undated documents: %s", code, errs)
	}
	if !strings.Contains(out, `"period": "2021-03"`) || !strings.Contains(out, `"period": "2021-10"`) {
		t.Errorf("exit %d; no 2021-03 or 2021-10 period in:\n%.400s", code, out)
	}
}
